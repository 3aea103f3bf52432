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
  constructor(readonly raw: ParamRecord) {}

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

  bool(name: string): boolean | undefined {
    const text = this.string(name)?.trim().toLowerCase();
    if (text === undefined || text === '') return undefined;
    return !['0', 'false', 'no', 'off'].includes(text);
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
