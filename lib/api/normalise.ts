import * as v from 'valibot';
import { decodeEntities } from './entities';

// Building blocks for the schemas that check every TimeCamp answer. The server
// sends the same field as a number or a string ("3600"), flags as 0/1, "0"/"1"
// or booleans, empty lists as [] where it means {}, and some names
// HTML-escaped. Each block accepts all of those and yields one clean type.

const numeric = v.union([v.number(), v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(\.\d+)?$/, 'Expected a number'))]);

/** A number sent as a number or as a numeric string. */
export const num = v.pipe(numeric, v.transform(Number));

/** An id; 0, '' and null mean "none" (TimeCamp's root parent is 0). */
export const optionalId = v.pipe(
  v.nullable(v.union([numeric, v.literal('')])),
  v.transform((value) => (value === null || value === '' || Number(value) === 0 ? null : Number(value))),
);

/** A flag sent as true/false, 1/0, "1"/"0" or "true"/"false". */
export const flag = v.pipe(
  v.union([v.boolean(), v.picklist([0, 1]), v.picklist(['0', '1', 'true', 'false', ''])]),
  v.transform((value) => value === true || value === 1 || value === '1' || value === 'true'),
);

/** Free text from TimeCamp, entity-decoded; null becomes ''. */
export const text = v.pipe(
  v.nullable(v.union([v.string(), v.number()])),
  v.transform((value) => (value === null ? '' : decodeEntities(String(value)))),
);

/** Text where "absent" is meaningful (an external task id); null and '' become null. */
export const optionalText = v.pipe(
  v.nullable(v.union([v.string(), v.number()])),
  v.transform((value) => (value === null || value === '' ? null : decodeEntities(String(value)))),
);

/**
 * A local datetime `YYYY-MM-DD HH:MM:SS`, a date, or just `HH:MM:SS`. Null, ''
 * and MySQL's zero date (`0000-00-00 00:00:00`, TimeCamp's "never") become null.
 */
export const optionalDateTime = v.pipe(
  v.nullable(v.union([v.pipe(v.string(), v.regex(/^(\d{4}-\d{2}-\d{2})?( ?\d{2}:\d{2}(:\d{2})?)?$/, 'Expected a datetime')), v.literal('')])),
  v.transform((value) => (value && !value.startsWith('0000-00-00') ? value : null)),
);

/** A calendar date `YYYY-MM-DD`. */
export const date = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date'));

const emptyList = v.pipe(v.array(v.unknown()), v.maxLength(0));
const notArray = v.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));

/**
 * A collection TimeCamp sends keyed by id (`{"12": {...}}`) or, on other
 * endpoints and server versions, as a plain list: either way an array of its
 * items. (PHP encodes an empty map as `[]`.)
 */
export function collection<TItem extends v.GenericSchema>(item: TItem) {
  return v.union([
    v.array(item),
    v.pipe(notArray, v.record(v.string(), item), v.transform((value) => Object.values(value) as v.InferOutput<TItem>[])),
  ]);
}

/** Like `collection`, for items that do not repeat their own id: yields `[id, item]` pairs. */
export function keyedById<TItem extends v.GenericSchema>(item: TItem) {
  return v.union([
    v.pipe(emptyList, v.transform(() => [] as (readonly [number, v.InferOutput<TItem>])[])),
    v.pipe(
      notArray,
      v.record(v.pipe(v.string(), v.regex(/^\d+$/, 'Expected an id')), item),
      v.transform((value) => Object.entries(value).map(([id, entry]) => [Number(id), entry as v.InferOutput<TItem>] as const)),
    ),
  ]);
}

/** The one item of a collection an answer is about (a created or changed record). */
export function single<TItem extends v.GenericSchema>(item: TItem, what: string) {
  return v.pipe(
    collection(item),
    v.minLength(1, `Expected the ${what}`),
    v.transform((items) => items[0]!),
  );
}
