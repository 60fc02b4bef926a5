// What the secretariat types into the master survives re-merges whole and with its type: long Vietnamese
// notes in a big master, copied rows, inserted rows, dates and formulas, and its own received times.
import { typedName } from './council-counts.js';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNMATCHED_HEADERS, UNMATCHED_REASONS } from '../../sync/typed-values/master.js';
import { UNIT_STATUS_LABELS } from '../../sync/master/units.js';
import {
  ID_HEADER,
  MASTER_SHEETS,
  RECEIVED_BY_OFFICE_HEADER,
  TALLY_TYPED_HEADERS,
  STATUS_HEADER,
} from '../../sync/master/layout.js';
import {
  openWorkbook,
  PLAN,
  readReport,
  rowsOf,
  runSync,
  tmpDir,
  mergedMaster,
  unit,
  unmatchedOf,
  writeInbox,
} from './inbox.js';

const H = TALLY_TYPED_HEADERS;

/** Long notes with every Vietnamese letter, so multi-byte characters fall across every chunk boundary. */
function longNote(i: number): string {
  const words = ['Đã kiểm tra hồ sơ', 'ưu tiên xét', 'thiếu xác nhận của Ủy ban', 'ổn định', 'Hội đồng ghi nhận'];
  const letters = 'ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
  return `${i}: ${words[i % words.length]} — ${letters.repeat(1 + (i % 3))} ${letters.slice(i % 40)}\ndòng hai ${i}`;
}

/** Tổng hợp as {header → column index} and rows. */
async function tallyOf(master: string) {
  const wb = await openWorkbook(master);
  const rows = rowsOf(wb.getWorksheet(MASTER_SHEETS.tally)!);
  const header = rows[0] as string[];
  return { wb, rows: rows.slice(1), col: (h: string) => header.indexOf(h) };
}

describe('a 20,000-row master with long Vietnamese notes', () => {
  it('keeps every note byte for byte over several re-merges', async () => {
    const { inbox, master } = await mergedMaster('big-notes', [unit('H-BATO')]);

    // The secretariat's master after months of work: 20,000 rows, each with a long note (ids of earlier inboxes).
    const { rows, col } = await tallyOf(master);
    const headers = (await openWorkbook(master)).getWorksheet(MASTER_SHEETS.tally)!.getRow(1).values as string[];
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: master, useSharedStrings: true });
    const ws = writer.addWorksheet(MASTER_SHEETS.tally);
    ws.addRow(headers.slice(1)).commit();
    const notes = new Map<string, string>();
    for (const r of rows) ws.addRow(r).commit();
    for (let i = 0; i < 20_000; i++) {
      // Filled with nulls: exceljs reads an array whose first item is missing as starting at column B.
      const line: unknown[] = new Array<unknown>(headers.length - 1).fill(null);
      line[col(ID_HEADER)] = `cu-${i}`;
      line[col(STATUS_HEADER)] = 'Hợp lệ';
      line[col(H.officeNote)] = longNote(i);
      notes.set(`cu-${i}`, longNote(i));
      ws.addRow(line).commit();
    }
    ws.commit();
    await writer.commit();

    for (let round = 0; round < 3; round++) {
      const run = await runSync(['merge', '--inbox', inbox, '--out', master]);
      expect(run.code, run.stderr).toBe(0);
    }
    const after = await tallyOf(master);
    const kept = new Map(after.rows.map((r) => [r[after.col(ID_HEADER)], r[after.col(H.officeNote)]]));
    let damaged = 0;
    for (const [id, note] of notes) if (kept.get(id) !== note) damaged++;
    expect(damaged).toBe(0);
    expect(after.rows.some((r) => String(r[after.col(H.officeNote)] ?? '').includes('\uFFFD'))).toBe(false);
  }, 240_000);
});

describe('values that do not fit one row per id', () => {
  const dir = tmpDir('typed');
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  let ids: string[] = [];
  let names: string[] = [];

  beforeAll(async () => {
    await writeInbox(inbox, [unit('H-BATO', { collectives: 0, individuals: 5 })]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const wb = await openWorkbook(master);
    const ws = wb.getWorksheet(MASTER_SHEETS.tally)!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const c = (h: string) => header.indexOf(h) + 1;
    ids = [2, 3, 4, 5, 6].map((r) => String(ws.getRow(r).getCell(c(ID_HEADER)).value));
    names = [2, 3, 4, 5, 6].map((r) => String(ws.getRow(r).getCell(c('Tên tập thể / Họ và tên')).value));
    const copy = (r: number) => ws.addRow((ws.getRow(r).values as unknown[]).slice(1));
    // Row 2 copied: the copy carries the council's refusal, the original nothing.
    copy(2).getCell(c(H.council)).value = 'Không đồng ý';
    // Row 3 copied: the two copies disagree on the office's opinion.
    ws.getRow(3).getCell(c(H.office)).value = 'Đủ hồ sơ';
    copy(3).getCell(c(H.office)).value = 'Thiếu biên bản họp';
    // A row the secretariat inserted, with no id.
    const inserted = ws.addRow([]);
    inserted.getCell(c('Tên tập thể / Họ và tên')).value = 'Ông Tâm (gọi lại)';
    inserted.getCell(c(H.officeNote)).value = 'Chờ đơn vị gửi bản gốc';
    // A date typed in a note, and a formula Excel never computed (written by another program).
    const dated = ws.getRow(4).getCell(c(H.officeNote));
    dated.value = new Date(Date.UTC(2021, 3, 20));
    dated.numFmt = 'dd/mm/yyyy';
    ws.getRow(5).getCell(c(H.officeNote)).value = { formula: 'TODAY()-1' } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(master);
  }, 60_000);

  it('keeps them all: refusal wins, dates stay dates, formulas stay formulas, the rest goes to Ghi chú không khớp', async () => {
    const run = await runSync(['merge', '--inbox', inbox, '--out', master]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Ghi chú không khớp: 2 giá trị Văn phòng đã nhập không còn khớp đúng một dòng (2 mới');

    const { wb, rows, col } = await tallyOf(master);
    expect(rows).toHaveLength(5);
    const byId = (id: string) => rows.find((r) => r[col(ID_HEADER)] === id)!;
    expect(byId(ids[0]!)[col(H.council)]).toBe('Không đồng ý');
    expect(byId(ids[1]!)[col(H.office)]).toBe('Đủ hồ sơ');
    expect(byId(ids[2]!)[col(H.officeNote)]).toEqual(new Date(Date.UTC(2021, 3, 20)));
    expect(byId(ids[3]!)[col(H.officeNote)]).toMatchObject({ formula: 'TODAY()-1' });
    const listed = PLAN.forms.flatMap((f) =>
      rowsOf(wb.getWorksheet(f.listSheet)!)
        .filter((r) => typeof r[0] === 'number')
        .map((r) => typedName(String(r[1]))),
    );
    expect(listed).not.toContain(names[0]);
    expect(listed).toContain(names[1]);

    const unmatched = rowsOf(wb.getWorksheet(MASTER_SHEETS.unmatched)!);
    const uh = unmatched[0] as string[];
    const u = (r: unknown[], h: string) => r[uh.indexOf(h)];
    expect(unmatched).toHaveLength(3);
    const conflict = unmatched.find((r) => u(r, UNMATCHED_HEADERS.value) === 'Thiếu biên bản họp')!;
    expect(u(conflict, UNMATCHED_HEADERS.sheet)).toBe(MASTER_SHEETS.tally);
    expect(u(conflict, UNMATCHED_HEADERS.row)).toBe(8);
    expect(u(conflict, UNMATCHED_HEADERS.column)).toBe(H.office);
    expect(u(conflict, UNMATCHED_HEADERS.key)).toBe(ids[1]);
    expect(u(conflict, UNMATCHED_HEADERS.reason)).toBe(UNMATCHED_REASONS.copy);
    const orphan = unmatched.find((r) => u(r, UNMATCHED_HEADERS.value) === 'Chờ đơn vị gửi bản gốc')!;
    expect(u(orphan, UNMATCHED_HEADERS.reason)).toBe(UNMATCHED_REASONS.noKey);
    expect(u(orphan, UNMATCHED_HEADERS.row)).toBe(9);
    expect(String(u(orphan, UNMATCHED_HEADERS.context))).toContain('Ông Tâm (gọi lại)');

    // The next re-merge keeps the set-aside values once, and the typed ones as they are.
    const again = await runSync(['merge', '--inbox', inbox, '--out', master]);
    expect(again.stdout).toContain('Ghi chú không khớp: 2 giá trị');
    expect(again.stdout).not.toContain('mới ở lần tổng hợp này');
    const next = await tallyOf(master);
    expect(rowsOf(next.wb.getWorksheet(MASTER_SHEETS.unmatched)!)).toEqual(unmatched);
    expect(next.rows.find((r) => r[next.col(ID_HEADER)] === ids[2])![next.col(H.officeNote)]).toEqual(
      new Date(Date.UTC(2021, 3, 20)),
    );
  }, 60_000);
});

describe('the received time the secretariat records', () => {
  it('is kept beside the file time, decides lateness, and is reported with where it came from', async () => {
    const dir = tmpDir('received');
    const inbox = path.join(dir, 'inbox');
    const master = path.join(dir, 'master.xlsx');
    const report = path.join(dir, 'report.json');
    // Saved from an e-mail on 16/04: the file's time says late; the e-mail arrived on 15/04 at 16:30.
    await writeInbox(inbox, [
      unit('H-SONTAY', { receivedAt: new Date('2021-04-16T09:00:00+07:00') }),
      unit('H-BATO', { receivedAt: new Date('2021-04-10T10:00:00+07:00') }),
    ]);
    await runSync(['merge', '--inbox', inbox, '--out', master, '--report', report]);
    expect((await readReport(report)).units.find((u: { unit: string }) => u.unit === 'H-SONTAY').status).toBe('late');

    const wb = await openWorkbook(master);
    const ws = wb.getWorksheet(MASTER_SHEETS.units)!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = header.indexOf(RECEIVED_BY_OFFICE_HEADER) + 1;
    expect(header[col - 2]).toBe('Thời điểm nhận');
    const rowOf = (code: string) => rowsOf(ws).findIndex((r) => r[0] === code) + 1;
    ws.getRow(rowOf('H-SONTAY')).getCell(col).value = '15/04/2021 16:30';
    await wb.xlsx.writeFile(master);

    const run = await runSync(['merge', '--inbox', inbox, '--out', master, '--report', report]);
    expect(run.code, run.stderr).toBe(0);
    const r = await readReport(report);
    expect(r.units.find((u: { unit: string }) => u.unit === 'H-SONTAY')).toMatchObject({
      status: 'submitted',
      receivedAt: '2021-04-15T09:30:00.000Z',
      receivedFrom: 'secretariat',
    });
    expect(r.units.find((u: { unit: string }) => u.unit === 'H-BATO')).toMatchObject({
      receivedAt: '2021-04-10T03:00:00.000Z',
      receivedFrom: 'file',
    });
    expect(
      r.nominations
        .filter((n: { unit: string }) => n.unit === 'H-SONTAY')
        .every((n: { status: string }) => n.status !== 'late'),
    ).toBe(true);
    expect(run.stdout).toMatch(new RegExp(`H-SONTAY\\s+${UNIT_STATUS_LABELS.onTime}\\s+16:30 15/04/2021`));

    const units = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.units)!);
    const sontay = units.find((u) => u[0] === 'H-SONTAY')!;
    expect(sontay[col - 2]).toBe('09:00 16/04/2021');
    expect(sontay[col - 1]).toBe('15/04/2021 16:30');
    expect(sontay[col]).toBe(UNIT_STATUS_LABELS.onTime);
  }, 120_000);
});

describe('a received time typed on a row that is no unit of the plan', () => {
  it('is listed in Ghi chú không khớp, not dropped (the totals row, a mistyped code)', async () => {
    const { inbox, master } = await mergedMaster('received-orphan', [unit('H-BATO')]);

    const wb = await openWorkbook(master);
    const ws = wb.getWorksheet(MASTER_SHEETS.units)!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = header.indexOf(RECEIVED_BY_OFFICE_HEADER) + 1;
    const rows = rowsOf(ws);
    ws.getRow(rows.findIndex((r) => r[0] === 'Tổng cộng') + 1).getCell(col).value = '15/04/2021 16:30';
    const sontay = ws.getRow(rows.findIndex((r) => r[0] === 'H-SONTAY') + 1);
    sontay.getCell(1).value = 'H-SONTAYY';
    sontay.getCell(col).value = '14/04/2021';
    await wb.xlsx.writeFile(master);

    const run = await runSync(['merge', '--inbox', inbox, '--out', master]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Ghi chú không khớp: 2 giá trị');
    expect(await unmatchedOf(master)).toEqual([
      expect.objectContaining({
        [UNMATCHED_HEADERS.sheet]: MASTER_SHEETS.units,
        [UNMATCHED_HEADERS.key]: 'H-SONTAYY',
        [UNMATCHED_HEADERS.column]: RECEIVED_BY_OFFICE_HEADER,
        [UNMATCHED_HEADERS.value]: '14/04/2021',
        [UNMATCHED_HEADERS.reason]: UNMATCHED_REASONS.unknownKey,
      }),
      expect.objectContaining({
        [UNMATCHED_HEADERS.key]: 'Tổng cộng',
        [UNMATCHED_HEADERS.value]: '15/04/2021 16:30',
        [UNMATCHED_HEADERS.reason]: UNMATCHED_REASONS.unknownKey,
      }),
    ]);
  }, 60_000);
});
