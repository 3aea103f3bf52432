import type { SandboxClock } from '../clock.ts';
import { badRequest, forbidden } from '../errors.ts';
import type { Params } from '../params.ts';
import { ok } from '../respond.ts';
import { findUser, type SandboxState, type SandboxUser } from '../state.ts';
import type { RouteContext, Routes } from './types.ts';

function dateRange(params: Params): { from: string; to: string } {
  const from = params.date('from');
  const to = params.date('to');
  if (from === undefined || to === undefined) throw badRequest('you must provide "from" and "to" date like 2013-03-20 ');
  return { from, to };
}

/** `users` (comma separated); blank means everyone the caller may see. */
function requestedUsers(state: SandboxState, user: SandboxUser, params: Params): Set<number> {
  const ids = params.intList('users');
  const admin = user.permissions.time_tracking_admin;
  if (ids.length === 0) return new Set(admin ? state.users.map((u) => u.user_id) : [user.user_id]);
  if (!admin && ids.some((id) => id !== user.user_id)) {
    throw forbidden('You do not have permissions to see other users');
  }
  return new Set(ids);
}

function secondsBetween(clock: SandboxClock, start: string, end: string): number {
  const from = clock.parseLocal(start) ?? 0;
  const to = clock.parseLocal(end) ?? from;
  return Math.max(0, Math.round((to - from) / 1000));
}

function getAttendance({ state, user, params }: RouteContext) {
  const { from, to } = dateRange(params);
  const users = requestedUsers(state, user, params);
  const rows = state.attendance
    .filter((a) => users.has(a.user_id) && a.date >= from && a.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.user_id - b.user_id)
    .map((a) => ({
      user_id: String(a.user_id),
      user_name: findUser(state, a.user_id)?.display_name ?? '',
      start_time: a.start_time,
      end_time: a.end_time,
      total_time: String(a.total_time),
      date: a.date,
      approved: a.approved,
    }));
  return ok(rows);
}

function getAwayTime({ state, user, params, clock }: RouteContext) {
  const { from, to } = dateRange(params);
  const users = requestedUsers(state, user, params);
  const rows = state.awayTimes
    .filter((a) => users.has(a.user_id) && a.start_time.slice(0, 10) >= from && a.start_time.slice(0, 10) <= to)
    .sort((a, b) => a.start_time.localeCompare(b.start_time) || a.user_id - b.user_id)
    .map((a) => ({
      away_time_id: String(a.away_time_id),
      user_id: String(a.user_id),
      user_name: findUser(state, a.user_id)?.display_name ?? '',
      date: a.start_time.slice(0, 10),
      start_time: a.start_time,
      end_time: a.end_time,
      duration: String(secondsBetween(clock, a.start_time, a.end_time)),
      description: a.description,
    }));
  return ok(rows);
}

export const attendanceRoutes: Routes = {
  attendance: { GET: getAttendance },
  away_time: { GET: getAwayTime },
};
