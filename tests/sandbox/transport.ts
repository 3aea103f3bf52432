// How a request reaches the API: where the token, the format and the parameters can be,
// in every spelling TimeCamp accepts (see the API notes in README.md).
import type { IncomingMessage } from 'node:http';
import { parseForm, type ParamRecord, type ParamValue } from './form.ts';

export const API_PREFIX = '/third_party/api';

export type TokenSource = 'header' | 'bearer' | 'query' | 'path' | 'body';
export type ResponseFormat = 'json' | 'xml';

export interface ParsedRequest {
  method: string;
  /** URL path as sent. */
  path: string;
  /** First segment under the API prefix; null for paths outside the API. */
  resource: string | null;
  /** `/key/value` pairs after the resource. */
  pathParams: Record<string, string>;
  query: ParamRecord;
  /** The parsed body: a record for forms and JSON objects, the raw text when it did not parse. */
  body: ParamValue | undefined;
  bodyError: string | null;
  /** Path pairs, then query, then body: later sources win. */
  params: ParamRecord;
  /** Names in `params` whose value came from a JSON body (typed: booleans, numbers) rather than text. */
  jsonNames: ReadonlySet<string>;
  format: ResponseFormat;
  token: string | null;
  tokenSource: TokenSource | null;
  headers: Record<string, string>;
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function splitPath(pathname: string): { resource: string | null; pathParams: Record<string, string> } {
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return { resource: null, pathParams: {} };
  const segments = pathname.slice(API_PREFIX.length).split('/').filter((s) => s !== '').map(decodeSegment);
  const [resource, ...rest] = segments;
  const pathParams: Record<string, string> = {};
  for (let i = 0; i + 1 < rest.length; i += 2) pathParams[rest[i] as string] = rest[i + 1] as string;
  return { resource: resource ?? null, pathParams };
}

interface ParsedBody {
  body: ParamValue | undefined;
  error: string | null;
  json: boolean;
}

function parseBody(text: string, contentType: string): ParsedBody {
  if (text === '') return { body: undefined, error: null, json: false };
  const looksJson = /^\s*[[{]/.test(text);
  if (contentType.includes('json') || (!contentType.includes('form') && looksJson)) {
    try {
      return { body: JSON.parse(text) as ParamValue, error: null, json: true };
    } catch {
      return { body: text, error: 'Request body is not valid JSON', json: false };
    }
  }
  if (contentType === '' || contentType.includes('x-www-form-urlencoded') || contentType.includes('text/plain')) {
    return { body: parseForm(text), error: null, json: false };
  }
  return { body: text, error: null, json: false };
}

function isRecord(value: ParamValue | undefined): value is ParamRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findToken(
  headers: Record<string, string>,
  query: ParamRecord,
  pathParams: Record<string, string>,
  body: ParamRecord,
): { token: string | null; tokenSource: TokenSource | null } {
  const authorization = headers.authorization?.trim();
  if (authorization) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
    return bearer ? { token: bearer[1] as string, tokenSource: 'bearer' } : { token: authorization, tokenSource: 'header' };
  }
  const candidates: [ParamValue | undefined, TokenSource][] = [
    [query.api_token, 'query'],
    [pathParams.api_token, 'path'],
    [body.api_token, 'body'],
  ];
  for (const [value, source] of candidates) {
    if (typeof value === 'string' && value !== '') return { token: value, tokenSource: source };
  }
  return { token: null, tokenSource: null };
}

export function parseRequest(req: IncomingMessage, bodyText: string): ParsedRequest {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const headers = flattenHeaders(req);
  const { resource, pathParams } = splitPath(url.pathname);
  const query = parseForm(url.search.slice(1));
  const { body, error, json } = parseBody(bodyText, (headers['content-type'] ?? '').toLowerCase());
  const bodyParams = isRecord(body) ? body : {};
  const params: ParamRecord = { ...pathParams, ...query, ...bodyParams };
  const format = typeof params.format === 'string' && params.format.toLowerCase() === 'json' ? 'json' : 'xml';
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    resource,
    pathParams,
    query,
    body,
    bodyError: error,
    params,
    jsonNames: new Set(json ? Object.keys(bodyParams) : []),
    format,
    headers,
    ...findToken(headers, query, pathParams, bodyParams),
  };
}

export function readBody(req: IncomingMessage, limitBytes = 1 << 20): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
