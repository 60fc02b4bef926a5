// The engine never throws on a cell value: every kind of value exceljs or Excel's range.values can hold,
// in every column of both list sheets, gives a verdict; an error value (#VALUE!, #N/A…, or the invalid date
// exceljs makes of a date cell whose formula failed) is said on that cell, as something the clerk must fix.
// Checked through checkWorkbook as the add-in calls it and through the real merge command.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkWorkbook,
  flattenCell,
  formatIssue,
  sheetColumns,
  type Cell,
  type ColumnKey,
  type NomineeTypeCode,
} from '../../engine/index.js';
import { validRowFor } from '../../dev/sample/rows.js';
import { buildTemplate, type FillRow } from '../../templates/workbook.js';
import { mergeWithReport, onTime, tmpDir } from '../sync/inbox.js';
import { PLAN, validRow, workbook } from './grids.js';

interface Kind {
  name: string;
  /** The value as exceljs gives it (what a Node reader flattens). */
  value: unknown;
  /** Whether the cell shows an error the clerk must fix. */
  error: boolean;
  /** False when exceljs cannot write it into a file. */
  writable?: boolean;
}

const KINDS: Kind[] = [
  { name: 'error #VALUE!', value: { error: '#VALUE!' }, error: true },
  { name: 'error #N/A', value: { error: '#N/A' }, error: true },
  { name: 'error #DIV/0!', value: { error: '#DIV/0!' }, error: true },
  { name: 'range.values error text', value: '#REF!', error: true },
  {
    name: 'formula with an error result',
    value: { formula: 'DATE(1985,"x",1)', result: { error: '#VALUE!' } },
    error: true,
  },
  {
    name: 'invalid date (a date cell whose formula failed)',
    value: new Date(Number.NaN),
    error: true,
    writable: false,
  },
  {
    name: 'rich text',
    value: { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Văn An' }] },
    error: false,
  },
  { name: 'formula with a text result', value: { formula: 'A1&""', result: 'Có' }, error: false },
  { name: 'shared formula', value: { sharedFormula: 'D2', result: 1985 }, error: false, writable: false },
  { name: 'formula without a cached result', value: { formula: 'NOW()' }, error: false },
  { name: 'hyperlink', value: { text: 'liên kết', hyperlink: 'http://127.0.0.1/' }, error: false },
  { name: 'latest date', value: new Date(8.64e15), error: false },
  { name: 'earliest date', value: new Date(-8.64e15), error: false },
  { name: 'NaN', value: Number.NaN, error: false },
  { name: 'Infinity', value: Number.POSITIVE_INFINITY, error: false },
  { name: 'huge number', value: 1e308, error: false },
  { name: 'tiny negative', value: -5e-324, error: false },
  { name: 'boolean', value: true, error: false },
  { name: 'blank text', value: '   ', error: false },
];

const TYPES: NomineeTypeCode[] = ['tap_the', 'ca_nhan'];
const dataKeys = (type: NomineeTypeCode): ColumnKey[] =>
  sheetColumns(PLAN, type)
    .map((c) => c.key)
    // STT is numbered by the sheet builders; Kết quả kiểm tra is the add-in's own column.
    .filter((k) => k !== 'result' && k !== 'seq');

const noErrorIssues = (issues: { code: string; columnKey?: string; params: unknown }[]) =>
  issues.filter(
    (i) => i.code === 'FIELD_INVALID' && (i.params as { expected: { kind: string } }).expected.kind === 'noError',
  );

describe('every kind of cell value in every column', () => {
  it('is checked by the engine, as the add-in calls it, without throwing; error values are said on their cell', () => {
    for (const type of TYPES) {
      for (const key of dataKeys(type)) {
        for (const kind of KINDS) {
          const cell: Cell = flattenCell(kind.value);
          const row = validRow(PLAN, type, { [key]: cell });
          const grid = workbook(PLAN, type === 'ca_nhan' ? { individuals: [row] } : { collectives: [row] });
          const result = checkWorkbook(PLAN, grid, { file: 'don-vi.xlsx' });
          const where = `${kind.name} in ${type}.${key}`;
          expect(result.accepted, where).toBe(true);
          expect(result.nominations, where).toHaveLength(1);
          const flagged = noErrorIssues(result.nominations[0]!.issues);
          expect(
            flagged.map((i) => i.columnKey),
            where,
          ).toEqual(kind.error ? [key] : []);
          for (const issue of result.nominations[0]!.issues) expect(formatIssue(issue), where).toBeTruthy();
        }
      }
    }
  });

  it('goes through the real merge: the file is accepted and each error value is flagged on its row and column', async () => {
    const rows: FillRow[] = [];
    const expected: string[] = [];
    const writable = KINDS.filter((k) => k.writable !== false);
    for (const type of TYPES) {
      const specs = sheetColumns(PLAN, type);
      for (const key of dataKeys(type)) {
        for (const kind of writable) {
          // Names stay distinct so no row repeats another.
          const name = key === 'name' ? undefined : `Đối tượng ${rows.length + 1}`;
          const fill = validRowFor(PLAN, type, { ...(name ? { name } : {}), [key]: kind.value as Cell });
          rows.push(fill);
          const sheetRow = rows.filter((r) => r.type === type).length + 1;
          if (kind.error) expected.push(`${type}:${sheetRow}:${specs.find((s) => s.key === key)!.header}`);
        }
      }
    }
    const inbox = tmpDir('inbox-kinds');
    const out = tmpDir('out-kinds');
    const file = path.join(inbox, `${PLAN.units[0]!.code}.xlsx`);
    await buildTemplate(PLAN, PLAN.units[0]!.code, { rows }).xlsx.writeFile(file);
    await fs.utimes(file, onTime, onTime);
    const { run, report } = await mergeWithReport(inbox, out);
    expect(run.code).toBe(0);
    expect(report.files[0].status).toBe('accepted');
    expect(report.nominations).toHaveLength(rows.length);
    const sheetType = new Map(PLAN.nomineeTypes.map((t) => [t.sheet, t.code]));
    const flagged = report.nominations.flatMap(
      (n: { source: { sheet: string; row: number }; issues: { code: string; column: string; message: string }[] }) =>
        n.issues
          .filter((i) => i.code === 'FIELD_INVALID' && i.message.includes('lỗi của công thức'))
          .map((i) => `${sheetType.get(n.source.sheet)}:${n.source.row}:${i.column}`),
    );
    expect(flagged.sort()).toEqual(expected.sort());
  });
});
