// TimeCamp stores some names HTML-escaped (PHP's htmlspecialchars) and sends
// them that way. The service worker has no DOMParser, and the full HTML entity
// table would weigh more than the rest of the client, so this decodes numeric
// references and the named ones such escaping produces.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

const REFERENCE = /&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi;

/** Turns `R&amp;D &#039;24` into `R&D '24`; unknown references stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}
