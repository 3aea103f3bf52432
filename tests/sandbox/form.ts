// PHP-style form decoding: `a[b][]=1&a[b][]=2&c[0][d]=x` becomes nested objects and arrays,
// which is how TimeCamp (a PHP application) reads both query strings and form bodies.

export type ParamValue = string | number | boolean | null | ParamValue[] | ParamRecord;
export interface ParamRecord {
  [key: string]: ParamValue;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function splitKey(rawKey: string): string[] {
  const m = KEY.exec(rawKey);
  if (!m || m[1] === undefined) return [rawKey];
  const rest = m[2] ? [...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1] ?? '') : [];
  return [m[1], ...rest];
}

function isContainer(value: ParamValue | undefined): value is ParamValue[] | ParamRecord {
  return typeof value === 'object' && value !== null;
}

function assign(target: ParamRecord | ParamValue[], path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined || UNSAFE_KEYS.has(head)) return;
  const isPush = head === '';
  if (Array.isArray(target)) {
    const index = isPush ? target.length : Number(head);
    if (!Number.isInteger(index) || index < 0) return;
    if (rest.length === 0) {
      target[index] = value;
      return;
    }
    const existing = target[index];
    const child = isContainer(existing) ? existing : rest[0] === '' ? [] : {};
    target[index] = child;
    assign(child, rest, value);
    return;
  }
  // `[]` on an object (e.g. after `a[0]=x`) appends under the next free numeric key, as PHP does.
  const key = isPush ? String(Object.keys(target).length) : head;
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  const existing = target[key];
  const child = isContainer(existing) ? existing : rest[0] === '' ? [] : {};
  target[key] = child;
  assign(child, rest, value);
}

export function parseForm(text: string): ParamRecord {
  const result: ParamRecord = {};
  for (const [rawKey, value] of new URLSearchParams(text)) assign(result, splitKey(rawKey), value);
  return result;
}

/**
 * A list from any of the shapes clients use: `a[]=1&a[]=2`, `a[0]=1&a[1]=2`, a JSON array,
 * or a comma-separated string.
 */
export function asList(value: ParamValue | undefined): ParamValue[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') {
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => value[k] as ParamValue);
  }
  if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
  return [value];
}
