// Files that once stopped a merge or swamped its memory get a verdict like any other, through the real
// command, and never cost the other units' files. (Their time and memory are measured by `npm run bench`.)
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUT_MARKER, LIMITS } from '../../engine/limits.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { hostileFiles, LONG_ROWS, LONG_TEXT } from './hostile-files.js';
import { onTime, mergeWithReport, tmpDir, unit, writeInbox, PLAN, type CliResult } from './inbox.js';

interface ReportIssue {
  code: string;
  column: string | null;
  message: string;
}
interface ReportNomination {
  unit: string;
  name: string;
  source: { file: string; row: number };
  issues: ReportIssue[];
}

describe('hostile files in one inbox', () => {
  const inbox = tmpDir('inbox-hostile');
  const out = tmpDir('out-hostile');
  let run: CliResult;
  let report: Awaited<ReturnType<typeof mergeWithReport>>['report'];
  let names: Record<string, string>;

  beforeAll(async () => {
    await writeInbox(inbox, [unit('SCT-VP')]);
    const files = await hostileFiles(PLAN);
    names = Object.fromEntries(files.map((f) => [f.what, f.name]));
    for (const f of files) {
      const file = path.join(inbox, f.name);
      await fs.writeFile(file, f.data);
      await fs.utimes(file, onTime, onTime);
    }
    ({ run, report } = await mergeWithReport(inbox, out));
  }, 120_000);

  const verdict = (what: string) => report.files.find((f: { file: string }) => f.file === names[what]);
  const rowsOfFile = (what: string): ReportNomination[] =>
    report.nominations.filter((n: ReportNomination) => n.source.file === names[what]);

  it('gives every file a verdict, merges the good one, and exits 2 for the refused ones', () => {
    expect(run.code).toBe(2);
    expect(report.files).toHaveLength(Object.keys(names).length + 1);
    expect(report.files.find((f: { file: string }) => f.file === 'SCT-VP.xlsx').status).toBe('accepted');
  });

  it.each(['whole-column validation', '50,000 merged ranges'])('reads a file with %s like any other', (what) => {
    expect(verdict(what).status).toBe('accepted');
    const rows = rowsOfFile(what);
    expect(rows.map((n) => n.source.row)).toEqual([2, 2]);
    expect(rows.flatMap((n) => n.issues.map((i) => i.code))).toEqual([]);
  });

  it('reads a note typed at row 1,048,576 as a row, and names that row', () => {
    expect(verdict('a cell at row 1,048,576').status).toBe('accepted');
    const last = rowsOfFile('a cell at row 1,048,576').find((n) => n.source.row === 1_048_576)!;
    expect(last.issues.find((i) => i.code === 'FIELD_REQUIRED' && i.column === 'Họ và tên')!.message).toContain(
      'dòng 1048576',
    );
  });

  it('cuts a 1 MB summary shared by 400 rows to one cell, with a visible marker, in the master', async () => {
    expect(verdict('1 MB shared string × 400 cells').status).toBe('accepted');
    const rows = rowsOfFile('1 MB shared string × 400 cells');
    expect(rows).toHaveLength(LONG_ROWS);
    // The clerk is told on each row, a warning: the rows stay valid.
    for (const n of rows)
      expect(n.issues.map((i) => `${i.code}:${i.column}`)).toEqual(['TEXT_TOO_LONG:Tóm tắt thành tích']);
    const master = await readXlsxGrid(await fs.readFile(path.join(out, 'master.xlsx')), {
      wantSheet: (name) => name === 'Tổng hợp',
    });
    const tally = master.sheets[0]!.rows;
    const col = tally[0]!.indexOf('Tóm tắt thành tích');
    const summaries = tally.slice(1).map((r) => String(r[col] ?? ''));
    const cut = summaries.filter((s) => s.endsWith(CUT_MARKER));
    expect(cut).toHaveLength(LONG_ROWS);
    expect(
      cut.every((s) => s.length === LIMITS.cellChars && LONG_TEXT.startsWith(s.slice(0, -CUT_MARKER.length))),
    ).toBe(true);
    expect(summaries.every((s) => s.length <= LIMITS.cellChars)).toBe(true);
  });

  it('tells the clerk an error value in a date-formatted Năm sinh is a formula to fix', () => {
    expect(verdict('#VALUE! in a date-formatted cell').status).toBe('accepted');
    const [row] = rowsOfFile('#VALUE! in a date-formatted cell');
    const issue = row!.issues.find((i) => i.column === 'Năm sinh')!;
    expect(issue.code).toBe('FIELD_INVALID');
    expect(issue.message).toContain('Giá trị "#VALUE!" không hợp lệ. Ô đang hiện lỗi của công thức');
  });

  it.each([
    ['a workbook with no sheet', 'FILE_UNREADABLE', 'không tìm thấy trang tính nào'],
    ['an .xls renamed .xlsx', 'FILE_UNSUPPORTED', 'Lưu thành › Sổ làm việc Excel (.xlsx)'],
    ['a password-protected workbook', 'FILE_ENCRYPTED', 'gỡ mật khẩu'],
  ])('refuses %s with %s', (what, code, words) => {
    expect(verdict(what)).toMatchObject({ status: 'rejected', error: { code } });
    expect(verdict(what).error.message).toContain(words);
  });
});
