// Dates as they arrive from Excel (Date objects, serials in both date systems, text) and the deadline
// in the plan's time zone.
import { describe, expect, it } from 'vitest';
import { daysToDeadline, formatIssue, isLate, readDate } from '../../engine/index.js';
import { check, codes, PLAN, TEST_PLAN, validRow } from './grids.js';

const person = validRow(PLAN, 'ca_nhan');

describe('dates in cells', () => {
  it('reads one day the same from a Date, text dd/mm/yyyy, a 1900 serial and a 1904 serial', () => {
    expect(readDate(new Date(Date.UTC(2021, 3, 5)))).toEqual({ kind: 'ok', date: '2021-04-05' });
    expect(readDate('05/04/2021')).toEqual({ kind: 'ok', date: '2021-04-05' });
    expect(readDate('5/4/2021')).toEqual({ kind: 'ok', date: '2021-04-05' });
    expect(readDate(44291)).toEqual({ kind: 'ok', date: '2021-04-05' });
    expect(readDate(42829, true)).toEqual({ kind: 'ok', date: '2021-04-05' });
  });

  it('refuses text that is not a calendar date', () => {
    expect(readDate('31/02/2021').kind).toBe('invalid');
    expect(readDate('tháng 4').kind).toBe('invalid');
    expect(readDate('04/2021').kind).toBe('invalid');
  });

  it('checks Thông tin dates whatever form they arrived in', () => {
    for (const [letterDate, date1904] of [
      [44302, false],
      [42840, true],
      ['16/04/2021', false],
      [new Date(Date.UTC(2021, 3, 16)), false],
    ] as const) {
      const result = check(PLAN, { info: { letterDate, meetingDate: '01/04/2021' }, individuals: [person], date1904 });
      expect(codes(result)).toEqual(['DATE_TOTRINH_AFTER_DEADLINE']);
    }
  });

  it('reports a Thông tin date that is not a date as FIELD_INVALID at its label', () => {
    const result = check(PLAN, { info: { meetingDate: '30/02/2021' }, individuals: [person] });
    const issue = result.nominations[0]!.issues.find((i) => i.code === 'FIELD_INVALID')!;
    expect(issue).toMatchObject({ sheet: 'Thông tin', column: 'Ngày họp bình xét', row: 9 });
    expect(formatIssue(issue)).toContain('dd/mm/yyyy');
  });
});

describe('the deadline in the plan time zone', () => {
  it('is the whole local day 15/04/2021 in Asia/Ho_Chi_Minh', () => {
    expect(isLate(PLAN, new Date('2021-04-15T23:59:59+07:00'))).toBe(false);
    expect(isLate(PLAN, new Date('2021-04-16T00:00:00+07:00'))).toBe(true);
    expect(isLate(PLAN, new Date('2021-04-15T23:30:00+07:00'))).toBe(false);
    // 03:00 on 16/4 local is still 15/4 in UTC, yet late.
    expect(isLate(PLAN, new Date('2021-04-16T03:00:00+07:00'))).toBe(true);
  });

  it('follows the plan file, not a built-in zone: the test plan ends 31/07/2030 in New York', () => {
    expect(isLate(TEST_PLAN, new Date('2030-08-01T03:30:00Z'))).toBe(false); // 23:30 on 31/7 in New York
    expect(isLate(TEST_PLAN, new Date('2030-08-01T04:30:00Z'))).toBe(true);
  });

  it('counts days left in local days', () => {
    expect(daysToDeadline(PLAN, new Date('2021-04-14T18:00:00Z'))).toBe(0); // 01:00 on 15/4 local
    expect(daysToDeadline(PLAN, new Date('2021-04-10T12:00:00+07:00'))).toBe(5);
    expect(daysToDeadline(PLAN, new Date('2021-04-18T12:00:00+07:00'))).toBe(-3);
  });

  it('marks every nomination of a late file late, and names the received time in local time', () => {
    const result = check(
      PLAN,
      { individuals: [person, validRow(PLAN, 'ca_nhan', { name: 'Đỗ Văn Giang' })] },
      { receivedAt: new Date('2021-04-15T20:00:00Z'), file: 'h-bato.xlsx' },
    );
    expect(result.late).toBe(true);
    expect(result.nominations.map((n) => n.status)).toEqual(['late', 'late']);
    const late = result.nominations[0]!.issues.find((i) => i.code === 'DEADLINE_LATE')!;
    expect(formatIssue(late)).toContain('03:00 16/04/2021');
  });
});
