/**
 * `webextension-polyfill` in the Firefox build (wxt.config.ts). Firefox has the promise-based
 * `browser` the polyfill wraps Chrome's API into, and there the polyfill hands that object back
 * unchanged: its 10 KB would be parsed by every page and content script and never run.
 */
export default (globalThis as unknown as { browser: unknown }).browser;
