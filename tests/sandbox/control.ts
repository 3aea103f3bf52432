// The control endpoint: a second loopback listener that lets another process (an end-to-end run,
// a demo script) look at the sandbox and steer it. It stays up while the API is "offline".
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxClock } from './clock.ts';
import { type FailOptions, type FaultStatus, MALFORM_KINDS, type MalformKind, type MalformOptions } from './faults.ts';
import type { RecordedRequest } from './server.ts';
import type { SandboxState } from './state.ts';
import { readBody } from './transport.ts';

export interface ControlTarget {
  url: string;
  state: SandboxState;
  requests: RecordedRequest[];
  clock: SandboxClock;
  faults: {
    latency(ms: number): void;
    failNext(n: number, status: number, opts?: FailOptions): void;
    malformNext(n: number, kind: MalformKind, opts?: MalformOptions): void;
    dropNext(n: number, opts?: { afterApply?: boolean }): void;
    offline(on: boolean): Promise<void>;
    reset(): void;
  };
  faultStatus(): FaultStatus;
  reset(): void;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

function asObject(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ControlError(400, `${what} must be an object`);
  return value as Json;
}

function asNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ControlError(400, `${what} must be a number`);
  return value;
}

export const CONTROL_ROUTES = [
  'GET /state',
  'GET /state/tasks',
  'GET /state/entries',
  'GET /requests',
  'DELETE /requests',
  'GET /faults',
  'POST /faults',
  'POST /reset',
  'GET /clock',
  'POST /clock',
];

export class ControlServer {
  private readonly server: Server;

  constructor(private readonly target: ControlTarget) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        const status = error instanceof ControlError ? error.status : error instanceof RangeError ? 400 : 500;
        send(res, status, { error: error instanceof Error ? error.message : String(error) });
      });
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': req.headers.origin ?? '*',
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type',
      });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://control.invalid');
    const text = await readBody(req);
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ControlError(400, 'body must be JSON');
      }
    }
    send(res, 200, await this.route(`${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '') || '/'}`, url, body));
  }

  private async route(route: string, url: URL, body: unknown): Promise<unknown> {
    const { target } = this;
    switch (route) {
      case 'GET /':
        return { api: target.url, routes: CONTROL_ROUTES };
      case 'GET /state':
        return this.summary();
      case 'GET /state/tasks':
        return [...target.state.tasks.values()];
      case 'GET /state/entries': {
        const userId = url.searchParams.get('user_id');
        const date = url.searchParams.get('date');
        return [...target.state.entries.values()].filter(
          (e) => (userId === null || e.user_id === Number(userId)) && (date === null || e.date === date),
        );
      }
      case 'GET /requests': {
        const since = Number(url.searchParams.get('since') ?? 0);
        return target.requests.slice(Number.isInteger(since) && since > 0 ? since : 0);
      }
      case 'DELETE /requests':
        target.requests.length = 0;
        return { cleared: true };
      case 'GET /faults':
        return target.faultStatus();
      case 'POST /faults':
        await this.applyFaults(asObject(body, 'body'));
        return target.faultStatus();
      case 'POST /reset':
        target.reset();
        return this.summary();
      case 'GET /clock':
        return this.clock();
      case 'POST /clock':
        this.moveClock(asObject(body, 'body'));
        return this.clock();
      default:
        throw new ControlError(404, `no control route ${route}; try GET /`);
    }
  }

  private async applyFaults(body: Json): Promise<void> {
    const { faults } = this.target;
    if (body.reset === true) faults.reset();
    if (body.latency !== undefined) faults.latency(asNumber(body.latency, 'latency'));
    if (body.failNext !== undefined) {
      const fail = asObject(body.failNext, 'failNext');
      // null asks for no Retry-After header at all; absent leaves the default.
      const retryAfter =
        fail.retryAfter === null || fail.retryAfter === undefined ? fail.retryAfter : asNumber(fail.retryAfter, 'retryAfter');
      faults.failNext(asNumber(fail.n ?? 1, 'failNext.n'), asNumber(fail.status, 'failNext.status'), {
        retryAfter,
        message: typeof fail.message === 'string' ? fail.message : undefined,
      });
    }
    if (body.malformNext !== undefined) {
      const malform = asObject(body.malformNext, 'malformNext');
      if (!MALFORM_KINDS.includes(malform.kind as MalformKind)) {
        throw new ControlError(400, `malformNext.kind must be one of ${MALFORM_KINDS.join(', ')}`);
      }
      faults.malformNext(asNumber(malform.n ?? 1, 'malformNext.n'), malform.kind as MalformKind, {
        code: malform.code === undefined ? undefined : asNumber(malform.code, 'malformNext.code'),
        message: typeof malform.message === 'string' ? malform.message : undefined,
      });
    }
    if (body.dropNext !== undefined) {
      const drop = asObject(body.dropNext, 'dropNext');
      faults.dropNext(asNumber(drop.n ?? 1, 'dropNext.n'), { afterApply: drop.afterApply === true });
    }
    if (typeof body.offline === 'boolean') await faults.offline(body.offline);
  }

  private moveClock(body: Json): void {
    const { clock } = this.target;
    if (body.reset === true) clock.reset();
    if (body.set !== undefined) clock.set(asNumber(body.set, 'set'));
    if (body.advanceMs !== undefined) clock.advance(asNumber(body.advanceMs, 'advanceMs'));
    if (typeof body.freeze === 'boolean') clock.freeze(body.freeze);
  }

  private clock() {
    const { clock } = this.target;
    return { now: clock.now(), local: clock.localDateTime(), timeZone: clock.timeZone, frozen: clock.frozen };
  }

  private summary() {
    const { state, requests } = this.target;
    const tasks = [...state.tasks.values()];
    return {
      api: this.target.url,
      clock: this.clock(),
      users: state.users.map((u) => ({
        user_id: u.user_id,
        display_name: u.display_name,
        email: u.email,
        token: u.token,
        admin: u.permissions.time_tracking_admin,
      })),
      demo: state.demo,
      counts: {
        tasks: tasks.length,
        archivedTasks: tasks.filter((t) => t.archived).length,
        entries: state.entries.size,
        runningTimers: state.timers.size,
        activities: state.activities.length,
        clients: state.clients.size,
        invoices: state.invoices.size,
        requests: requests.length,
      },
      timers: [...state.timers.values()].map((t) => ({
        ...t,
        started_at_local: this.target.clock.localDateTime(t.started_at),
      })),
      entries: [...state.entries.values()],
      faults: this.target.faultStatus(),
    };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Access-Control-Allow-Origin': '*',
  });
  res.end(text);
}
