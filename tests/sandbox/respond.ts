import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResponseFormat } from './transport.ts';
import { toXml } from './xml.ts';

/** What a route (or a fault) answers, before it is put on the wire. */
export interface Reply {
  status: number;
  /** Undefined or null: an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const emptyReply = (status = 200): Reply => ({ status, body: null });

/** PHP's json_encode escapes slashes; keep that so clients meet the real server's bytes. */
export function toJson(body: unknown): string {
  return JSON.stringify(body).replace(/\//g, '\\/');
}

/**
 * The API must be reachable from a page or an extension view without host permission, so every
 * answer, errors included, carries CORS headers; preflights are answered for any origin.
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': 'Retry-After, Content-Type',
    Vary: 'Origin',
  };
}

export function writePreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  const headers: Record<string, string> = {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': requested ?? 'Authorization, Content-Type, Accept',
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  };
  // Chromium's Private Network Access asks before a public page may reach loopback.
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  res.writeHead(204, headers);
  res.end();
}

export function writeRaw(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string | null,
  text: string,
  extraHeaders: Record<string, string> = {},
): void {
  const headers: Record<string, string> = { ...corsHeaders(req), ...extraHeaders };
  // 204 and 304 cannot carry a body on the wire, whatever the route meant to say.
  const payload = status === 204 || status === 304 ? '' : text;
  if (contentType && payload !== '') headers['Content-Type'] = contentType;
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(status, headers);
  res.end(payload);
}

export function renderBody(reply: Reply, format: ResponseFormat): { contentType: string | null; text: string } {
  if (reply.body === undefined || reply.body === null) return { contentType: null, text: '' };
  return format === 'json'
    ? { contentType: 'application/json; charset=utf-8', text: toJson(reply.body) }
    : { contentType: 'application/xml; charset=utf-8', text: toXml(reply.body) };
}

export function writeReply(req: IncomingMessage, res: ServerResponse, reply: Reply, format: ResponseFormat): void {
  const { contentType, text } = renderBody(reply, format);
  writeRaw(req, res, reply.status, contentType, text, reply.headers);
}
