const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day a page address names: `day.html#2026-11-30` or `day.html?date=2026-11-30`; null for none. */
export function dateFromAddress(address: { hash: string; search: string }): string | null {
  const named = address.hash.replace(/^#/, '') || new URLSearchParams(address.search).get('date') || '';
  return DATE.test(named) && !Number.isNaN(Date.parse(named)) ? named : null;
}
