/** A value that can travel in a TimeCamp request: scalars, lists and nested records. */
export type FormValue = string | number | boolean | null | undefined | readonly FormValue[] | { readonly [key: string]: FormValue };

/**
 * Flattens parameters into `key=value` pairs the way PHP reads them, which is
 * how every generation of TimeCamp's server parses bodies and queries:
 * `{a: [{b: 1}]}` becomes `a[0][b]=1`. Booleans travel as `true`/`false`, as
 * TimeCamp's OpenAPI description documents them (a parameter documented as
 * `0`/`1`, such as `minimal`, is passed as a number); `undefined`
 * and `null` leave the key out, so optional parameters can be passed as-is.
 */
export function toPairs(params: Record<string, FormValue>): [string, string][] {
  const pairs: [string, string][] = [];
  const visit = (key: string, value: FormValue): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [inner, item] of Object.entries(value)) visit(`${key}[${inner}]`, item);
    } else if (typeof value === 'boolean') {
      pairs.push([key, value ? 'true' : 'false']);
    } else {
      pairs.push([key, String(value)]);
    }
  };
  for (const [key, value] of Object.entries(params)) visit(key, value);
  return pairs;
}

/** `application/x-www-form-urlencoded` body (or query string) for the parameters. */
export function encodeForm(params: Record<string, FormValue>): string {
  return new URLSearchParams(toPairs(params)).toString();
}
