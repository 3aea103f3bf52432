import type { SandboxClock } from '../clock.ts';
import type { Params } from '../params.ts';
import type { Reply } from '../respond.ts';
import type { SandboxState, SandboxUser } from '../state.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteContext {
  readonly state: SandboxState;
  /** The user the token belongs to. */
  readonly user: SandboxUser;
  readonly params: Params;
  readonly clock: SandboxClock;
}

export type Handler = (ctx: RouteContext) => Reply;

/** Resource name (the path segment after /third_party/api) to its handlers per method. */
export type Routes = Record<string, Partial<Record<HttpMethod, Handler>>>;
