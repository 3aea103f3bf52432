import { badRequest, forbidden } from '../errors.ts';
import { asList, type ParamRecord, type ParamValue } from '../form.ts';
import { Params } from '../params.ts';
import { ok } from '../respond.ts';
import { type Activity, type Application, findUser, nextId, type SandboxState, type SandboxUser } from '../state.ts';
import { isDate } from '../zone.ts';
import type { RouteContext, Routes } from './types.ts';

const MAX_DATES = 20;

function requestedDates(params: Params): string[] {
  const dates = [...params.list('dates'), ...params.list('date')];
  if (dates.length === 0) throw badRequest('you must provide "date" like 2013-03-20 ');
  if (dates.length > MAX_DATES) throw badRequest(`you can provide max ${MAX_DATES} dates`);
  for (const date of dates) if (!isDate(date)) throw badRequest('unrecognized date format');
  return dates;
}

function requireOwnOrAdmin(user: SandboxUser, userId: number): void {
  if (userId !== user.user_id && !user.permissions.time_tracking_admin) {
    throw forbidden('You do not have permissions to see computer activities of other users');
  }
}

function getActivity({ state, user, params }: RouteContext) {
  const dates = new Set(requestedDates(params));
  const userIds = params.intList('user_id');
  if (userIds.length === 0) userIds.push(user.user_id);
  for (const id of userIds) requireOwnOrAdmin(user, id);
  const include = new Set(params.list('include'));

  const rows = state.activities
    .filter((a) => userIds.includes(a.user_id) && dates.has(a.end_time.slice(0, 10)))
    .sort((a, b) => a.end_time.localeCompare(b.end_time))
    .map((a) => {
      const row: Record<string, unknown> = {
        user_id: String(a.user_id),
        application_id: String(a.application_id),
        end_time: a.end_time,
        time_span: a.time_span,
        window_title_id: String(a.window_title_id),
        end_date: a.end_time.slice(0, 10),
        task_id: String(a.task_id),
        entry_id: String(a.entry_id),
      };
      if (include.has('application')) row.application = state.applications.get(a.application_id)?.app_name ?? '';
      if (include.has('window_title')) row.window_title = state.windowTitles.get(a.window_title_id)?.window_title ?? '';
      return row;
    });
  return ok(rows);
}

function findOrAddApplication(state: SandboxState, appName: string, domain: string): number {
  for (const app of state.applications.values()) {
    if (app.app_name === appName && app.aditional_info === domain) return app.application_id;
  }
  const app: Application = {
    application_id: nextId(state, 'application'),
    app_name: appName,
    aditional_info: domain,
    full_name: appName === 'Internet' ? null : appName,
    category_id: 0,
  };
  state.applications.set(app.application_id, app);
  return app.application_id;
}

function findOrAddWindowTitle(state: SandboxState, title: string): number {
  for (const wt of state.windowTitles.values()) if (wt.window_title === title) return wt.window_title_id;
  const id = nextId(state, 'windowTitle');
  state.windowTitles.set(id, { window_title_id: id, window_title: title });
  return id;
}

function isRecord(value: ParamValue): value is ParamRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function postActivity({ state, user, params, clock }: RouteContext) {
  const items = asList(params.value('computer_activities'));
  if (items.length === 0) throw badRequest('You must provide computer_activities');

  // Check every item before storing any, so a bad batch leaves no half of itself behind.
  const parsed = items.map((item, index) => {
    if (!isRecord(item)) throw badRequest(`computer_activities[${index}] must be an object`);
    const fields = new Params(item);
    const appName = fields.string('application_name')?.trim();
    const start = clock.parseLocal(fields.string('start_time') ?? '');
    const end = clock.parseLocal(fields.string('end_time') ?? '');
    if (!appName || start === undefined || end === undefined) {
      throw badRequest(`computer_activities[${index}]: application_name, start_time and end_time are required`);
    }
    if (end < start) throw badRequest(`computer_activities[${index}]: start_time can not be after end_time`);
    const userId = fields.int('user_id') ?? user.user_id;
    if (!findUser(state, userId)) throw badRequest(`computer_activities[${index}]: no user with id ${userId}`);
    requireOwnOrAdmin(user, userId);
    return {
      userId,
      appName,
      domain: fields.string('website_domain')?.trim() ?? '',
      title: fields.string('window_title') ?? '',
      start,
      end,
      taskId: fields.int('task_id') ?? 0,
    };
  });

  for (const item of parsed) {
    const activity: Activity = {
      user_id: item.userId,
      application_id: findOrAddApplication(state, item.appName, item.domain),
      window_title_id: findOrAddWindowTitle(state, item.title),
      end_time: clock.localDateTime(item.end),
      time_span: Math.floor((item.end - item.start) / 1000),
      task_id: item.taskId,
      entry_id: 0,
    };
    state.activities.push(activity);
  }
  // TimeCamp confirms with PHP's empty array.
  return ok([]);
}

function getApplications({ state, params }: RouteContext) {
  const ids = params.intList('application_ids');
  if (ids.length === 0) throw badRequest('you must provide application_ids');
  const result: Record<string, unknown> = {};
  for (const id of ids) {
    const app = state.applications.get(id);
    if (!app) continue;
    result[id] = {
      application_id: String(app.application_id),
      app_name: app.app_name,
      aditional_info: app.aditional_info,
      full_name: app.full_name,
      category_id: String(app.category_id),
    };
  }
  return ok(result);
}

function getWindowTitles({ state, params }: RouteContext) {
  const ids = params.intList('window_title_ids');
  if (ids.length === 0) throw badRequest('you must provide window_title_ids');
  const result: Record<string, unknown> = {};
  for (const id of ids) {
    const title = state.windowTitles.get(id);
    if (title) result[id] = { window_title_id: String(title.window_title_id), window_title: title.window_title };
  }
  return ok(result);
}

export const activityRoutes: Routes = {
  activity: { GET: getActivity, POST: postActivity },
  application: { GET: getApplications },
  // The old docs read titles with GET; the extension's notes use POST (ids can be many).
  window_title: { GET: getWindowTitles, POST: getWindowTitles },
};
