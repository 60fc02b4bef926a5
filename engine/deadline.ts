// The plan's dates in its own time zone. A deadline is a whole local calendar day: a file received at any
// instant whose local date is on or before it is on time, whatever the date is in UTC.
import type { Plan } from './plan.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(instant: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return parts;
}

/** The local calendar date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 'HH:mm dd/mm/yyyy' in the plan's time zone, for messages. */
export function formatLocalTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** "07 giờ 33 phút" in the plan's time zone: a time of day as an official paper writes it. */
export function formatClock(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.hour} giờ ${p.minute} phút`;
}

export function isLate(plan: Plan, receivedAt: Date): boolean {
  return localDate(receivedAt, plan.timeZone) > plan.deadline;
}

const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Whole days from `now`'s local date to the deadline day: 0 on the last day, negative once late. */
export function daysToDeadline(plan: Plan, now: Date): number {
  return dayNumber(plan.deadline) - dayNumber(localDate(now, plan.timeZone));
}

// How an official document names a time zone: "giờ Việt Nam", not the IANA identifier.
const ZONE_NAMES: Record<string, string> = { 'Asia/Ho_Chi_Minh': 'giờ Việt Nam', 'Asia/Saigon': 'giờ Việt Nam' };

/** "giờ Việt Nam" for the plan's zone; other zones by their identifier, which is at least unambiguous. */
export const timeZoneName = (timeZone: string): string => ZONE_NAMES[timeZone] ?? `giờ ${timeZone}`;
