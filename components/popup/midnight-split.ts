import { toApiTime } from '@/components/format/time';
import { formatApiDate } from '@/lib/api';

const DAY = 86_400;

export interface EntryPiece {
  date: string;
  startTime: string;
  endTime: string;
  durationSeconds: number;
}

/** The day after `YYYY-MM-DD`. */
export function nextDate(date: string): string {
  return formatApiDate(Date.parse(`${date}T00:00:00Z`) + DAY * 1000, 0);
}

/**
 * A new entry's times as TimeCamp can hold them. A TimeCamp entry has one
 * date and a start and end time of that day, so one that runs past midnight
 * (`end` past `DAY`, seconds since the start of `date`) becomes two: up to
 * the end of its day (`23:59:59`, the last time of day the API takes, with
 * the full duration up to midnight) and from midnight of the next day.
 */
export function splitAtMidnight(date: string, start: number, end: number): EntryPiece[] {
  if (end <= DAY) return [{ date, startTime: toApiTime(start), endTime: toApiTime(end === DAY ? DAY - 1 : end), durationSeconds: end - start }];
  return [
    { date, startTime: toApiTime(start), endTime: toApiTime(DAY - 1), durationSeconds: DAY - start },
    { date: nextDate(date), startTime: toApiTime(0), endTime: toApiTime(end - DAY), durationSeconds: end - DAY },
  ];
}
