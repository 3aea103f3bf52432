// A TimeCamp `third_party/api` look-alike on loopback, for the API client's tests, end-to-end
// runs and demos. It shares no code with the extension: it mimics the server independently.
import { SandboxClock } from './clock.ts';
import { ControlServer } from './control.ts';
import { type FailOptions, FaultQueue, type MalformKind, type MalformOptions } from './faults.ts';
import { createSeededState, DEMO_TOKEN, type SeedKind } from './seed/index.ts';
import { ApiServer, type RecordedRequest } from './server.ts';
import type { DemoLandmarks, SandboxState, SandboxUser } from './state.ts';
import { API_PREFIX } from './transport.ts';
import { assertTimeZone } from './zone.ts';

export type { SandboxClock } from './clock.ts';
export type { FailOptions, FaultStatus, MalformKind, MalformOptions } from './faults.ts';
export type { RecordedRequest } from './server.ts';
export type * from './state.ts';
export { DEMO_TOKEN, LARGE_TASK_COUNT, USER_IDS } from './seed/index.ts';

/** The demo account's zone unless a test asks for another. */
export const SANDBOX_TIME_ZONE = 'Europe/Warsaw';

export interface SandboxOptions {
  /** 0 = random (default). */
  port?: number;
  /** Loopback only: '127.0.0.1' (default), '::1' or 'localhost'. */
  host?: string;
  /** 'large' adds 10,000 tasks for performance work. Default 'demo'. */
  seed?: SeedKind;
  /** The account's IANA zone; every API datetime is wall-clock time here. Default 'Europe/Warsaw'. */
  timeZone?: string;
  /** Epoch ms clock; default Date.now. */
  now?: () => number;
  /** Port of the control endpoint; 0 = random (default). */
  controlPort?: number;
}

export interface SandboxFaults {
  /** Delay every API answer by `ms` (0 clears). */
  latency(ms: number): void;
  /** The next `n` requests answer `status` with a `{message}` body; a 429 carries Retry-After (1 s by default, null for none). */
  failNext(n: number, status: number, opts?: FailOptions): void;
  /**
   * The next `n` answers are a 200 with a body the operation does not promise: broken, of another
   * shape, or (`error-in-ok`, with `opts.code`/`opts.message`) an error body with nothing applied.
   */
  malformNext(n: number, kind: MalformKind, opts?: MalformOptions): void;
  /** The next `n` requests get no answer (socket destroyed); with afterApply the request takes effect first. */
  dropNext(n: number, opts?: { afterApply?: boolean }): void;
  /** true closes the API listener (ECONNREFUSED); false listens again on the same port. */
  offline(on: boolean): Promise<void>;
  /** Clears every fault, and brings the API back online if it was offline. */
  reset(): void;
}

export interface Sandbox {
  /** API base, e.g. 'http://127.0.0.1:PORT/third_party/api'. */
  url: string;
  /** Control endpoint base; stays up while the API is offline. */
  controlUrl: string;
  /** The demo user's API token. */
  token: string;
  users: SandboxUser[];
  /** The live account. reset() refills this same object. */
  state: SandboxState;
  /** Every API request, in arrival order. reset() empties this same array. */
  requests: RecordedRequest[];
  faults: SandboxFaults;
  /** The sandbox's clock: advance, set or freeze it to move "now" for the API. */
  clock: SandboxClock;
  /** Ids of the seeded tasks, entries and users worth knowing (see README.md). */
  demo: DemoLandmarks;
  /** Back to the seeded state (for the clock's current "today"); clears the log and faults. */
  reset(): void;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The sandbox listens on loopback only, not on ${host}`);
  const timeZone = options.timeZone ?? SANDBOX_TIME_ZONE;
  assertTimeZone(timeZone);
  const seed = options.seed ?? 'demo';

  const clock = new SandboxClock(options.now ?? Date.now, timeZone);
  const state = createSeededState(clock, seed);
  const requests: RecordedRequest[] = [];
  const faultQueue = new FaultQueue();
  const api = new ApiServer({ host, state, clock, faults: faultQueue, log: requests });
  await api.listen(options.port ?? 0);

  const faults: SandboxFaults = {
    latency: (ms) => faultQueue.setLatency(ms),
    failNext: (n, status, opts) => faultQueue.failNext(n, status, opts),
    malformNext: (n, kind, opts) => faultQueue.malformNext(n, kind, opts),
    dropNext: (n, opts) => faultQueue.dropNext(n, opts?.afterApply ?? false),
    offline: (on) => api.setOffline(on),
    reset: () => {
      faultQueue.clear();
      // Binding happens synchronously inside listen(), so requests sent right after reset() queue up.
      if (!api.online) api.setOffline(false).catch((error: unknown) => console.error('sandbox: could not go back online', error));
    },
  };

  const origin = `http://${host.includes(':') ? `[${host}]` : host}`;
  const url = `${origin}:${api.boundPort}${API_PREFIX}`;
  const reset = () => {
    Object.assign(state, createSeededState(clock, seed));
    requests.length = 0;
    faults.reset();
  };
  const control = new ControlServer({
    url,
    state,
    requests,
    clock,
    faults,
    faultStatus: () => faultQueue.status(!api.online),
    reset,
  });
  try {
    await control.listen(options.controlPort ?? 0, host);
  } catch (error) {
    await api.close();
    throw error;
  }

  return {
    url,
    controlUrl: `${origin}:${control.port}`,
    token: DEMO_TOKEN,
    get users() {
      return state.users;
    },
    state,
    requests,
    faults,
    clock,
    get demo() {
      return state.demo;
    },
    reset,
    close: async () => {
      await Promise.all([api.close(), control.close()]);
    },
  };
}
