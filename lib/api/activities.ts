import * as v from 'valibot';
import { keyedById, collection, num, optionalDateTime, optionalId, text } from './normalise';
import type { Transport } from './transport';

const ActivitySchema = v.pipe(
  v.object({
    user_id: num,
    application_id: optionalId,
    window_title_id: v.optional(optionalId, null),
    end_time: optionalDateTime,
    time_span: num,
    task_id: v.optional(optionalId, null),
    entry_id: v.optional(optionalId, null),
  }),
  v.transform((activity) => ({
    userId: activity.user_id,
    applicationId: activity.application_id,
    windowTitleId: activity.window_title_id,
    endTime: activity.end_time,
    durationSeconds: activity.time_span,
    taskId: activity.task_id,
    entryId: activity.entry_id,
  })),
);
export type Activity = v.InferOutput<typeof ActivitySchema>;

const ApplicationsSchema = v.pipe(
  keyedById(
    v.object({
      app_name: text,
      // Spelled this way by TimeCamp.
      aditional_info: v.optional(text, ''),
      category_id: v.optional(optionalId, null),
    }),
  ),
  v.transform((apps) => apps.map(([id, app]) => ({ applicationId: id, name: app.app_name, info: app.aditional_info, categoryId: app.category_id }))),
);
export type Application = v.InferOutput<typeof ApplicationsSchema>[number];

const WindowTitlesSchema = v.pipe(
  keyedById(v.object({ window_title: text })),
  v.transform((titles) => titles.map(([id, title]) => ({ windowTitleId: id, title: title.window_title }))),
);
export type WindowTitle = v.InferOutput<typeof WindowTitlesSchema>[number];

export interface NewActivity {
  /** "Internet" for a web site, as TimeCamp's own clients report browsers. */
  applicationName: string;
  websiteDomain?: string;
  /** Only when the user allows titles: omitted, no title reaches TimeCamp. */
  windowTitle?: string;
  /** Account-local `YYYY-MM-DD HH:MM:SS`. */
  startTime: string;
  endTime: string;
  taskId?: number;
}

export function activitiesApi(http: Transport) {
  return {
    /** One day's computer activity of a user (the token's user when omitted). */
    list: (query: { date: string; userId?: number }) =>
      http.read('activity', { dates: [query.date], user_id: query.userId }, collection(ActivitySchema)),

    add: (activities: NewActivity[]) =>
      http
        .write(
          'POST',
          'activity',
          {
            computer_activities: activities.map((activity) => ({
              application_name: activity.applicationName,
              website_domain: activity.websiteDomain,
              window_title: activity.windowTitle,
              start_time: activity.startTime,
              end_time: activity.endTime,
              task_id: activity.taskId,
            })),
          },
          v.unknown(),
        )
        .then(() => undefined),

    /** Names for the application ids in activity rows. */
    applications: (ids: number[]) => http.read('application', { application_ids: ids.join(',') }, ApplicationsSchema),

    /** Titles for the window-title ids in activity rows; TimeCamp takes this read as a POST. */
    windowTitles: (ids: number[]) => http.read('window_title', { window_title_ids: ids.join(',') }, WindowTitlesSchema, 'POST'),
  };
}
