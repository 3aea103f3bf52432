import { ok } from '../respond.ts';
import type { SandboxUser } from '../state.ts';
import type { Routes } from './types.ts';

function userRow(user: SandboxUser): Record<string, unknown> {
  return {
    group_id: String(user.group_id),
    user_id: String(user.user_id),
    email: user.email,
    login_count: String(user.login_count),
    login_time: user.login_time,
    display_name: user.display_name,
    synch_time: user.synch_time,
  };
}

export const userRoutes: Routes = {
  me: {
    GET: ({ state, user }) =>
      ok({
        user_id: String(user.user_id),
        email: user.email,
        register_time: user.register_time,
        display_name: user.display_name,
        synch_time: user.synch_time,
        root_group_id: String(state.account.root_group_id),
        permissions: { ...user.permissions },
      }),
  },
  users: {
    GET: ({ state, params }) => {
      // Every seeded user is active, so `active_only` only needs to be well-formed.
      params.bool('active_only');
      return ok(state.users.map(userRow));
    },
  },
};
