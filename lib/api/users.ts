import * as v from 'valibot';
import { collection, flag, num, optionalId, optionalDateTime, text } from './normalise';
import type { Transport } from './transport';

const MeSchema = v.pipe(
  v.object({
    user_id: num,
    email: text,
    display_name: text,
    root_group_id: optionalId,
    register_time: optionalDateTime,
    permissions: v.optional(
      v.object({
        time_tracking_admin: v.optional(flag, false),
        create_projects: v.optional(flag, false),
        can_view_rates: v.optional(flag, false),
      }),
      {},
    ),
  }),
  v.transform((me) => ({
    userId: me.user_id,
    email: me.email,
    displayName: me.display_name || me.email,
    rootGroupId: me.root_group_id,
    registeredAt: me.register_time,
    permissions: {
      timeTrackingAdmin: me.permissions.time_tracking_admin,
      createProjects: me.permissions.create_projects,
      canViewRates: me.permissions.can_view_rates,
    },
  })),
);
export type Me = v.InferOutput<typeof MeSchema>;

const UserSchema = v.pipe(
  v.object({
    user_id: num,
    email: text,
    display_name: v.optional(text, ''),
    group_id: v.optional(optionalId, null),
    login_time: v.optional(optionalDateTime, null),
  }),
  v.transform((user) => ({
    userId: user.user_id,
    email: user.email,
    displayName: user.display_name || user.email,
    groupId: user.group_id,
    lastLogin: user.login_time,
  })),
);
export type User = v.InferOutput<typeof UserSchema>;

export function usersApi(http: Transport) {
  return {
    /** Who the token belongs to; the way to check a token. */
    me: () => http.read('me', {}, MeSchema),
    /** People in the account. */
    list: (options: { activeOnly?: boolean } = {}) =>
      http.read('users', { active_only: options.activeOnly }, collection(UserSchema)),
  };
}
