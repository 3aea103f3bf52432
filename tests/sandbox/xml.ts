// TimeCamp's default answer format. Lists become <item> elements; keys that are not XML names
// (task ids, invoice ids) become <item key="…">, so a keyed object survives the round trip.

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

function isElementName(key: string): boolean {
  return NAME.test(key) && !/^xml/i.test(key);
}

function element(name: string, value: unknown, attributes = ''): string {
  const content = inner(value);
  return content === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${content}</${name}>`;
}

function inner(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => element('item', item)).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => (isElementName(key) ? element(key, item) : element('item', item, ` key="${escapeXml(key)}"`)))
      .join('');
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeXml(String(value));
}

export function toXml(value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element('xml', value)}\n`;
}
