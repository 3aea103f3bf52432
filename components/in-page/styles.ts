// Lives inside each button's shadow root: nothing leaks out, and the host's `all: initial`
// keeps the page's inherited styles out, all but its typeface and text size (the host takes
// those, so the button looks like the tracker's own: 28 px high, like a compact button there).
// The page's `!important` rules cannot give the host pseudo-elements of its own (to cover the
// button): within a shadow tree's own `!important` rules win over the page's.
export const STYLES = `
:host::before,:host::after{content:none!important;display:none!important}
.w{display:inline-flex;align-items:center;gap:6px;margin:0 4px;vertical-align:middle;font-size:clamp(12px,.93em,14px);line-height:20px;color:#6e7781}
.b{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:6px;min-height:28px;padding:3px 10px;border:1px solid rgba(0,0,0,.15);border-radius:6px;background:#1a7a48;color:#fff;font-weight:500;white-space:nowrap;cursor:pointer}
.b::before{content:"";border-style:solid;border-width:5px 0 5px 8px;border-color:transparent transparent transparent currentColor}
.b[aria-pressed=true]{background:#c62828}
.b[aria-pressed=true]::before{border:0;width:9px;height:9px;background:currentColor}
.b[aria-busy=true]{opacity:.7;cursor:progress}
.b:focus-visible{outline:2px solid #0969da;outline-offset:2px}
.b.e{background:#fff;color:#1a7a48;border-color:#1a7a48}
.b.e::before{border-width:0;content:"+";font-weight:700}
.t{font-variant-numeric:tabular-nums}
[hidden]{display:none!important}
.p{position:absolute;z-index:2147483647;box-sizing:border-box;width:320px;max-width:90vw;margin:4px 0 0;padding:10px 12px;border:1px solid #d0d7de;border-radius:8px;background:#fff;color:#1f2328;box-shadow:0 8px 24px rgba(0,0,0,.2);font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left;white-space:normal}
.p.top{position:fixed;inset:auto;margin:0}
.p.w{opacity:.001;pointer-events:none;position:fixed;inset:auto;margin:0}
.p.f{width:auto;max-width:none;height:320px;padding:0;overflow:hidden}
.fh{display:block;height:100%}
.p p{margin:0 0 6px;overflow-wrap:anywhere}
.r{display:flex;justify-content:flex-end;gap:6px;margin-top:8px}
.r button{font:inherit;padding:4px 10px;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;color:#1f2328;cursor:pointer}
`;
