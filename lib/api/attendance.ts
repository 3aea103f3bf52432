import * as v from 'valibot';
import { date, flag, collection, num, optionalDateTime, text } from './normalise';
import type { Transport } from './transport';

const AttendanceSchema = v.pipe(
  v.object({
    user_id: num,
    user_name: v.optional(text, ''),
    date,
    start_time: v.optional(optionalDateTime, null),
    end_time: v.optional(optionalDateTime, null),
    total_time: v.optional(num, 0),
    approved: v.optional(flag, false),
  }),
  v.transform((day) => ({
    userId: day.user_id,
    userName: day.user_name,
    date: day.date,
    /** First and last moment at work, account-local `HH:MM:SS`. */
    startTime: day.start_time,
    endTime: day.end_time,
    workedSeconds: day.total_time,
    approved: day.approved,
  })),
);
export type AttendanceDay = v.InferOutput<typeof AttendanceSchema>;

const AwayTimeSchema = v.pipe(
  v.object({
    user_id: num,
    date: v.optional(date),
    start_time: optionalDateTime,
    end_time: optionalDateTime,
    duration: v.optional(num),
    description: v.optional(text, ''),
  }),
  v.transform((away) => ({
    userId: away.user_id,
    date: away.date ?? away.start_time?.slice(0, 10) ?? null,
    startTime: away.start_time,
    endTime: away.end_time,
    durationSeconds: away.duration ?? null,
    description: away.description,
  })),
);
export type AwayPeriod = v.InferOutput<typeof AwayTimeSchema>;

interface RangeQuery {
  from: string;
  to: string;
  userIds?: number[];
}

const users = (ids: number[] | undefined) => (ids?.length ? ids.join(',') : undefined);

export function attendanceApi(http: Transport) {
  return {
    /** Per user and day: when work began and ended, and the time worked. */
    list: (query: RangeQuery) => http.read('attendance', { from: query.from, to: query.to, users: users(query.userIds) }, collection(AttendanceSchema)),
  };
}

export function awayTimeApi(http: Transport) {
  return {
    /** Periods away from the computer. */
    list: (query: RangeQuery) => http.read('away_time', { from: query.from, to: query.to, users: users(query.userIds) }, collection(AwayTimeSchema)),
  };
}
