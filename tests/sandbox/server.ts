// The API listener: transport parsing, fault injection, routing and the request log.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxClock } from './clock.ts';
import { ApiError } from './errors.ts';
import { failureReply, type Fault, type FaultQueue, malformedBody, UNAPPLIED_MALFORM_KINDS } from './faults.ts';
import type { ParamRecord, ParamValue } from './form.ts';
import { Params } from './params.ts';
import { type Reply, writePreflight, writeRaw, writeReply } from './respond.ts';
import { HTTP_METHODS, type HttpMethod, ROUTES } from './routes/index.ts';
import { findUserByToken, type SandboxState } from './state.ts';
import { parseRequest, type ParsedRequest, readBody, type ResponseFormat, type TokenSource } from './transport.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  query: ParamRecord;
  /** Header names lowercased. */
  headers: Record<string, string>;
  /** Parsed form or JSON body; the raw text when it did not parse; null when empty. */
  body: ParamValue | null;
  tokenSource: TokenSource | null;
  format: ResponseFormat;
  /** 0 when the connection was dropped without an answer. */
  status: number;
  /** Sandbox clock, epoch ms. */
  time: number;
  resource: string | null;
  pathParams: Record<string, string>;
  /** The injected fault this request met, e.g. 'fail 503', 'malform html', 'drop after apply'. */
  fault: string | null;
}

function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'drop':
      return fault.afterApply ? 'drop after apply' : 'drop';
    case 'fail':
      return `fail ${fault.status}`;
    case 'malform':
      return fault.error ? `malform ${fault.malform} ${fault.error.code}` : `malform ${fault.malform}`;
  }
}

function isHttpMethod(method: string): method is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}

export interface ApiServerDeps {
  host: string;
  state: SandboxState;
  clock: SandboxClock;
  faults: FaultQueue;
  log: RecordedRequest[];
}

export class ApiServer {
  private readonly server: Server;
  private port = 0;
  private listening = false;

  constructor(private readonly deps: ApiServerDeps) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error('sandbox: request failed', error);
        if (!res.headersSent) writeRaw(req, res, 500, 'application/json', '{"message":"Internal server error"}');
      });
    });
  }

  get online(): boolean {
    return this.listening;
  }

  get boundPort(): number {
    return this.port;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.deps.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.listening = true;
  }

  /** Offline really closes the listener (clients get ECONNREFUSED); online listens again on the same port. */
  async setOffline(offline: boolean): Promise<void> {
    if (offline && this.listening) await this.stop();
    else if (!offline && !this.listening) await this.listen(this.port);
  }

  async close(): Promise<void> {
    if (this.listening) await this.stop();
  }

  private async stop(): Promise<void> {
    this.listening = false;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Keep-alive sockets would otherwise keep answering while "offline".
      this.server.closeAllConnections();
    });
    // Give an in-process client a turn to see its pooled sockets close; otherwise its next request
    // may go out on one of them and fail as a reset socket instead of a refused connection.
    await sleep(20);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = this.deps.clock.now();
    let bodyText: string;
    try {
      bodyText = await readBody(req);
    } catch {
      writeRaw(req, res, 413, 'application/json', '{"message":"Request body too large"}');
      return;
    }
    const request = parseRequest(req, bodyText);
    const record: RecordedRequest = {
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body ?? null,
      tokenSource: request.tokenSource,
      format: request.format,
      status: 0,
      time,
      resource: request.resource,
      pathParams: request.pathParams,
      fault: null,
    };
    this.deps.log.push(record);

    // Faults never hit preflights: a browser would report a CORS failure instead of the fault.
    if (request.method === 'OPTIONS') {
      writePreflight(req, res);
      record.status = 204;
      return;
    }

    const { faults } = this.deps;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (req.socket.destroyed) return;

    const fault = faults.take();
    record.fault = fault && describeFault(fault);
    if (fault?.kind === 'drop' && !fault.afterApply) {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'fail') {
      this.answer(req, res, record, failureReply(fault), request.format);
      return;
    }
    if (fault?.kind === 'malform' && UNAPPLIED_MALFORM_KINDS.includes(fault.malform)) {
      this.answerMalformed(req, res, record, fault, { status: 200 });
      return;
    }

    const reply = this.route(request);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'malform') {
      this.answerMalformed(req, res, record, fault, reply);
      return;
    }
    this.answer(req, res, record, reply, request.format);
  }

  private answer(req: IncomingMessage, res: ServerResponse, record: RecordedRequest, reply: Reply, format: ResponseFormat) {
    writeReply(req, res, reply, format);
    record.status = reply.status;
  }

  private answerMalformed(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    fault: Parameters<typeof malformedBody>[0],
    real: Reply,
  ) {
    const { contentType, text } = malformedBody(fault, real);
    writeRaw(req, res, 200, contentType, text);
    record.status = 200;
  }

  private route(request: ParsedRequest): Reply {
    if (request.resource === null) return { status: 404, body: { message: 'Not found' } };
    const handlers = ROUTES[request.resource];
    if (!handlers) return { status: 404, body: { message: `Unknown API method: ${request.resource}` } };
    const handler = isHttpMethod(request.method) ? handlers[request.method] : undefined;
    if (!handler) {
      const allowed = HTTP_METHODS.filter((m) => handlers[m] !== undefined);
      return {
        status: 405,
        body: { message: `Method ${request.method} is not allowed for ${request.resource}` },
        headers: { Allow: [...allowed, 'OPTIONS'].join(', ') },
      };
    }
    if (request.bodyError) return { status: 400, body: { message: request.bodyError } };

    const user = request.token === null ? undefined : findUserByToken(this.deps.state, request.token);
    if (!user) {
      const message = request.token === null ? 'You must provide an API token (api_token)' : 'Invalid API token';
      return { status: 401, body: { message, code: 401 } };
    }
    try {
      const params = new Params(request.params, request.jsonNames);
      return handler({ state: this.deps.state, user, params, clock: this.deps.clock });
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status, body: error.body };
      console.error('sandbox: handler failed', error);
      return { status: 500, body: { message: 'Internal server error' } };
    }
  }
}
