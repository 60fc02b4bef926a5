// The received time the secretariat types in Theo đơn vị (SPEC §7), read as an instant in the plan's
// time zone: an Excel date/time (a wall-clock time), or text such as "16/04/2021 08:30", "08:30 16/04/2021"
// or "15/04/2021" (a date alone: that day, which is all a deadline looks at).
import { isFormula, type TypedCell } from '../../node/xlsx-rows.js';
import { MASTER_SHEETS, RECEIVED_BY_OFFICE_HEADER } from '../master/layout.js';
import { keptRows, typedText, type TypedValues } from './master.js';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const p = Object.fromEntries(parts.map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time in `timeZone` (given as UTC fields) → the instant. */
function fromWallClock(wall: number, timeZone: string): Date {
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone);
  return new Date(instant);
}

function parseText(text: string): number | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const date = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(t);
  if (!date) return undefined;
  const time = /(\d{1,2})(?::|h|g)(\d{2})?(?::(\d{2}))?/i.exec(t.replace(date[0], ' '));
  const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [hh, mm, ss] = time ? [Number(time[1]), Number(time[2] ?? 0), Number(time[3] ?? 0)] : [0, 0, 0];
  if (m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 || y < 2000 || y > 2100) return undefined;
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  return new Date(wall).getUTCDate() === d ? wall : undefined;
}

/** The instant a typed received time stands for; undefined when it is not a time. */
export function readReceivedTime(typed: TypedCell, timeZone: string): Date | undefined {
  const v = isFormula(typed) ? typed.result : typed;
  let wall: number | undefined;
  if (v instanceof Date) wall = v.getTime();
  else if (typeof v === 'number' && v > 30_000 && v < 80_000) wall = EXCEL_EPOCH + Math.round(v * 86_400_000);
  else if (typeof v === 'string') wall = parseText(v);
  return wall === undefined || Number.isNaN(wall) ? undefined : fromWallClock(wall, timeZone);
}

/** The received times typed in the previous master's Theo đơn vị, by unit code as the plan spells it. */
export interface ReceivedTimes {
  times: Map<string, Date>;
  /** Typed but not a time: the unit's file time is used instead, and the merge says so. */
  unreadable: { unit: string; text: string }[];
}

/** Reads every received time typed in Theo đơn vị, in the plan's time zone. */
export function receivedTimesFromPrevious(previous: TypedValues, timeZone: string): ReceivedTimes {
  const read: ReceivedTimes = { times: new Map(), unreadable: [] };
  for (const row of keptRows(previous, MASTER_SHEETS.units)) {
    const typed = row.values.get(RECEIVED_BY_OFFICE_HEADER);
    if (typed === undefined) continue;
    // The key is the plan's unit code, however its letters were typed.
    const time = readReceivedTime(typed, timeZone);
    if (time) read.times.set(row.key, time);
    else read.unreadable.push({ unit: row.key, text: typedText(typed) });
  }
  return read;
}
