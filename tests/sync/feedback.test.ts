// Feedback workbooks from one merge of the demo inbox: one per unit that sent a file, a "Phản hồi" sheet
// first saying what happened to its files and every issue as the report has it, then its own rows marked;
// and what the secretariat types in the master reaches the units after the next merge.
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoInbox } from '../../dev/sample/demo-inbox.js';
import { CHECK_BUTTON, describeLocation, ERROR_FILL, SEVERITY_LABELS, templateSheetNames } from '../../engine/index.js';
import { WRITTEN_LIST } from '../../node/output-folders.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { FEEDBACK_HEADERS, FEEDBACK_SECTIONS, FEEDBACK_SHEET, WHOLE_SUBMISSION } from '../../sync/feedback.js';
import { ID_HEADER, MASTER_SHEETS, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';
import { manyMerges, wholeColumnValidation } from './hostile-files.js';
import { onTime, openWorkbook, PLAN, readReport, rowsOf, runSync, tmpDir, unit, writeInbox } from './inbox.js';

type Table = Record<string, unknown>[];

/** The rows of the table under `headers` in the Phản hồi sheet, by header text; [] when it is absent. */
function tableOf(ws: ExcelJS.Worksheet, headers: readonly string[]): Table {
  for (let r = 1; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    if (values[0] !== headers[0] || !headers.every((h) => values.includes(h))) continue;
    const cols = headers.map((h) => values.indexOf(h) + 1);
    const rows: Table = [];
    for (let i = r + 1; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      if (row.getCell(1).value === null || row.getCell(1).value === undefined) break;
      rows.push(Object.fromEntries(headers.map((h, k) => [h, row.getCell(cols[k]!).value])));
    }
    return rows;
  }
  return [];
}

/** The value beside a label of the facts block at the top of Phản hồi. */
function factOf(ws: ExcelJS.Worksheet, label: string): unknown {
  // The label may span several columns, each reading back as the label: the value is the first other one.
  for (let r = 1; r <= ws.rowCount; r++)
    if (ws.getCell(r, 1).value === label)
      return (ws.getRow(r).values as unknown[]).find((v) => v !== undefined && v !== null && v !== label);
  return undefined;
}

/** The sheet row a "Dòng" cell names: "6 (STT 5)" → 6. */
const lineOf = (v: unknown) => (v === null || v === undefined ? '' : Number(String(v).split(' ')[0]));

const text = (ws: ExcelJS.Worksheet) => rowsOf(ws).flat().filter(Boolean).join('\n');

interface ReportIssue {
  code: string;
  severity: 'error' | 'warning';
  column: string | null;
  message: string;
  sheet: string | null;
  row: number | null;
}
interface ReportNomination {
  id: string;
  unit: string;
  name: string;
  status: string;
  issues: ReportIssue[];
  source: { file: string; sheet: string; row: number };
}

describe('merge --feedback over the demo inbox', () => {
  const dir = tmpDir('feedback');
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  const report = path.join(dir, 'report.json');
  const feedback = path.join(dir, 'phan-hoi');
  const merge = () => runSync(['merge', '--inbox', inbox, '--out', master, '--report', report, '--feedback', feedback]);
  let json: { files: { file: string; unit: string | null; status: string; error?: { message: string } }[] };
  let nominations: ReportNomination[];
  let stdout = '';

  beforeAll(async () => {
    await writeDemoInbox(PLAN, inbox);
    const run = await merge();
    expect(run.code, run.stderr).toBe(2); // the demo inbox holds a refused .xls on purpose
    stdout = run.stdout;
    json = await readReport(report);
    nominations = (json as unknown as { nominations: ReportNomination[] }).nominations;
  }, 180_000);

  const senders = (): string[] =>
    [...new Set(json.files.map((f) => f.unit ?? ''))].filter((u) => PLAN.units.some((p) => p.code === u));

  it('writes one workbook per unit that sent a file, Phản hồi first, and says where', async () => {
    expect(stdout).toContain(`Phản hồi gửi lại đơn vị: ${feedback}`);
    // Beside them, the hidden list of files the merge wrote (so it replaces only its own).
    expect(readdirSync(feedback).sort()).toEqual([
      WRITTEN_LIST,
      ...senders()
        .map((u) => `${u}.xlsx`)
        .sort(),
    ]);
    // The unit that sent nothing gets nothing.
    expect(senders()).not.toContain('H-LYSON');
    for (const unit of senders()) {
      const wb = await openWorkbook(path.join(feedback, `${unit}.xlsx`));
      expect(wb.worksheets[0]!.name, unit).toBe(FEEDBACK_SHEET);
      expect(text(wb.worksheets[0]!)).toContain(`(${unit})`);
    }
  });

  it('tells a unit whose only file was refused why, and what to send', async () => {
    const refused = json.files.find((f) => f.unit === 'SCT-QLNL')!;
    expect(refused.status).toBe('rejected');
    const wb = await openWorkbook(path.join(feedback, 'SCT-QLNL.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([FEEDBACK_SHEET]);
    const ws = wb.getWorksheet(FEEDBACK_SHEET)!;
    const files = tableOf(ws, FEEDBACK_HEADERS.files);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ Tệp: refused.file, 'Xử lý': 'Bị từ chối' });
    expect(refused.error!.message.endsWith(String(files[0]!['Lý do']))).toBe(true);
    expect(text(ws)).toContain('Cần gửi lại');
    // When the refused file arrived, as the files table says it, not "–".
    expect(factOf(ws, 'Thời điểm nhận')).toBe(files[0]!['Thời điểm nhận']);
    // The merge ran after the deadline: the unit is told so plainly, and what resending now means.
    const resend = factOf(ws, 'Cần gửi lại');
    expect(resend).toMatch(/^Hạn gửi hồ sơ đã hết \(hết ngày 15\/04\/2021\)/);
    expect(resend).not.toContain('trước hết ngày');
    // The template is the workbook the Sở sent, not a file named like this feedback; the button as the ribbon says it.
    expect(resend).not.toContain('SCT-QLNL.xlsx');
    expect(resend).toContain(`bấm nút "${CHECK_BUTTON}"`);
  });

  it('names the file used and the one it replaced', async () => {
    const ws = (await openWorkbook(path.join(feedback, 'H-BINHSON.xlsx'))).getWorksheet(FEEDBACK_SHEET)!;
    const files = tableOf(ws, FEEDBACK_HEADERS.files);
    expect(files.map((f) => [f['Tệp'], f['Xử lý']])).toEqual([
      ['H-BINHSON-lan1.xlsx', 'Được thay bằng tệp gửi sau'],
      ['H-BINHSON-lan2.xlsx', 'Được dùng'],
    ]);
    expect(text(ws)).toContain('giờ Việt Nam');
  });

  it('lists every issue of the unit as the report JSON has it, and marks its rows', async () => {
    for (const unit of senders().filter((u) => json.files.some((f) => f.unit === u && f.status === 'accepted'))) {
      const wb = await openWorkbook(path.join(feedback, `${unit}.xlsx`));
      const ws = wb.getWorksheet(FEEDBACK_SHEET)!;
      const toFix = tableOf(ws, FEEDBACK_HEADERS.issues);
      const notes = tableOf(ws, FEEDBACK_HEADERS.notes);
      // What the unit cannot mend in its file is a note of the secretariat, never an issue to fix.
      expect(toFix.map((r) => r['Nội dung']).filter((t) => /Văn phòng Sở (cần|sẽ) đối chiếu/.test(String(t)))).toEqual(
        [],
      );
      const shown = [
        ...toFix.map((r) => [r['Trang'], lineOf(r['Dòng']), r['Cột'] || '', r['Mức'], r['Nội dung']].join(' | ')),
        ...notes.map((r) => [r['Trang'], lineOf(r['Dòng']), r['Cột'] || '', r['Mức'], r['Ghi chú']].join(' | ')),
      ];
      const expected = new Set<string>();
      for (const n of nominations.filter((x) => x.unit === unit))
        for (const i of n.issues) {
          const where = describeLocation({
            file: n.source.file,
            sheet: i.sheet ?? undefined,
            row: i.row ?? undefined,
            column: i.column ?? undefined,
          });
          expected.add(
            [
              i.sheet ?? WHOLE_SUBMISSION,
              i.row ?? '',
              i.column ?? '',
              SEVERITY_LABELS[i.severity],
              i.message.slice(where.length + 2),
            ].join(' | '),
          );
        }
      expect(new Set(shown), unit).toEqual(expected);
      expect(shown.length, unit).toBe(expected.size);

      // The unit's own rows: the verdict column, and a red cell on every row with an error of its own.
      for (const n of nominations.filter((x) => x.unit === unit)) {
        const ws = wb.getWorksheet(n.source.sheet)!;
        const header = (ws.getRow(1).values as unknown[]).slice(1);
        const verdict = String(ws.getCell(n.source.row, header.indexOf('Kết quả kiểm tra') + 1).value ?? '');
        const ownError = n.issues.some((i) => i.severity === 'error' && i.sheet === n.source.sheet && i.column);
        // A late file's rows say first that they are not considered, never "Hợp lệ".
        if (n.status === 'late') expect(verdict, `${unit} ${n.name}`).toMatch(/^Gửi muộn – không được xét/);
        else if (!n.issues.length) expect(verdict, `${unit} ${n.name}`).toBe('Hợp lệ');
        if (ownError) {
          expect(verdict).toMatch(/^(Gửi muộn – không được xét • )?Lỗi/);
          const red = header.some(
            (_, c) =>
              (ws.getCell(n.source.row, c + 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ===
              `FF${ERROR_FILL.slice(1)}`,
          );
          expect(red, `${unit} ${n.name}`).toBe(true);
        }
      }
    }
  });

  it('keeps what the unit cannot mend apart, as the secretariat’s notes, naming the other unit by name and code', async () => {
    const ws = (await openWorkbook(path.join(feedback, 'H-TUNGHIA.xlsx'))).getWorksheet(FEEDBACK_SHEET)!;
    expect(text(ws)).toContain(FEEDBACK_SECTIONS.notes);
    expect(tableOf(ws, FEEDBACK_HEADERS.issues).map((r) => r['Nội dung'])).not.toContainEqual(
      expect.stringContaining('đối chiếu'),
    );
    const notes = tableOf(ws, FEEDBACK_HEADERS.notes).map((r) => String(r['Ghi chú']));
    expect(notes).toContainEqual(expect.stringContaining('đơn vị "Văn phòng Sở" (SCT-VP)'));
    expect(notes.join('\n')).not.toContain('hai đơn vị');
  });

  it('names a row to the clerk by its STT too, as the clerk numbers the nominees', async () => {
    const ws = (await openWorkbook(path.join(feedback, 'TX-DUCPHO.xlsx'))).getWorksheet(FEEDBACK_SHEET)!;
    const rows = tableOf(ws, FEEDBACK_HEADERS.nominations);
    expect(rows.find((r) => r['Tên tập thể / Họ và tên'] === 'Bùi Quang Cường')).toMatchObject({ Dòng: '2 (STT 1)' });
    expect(tableOf(ws, FEEDBACK_HEADERS.issues).map((r) => r['Dòng'])).toContain('4 (STT 3)');
  });

  it('carries the secretariat’s opinion and the council’s result typed in the master after a re-merge', async () => {
    const target = nominations.find((n) => n.unit === 'H-BATO' && n.status === 'valid')!;
    const wb = await openWorkbook(master);
    const ws = wb.getWorksheet(MASTER_SHEETS.tally)!;
    const header = rowsOf(ws)[0]!;
    const col = (h: string) => header.indexOf(h) + 1;
    let row = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(col(ID_HEADER)).value === target.id) row = i;
    });
    ws.getCell(row, col(TALLY_TYPED_HEADERS.office)).value = 'Đủ điều kiện, đề nghị trình Hội đồng';
    ws.getCell(row, col(TALLY_TYPED_HEADERS.council)).value = 'Đồng ý';
    await wb.xlsx.writeFile(master);

    expect((await merge()).code).toBe(2);
    const back = (await openWorkbook(path.join(feedback, 'H-BATO.xlsx'))).getWorksheet(FEEDBACK_SHEET)!;
    const line = tableOf(back, FEEDBACK_HEADERS.nominations).find(
      (r) => r['Trang'] === target.source.sheet && lineOf(r['Dòng']) === target.source.row,
    )!;
    expect(line).toMatchObject({
      'Tên tập thể / Họ và tên': target.name,
      'Ý kiến Văn phòng': 'Đủ điều kiện, đề nghị trình Hội đồng',
      'Kết quả Hội đồng': 'Đồng ý',
    });
  }, 180_000);
});

describe('merge --feedback with files a full reader cannot open in bounded time', () => {
  it('still gives those units their own workbook marked: the marks are patched in, nothing is expanded', async () => {
    const dir = tmpDir('feedback-hostile');
    const inbox = path.join(dir, 'inbox');
    const feedback = path.join(dir, 'phan-hoi');
    await writeInbox(inbox, [unit('SCT-VP')]);
    const files = [
      { unit: 'TP-QUANGNGAI', data: await wholeColumnValidation(PLAN, 'TP-QUANGNGAI') },
      { unit: 'TX-DUCPHO', data: await manyMerges(PLAN, 'TX-DUCPHO') },
    ];
    for (const f of files) await fs.writeFile(path.join(inbox, `${f.unit}.xlsx`), f.data);
    for (const f of readdirSync(inbox)) await fs.utimes(path.join(inbox, f), onTime, onTime);
    const run = await runSync(['merge', '--inbox', inbox, '--out', path.join(dir, 'm.xlsx'), '--feedback', feedback]);
    expect(run.code, run.stderr).toBe(0);
    for (const f of [...files, { unit: 'SCT-VP' }]) {
      // Read with the merge's own reader: a full reader would expand the 17 million validated cells.
      const grid = await readXlsxGrid(readFileSync(path.join(feedback, `${f.unit}.xlsx`)));
      expect(grid.sheets.map((s) => s.name).slice(0, 4), f.unit).toEqual([FEEDBACK_SHEET, ...templateSheetNames(PLAN)]);
      const [header, ...rows] = grid.sheets[3]!.rows;
      const verdicts = rows.map((r) => r?.[header!.indexOf('Kết quả kiểm tra')]);
      expect(verdicts.length, f.unit).toBeGreaterThan(0);
      for (const v of verdicts) expect(String(v), f.unit).toMatch(/^(Hợp lệ|Lỗi|Cảnh báo)/);
      expect(JSON.stringify(grid.sheets[0]!.rows)).not.toMatch(/Sổ đánh dấu/);
    }
  }, 180_000);
});
