import { badRequest } from './errors.ts';
import { asList, type ParamRecord, type ParamValue } from './form.ts';
import { isDate } from './zone.ts';

function scalar(value: ParamValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return undefined;
}

/** Typed reads of request parameters, whichever transport (query, path pairs, form, JSON) carried them. */
export class Params {
  /** `fromJson`: names whose value came from a JSON body, where values carry JSON's own types. */
  constructor(
    readonly raw: ParamRecord,
    private readonly fromJson: ReadonlySet<string> = new Set(),
  ) {}

  /** Present with a non-empty value. */
  has(name: string): boolean {
    const value = this.raw[name];
    return value !== undefined && value !== null && value !== '';
  }

  value(name: string): ParamValue | undefined {
    return this.raw[name];
  }

  string(name: string): string | undefined {
    return scalar(this.raw[name]);
  }

  int(name: string): number | undefined {
    const text = this.string(name)?.trim();
    if (text === undefined || text === '') return undefined;
    if (!/^-?\d+$/.test(text)) throw badRequest(`${name} must be an integer`);
    return Number(text);
  }

  /**
   * A parameter the spec documents as a boolean: `true`/`false` as text in a query, path pair or
   * form, a JSON boolean in a JSON body. Anything else (`1`, `0`, `yes`) is refused, so a client
   * that leans on PHP's loose truthiness fails here rather than against a stricter server.
   */
  bool(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (this.fromJson.has(name) ? typeof value === 'boolean' : value === 'true' || value === 'false') {
      return value === true || value === 'true';
    }
    throw badRequest(`${name} must be true or false`);
  }

  /** A parameter the spec documents as `0`/`1` (e.g. tasks `minimal`, `billable`): those two only, as text or numbers. */
  bit(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (value === '1' || value === 1) return true;
    if (value === '0' || value === 0) return false;
    throw badRequest(`${name} must be 0 or 1`);
  }

  list(name: string): string[] {
    return asList(this.raw[name])
      .map(scalar)
      .filter((v): v is string => v !== undefined && v !== '');
  }

  intList(name: string): number[] {
    return this.list(name).map((v) => {
      if (!/^\d+$/.test(v.trim())) throw badRequest(`${name} must be a comma separated list of ids`);
      return Number(v);
    });
  }

  /** A 'YYYY-MM-DD' parameter; a malformed one is a 400 with TimeCamp's wording. */
  date(name: string): string | undefined {
    const text = this.string(name)?.trim();
    if (text === undefined || text === '') return undefined;
    if (!isDate(text)) throw badRequest(`unrecognized ${name} format`);
    return text;
  }
}
