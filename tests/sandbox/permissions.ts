import type { RoleId, SandboxState, SandboxUser, Task } from './state.ts';

export const ROLE = { none: 0, manager: 1, regular: 3, guest: 5 } as const satisfies Record<string, RoleId>;

/**
 * The keys of a task's `perms` object. The spec lists the keys (1, 2, 3, 5, 6, 7) without naming
 * them; the names follow the `perms` filter of GET tasks.
 */
export const PERMISSIONS = {
  1: 'view_task',
  2: 'edit_task_settings',
  3: 'create_subtask',
  5: 'track_time',
  6: 'view_detailed_data',
  7: 'view_rates',
} as const;

export type PermissionName = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const ROLE_PERMISSIONS: Record<RoleId, readonly PermissionName[]> = {
  0: [],
  1: ['view_task', 'edit_task_settings', 'create_subtask', 'track_time', 'view_detailed_data', 'view_rates'],
  3: ['view_task', 'track_time'],
  5: ['view_task'],
};

export function isRoleId(value: number): value is RoleId {
  return value === 0 || value === 1 || value === 3 || value === 5;
}

/** The role on the nearest task up the tree that sets one, else the user's default role. */
export function roleOn(state: SandboxState, user: SandboxUser, task: Task): RoleId {
  for (let t: Task | undefined = task; t; t = state.tasks.get(t.parent_id)) {
    const role = t.roles[user.user_id];
    if (role !== undefined) return role;
  }
  return user.default_role;
}

export function permissionsOn(state: SandboxState, user: SandboxUser, task: Task): Set<PermissionName> {
  const granted = new Set<PermissionName>(ROLE_PERMISSIONS[roleOn(state, user, task)]);
  // Time tracking administrators see and manage every task, but tracking still follows the role:
  // an admin who is only a guest on a client's project may not track to it.
  if (user.permissions.time_tracking_admin) {
    for (const p of ['view_task', 'edit_task_settings', 'create_subtask', 'view_detailed_data'] as const) granted.add(p);
  }
  return granted;
}

export function canView(state: SandboxState, user: SandboxUser, task: Task, ignoreAdminRights = false): boolean {
  if (ignoreAdminRights) return roleOn(state, user, task) !== ROLE.none;
  return permissionsOn(state, user, task).has('view_task');
}

export function canTrack(state: SandboxState, user: SandboxUser, task: Task): boolean {
  return permissionsOn(state, user, task).has('track_time');
}

export function canEditTask(state: SandboxState, user: SandboxUser, task: Task): boolean {
  return permissionsOn(state, user, task).has('edit_task_settings');
}

export function canCreateUnder(state: SandboxState, user: SandboxUser, parent: Task | undefined): boolean {
  if (!parent) return user.permissions.create_projects;
  return permissionsOn(state, user, parent).has('create_subtask');
}

/** The `perms` object of GET tasks: each known permission as 0/1. */
export function permsObject(granted: Set<PermissionName>): Record<string, number> {
  const perms: Record<string, number> = {};
  for (const [key, name] of Object.entries(PERMISSIONS)) perms[key] = granted.has(name) ? 1 : 0;
  return perms;
}
