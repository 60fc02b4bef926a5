// Finds the template's parts in a workbook grid (SPEC §3): sheets by name, the Thông tin labels by the
// text in column A, header rows by scanning the first rows, columns by header text. Produces the
// submission info and the raw nomination rows, or the file-level issues that reject the file.
import { cellText, readDate, type Cell, type DateRead, type SheetGrid, type WorkbookGrid } from './cells.js';
import type { Emitter } from './emitter.js';
import { makeIssue, type Issue } from './issues.js';
import type { NomineeTypeCode, Plan } from './plan.js';
import {
  HEADER_SCAN_ROWS,
  INFO_LABELS,
  INFO_SHEET,
  sheetColumns,
  type ColumnKey,
  type ColumnSpec,
  type InfoKey,
} from './template.js';
import { matchKey } from './text.js';

export interface InfoCell {
  value: Cell;
  /** 1-based sheet row of the label; undefined when the label is absent. */
  row?: number;
}
export type SubmissionInfo = Record<InfoKey, InfoCell> & { sheet: string };

export interface SheetLayout {
  type: NomineeTypeCode;
  /** The sheet's name as it is in the workbook. */
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  /** 0-based column index of each column found. */
  columns: Partial<Record<ColumnKey, number>>;
  specs: ColumnSpec[];
}

/** Where a sheet's columns are, resolved once: the keys present (Kết quả kiểm tra excluded) and their indexes. */
export interface ColumnIndex {
  keys: ColumnKey[];
  /** 0-based column of keys[i]. */
  idx: number[];
  at: Partial<Record<ColumnKey, number>>;
  /** The keys a row must fill (FIELD_REQUIRED), in template order, found once per sheet rather than per row. */
  required: ColumnKey[];
}

export interface RawRow {
  type: NomineeTypeCode;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** The sheet row as read; cells are found through `columns` (no per-row map: this runs for every row). */
  line: Cell[];
  columns: ColumnIndex;
}

/** The cell of a row in a column by index; null when the column is absent or the cell empty. */
export const cellAt = (line: Cell[], column: number | undefined): Cell =>
  column === undefined ? null : (line[column] ?? null);

export type ReadResult =
  | { ok: true; info: SubmissionInfo; layouts: SheetLayout[]; rows: RawRow[] }
  | { ok: false; issues: Issue[]; info?: SubmissionInfo };

export function findSheet(grid: WorkbookGrid, name: string): SheetGrid | undefined {
  const key = matchKey(name);
  return grid.sheets.find((s) => matchKey(s.name) === key);
}

const isBlank = (v: Cell): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export function readInfo(sheet: SheetGrid): SubmissionInfo {
  const byLabel = new Map<string, InfoKey>();
  for (const [k, label] of Object.entries(INFO_LABELS)) byLabel.set(matchKey(label), k as InfoKey);
  const info = { sheet: sheet.name } as SubmissionInfo;
  for (const k of Object.keys(INFO_LABELS) as InfoKey[]) info[k] = { value: null };
  sheet.rows.forEach((cells, r) => {
    const label = cells?.[0];
    if (typeof label !== 'string') return;
    const k = byLabel.get(matchKey(label));
    if (k && info[k].row === undefined) info[k] = { value: cells[1] ?? null, row: r + 1 };
  });
  return info;
}

/** Picks the header row among the first rows: the one naming the most template columns. */
export function findLayout(plan: Plan, type: NomineeTypeCode, sheet: SheetGrid): SheetLayout {
  const specs = sheetColumns(plan, type);
  const byHeader = new Map(specs.map((s) => [matchKey(s.header), s.key] as const));
  let best: SheetLayout = { type, sheet: sheet.name, headerRow: 1, columns: {}, specs };
  let bestCount = 0;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, sheet.rows.length); r++) {
    const columns: Partial<Record<ColumnKey, number>> = {};
    let count = 0;
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const key = byHeader.get(matchKey(cell));
      if (key && columns[key] === undefined) {
        columns[key] = c;
        count++;
      }
    });
    if (count > bestCount) {
      bestCount = count;
      best = { type, sheet: sheet.name, headerRow: r + 1, columns, specs };
    }
  }
  return best;
}

/** The non-empty data rows below the header; a row is empty when every data column is blank. */
export function readRows(layout: SheetLayout, sheet: SheetGrid): RawRow[] {
  const required = layout.specs.filter((s) => s.required).map((s) => s.key);
  const columns: ColumnIndex = { keys: [], idx: [], at: {}, required };
  const dataIdx: number[] = [];
  for (const s of layout.specs) {
    const c = layout.columns[s.key];
    if (c === undefined || s.key === 'result') continue;
    columns.keys.push(s.key);
    columns.idx.push(c);
    columns.at[s.key] = c;
    if (s.key !== 'seq') dataIdx.push(c);
  }
  const rows: RawRow[] = [];
  for (let r = layout.headerRow; r < sheet.rows.length; r++) {
    const line = sheet.rows[r];
    if (!line) continue;
    let blank = true;
    for (let i = 0; i < dataIdx.length && blank; i++) blank = isBlank(line[dataIdx[i]!]);
    if (!blank) rows.push({ type: layout.type, sheet: sheet.name, row: r + 1, line, columns });
  }
  return rows;
}

/** The codes the reader emits when a file is not the plan's template (the catalog test holds them here). */
export const TEMPLATE_READER = {
  name: 'template-reader',
  emits: ['TEMPLATE_UNKNOWN', 'TEMPLATE_VERSION', 'UNIT_UNKNOWN', 'MISSING_SHEET', 'MISSING_COLUMN'],
} as const satisfies Emitter;

/** Reads a whole nomination workbook; file-level problems come back as issues instead of rows. */
export function readNominationWorkbook(plan: Plan, grid: WorkbookGrid, file?: string): ReadResult {
  const infoSheet = findSheet(grid, INFO_SHEET);
  if (!infoSheet) {
    return {
      ok: false,
      issues: [makeIssue('TEMPLATE_UNKNOWN', { file }, { mismatch: { reason: 'noInfoSheet' }, planId: plan.id })],
    };
  }
  const info = readInfo(infoSheet);
  const at = (k: InfoKey) => ({ file, sheet: infoSheet.name, row: info[k].row, column: INFO_LABELS[k], columnKey: k });
  const reject = (issue: Issue): ReadResult => ({ ok: false, info, issues: [issue] });
  const planId = cellText(info.planId.value);
  if (!planId)
    return reject(makeIssue('TEMPLATE_UNKNOWN', at('planId'), { mismatch: { reason: 'noPlanId' }, planId: plan.id }));
  if (matchKey(planId) !== matchKey(plan.id)) {
    return reject(
      makeIssue('TEMPLATE_UNKNOWN', at('planId'), {
        mismatch: { reason: 'otherPlan', found: planId },
        planId: plan.id,
      }),
    );
  }
  const version = cellText(info.templateVersion.value);
  if (version !== String(plan.templateVersion)) {
    return reject(
      makeIssue('TEMPLATE_VERSION', at('templateVersion'), { found: version, expected: plan.templateVersion }),
    );
  }
  const unitCode = cellText(info.unitCode.value);
  if (!plan.units.some((u) => matchKey(u.code) === matchKey(unitCode)))
    return reject(makeIssue('UNIT_UNKNOWN', at('unitCode'), { found: unitCode, example: plan.units[0]?.code }));

  const issues: Issue[] = [];
  const layouts: SheetLayout[] = [];
  const rows: RawRow[] = [];
  for (const t of plan.nomineeTypes) {
    const sheet = findSheet(grid, t.sheet);
    if (!sheet) {
      issues.push(makeIssue('MISSING_SHEET', { file }, { sheet: t.sheet }));
      continue;
    }
    const layout = findLayout(plan, t.code, sheet);
    const missing = layout.specs.filter((s) => s.mustExist && layout.columns[s.key] === undefined);
    for (const s of missing) {
      const loc = { file, sheet: sheet.name, row: layout.headerRow, column: s.header, columnKey: s.key };
      issues.push(makeIssue('MISSING_COLUMN', loc, { header: s.header }));
    }
    if (missing.length) continue;
    layouts.push(layout);
    // Appended by index: spreading a sheet's rows passes each one as an argument of push.
    const sheetRows = readRows(layout, sheet);
    for (let i = 0; i < sheetRows.length; i++) rows.push(sheetRows[i]!);
  }
  if (issues.length) return { ok: false, info, issues };
  return { ok: true, info, layouts, rows };
}

export interface SubmissionDates {
  letter: DateRead;
  meeting: DateRead;
  sent: DateRead;
}

/** The three dates of Thông tin, read once: the checks compare them and the master shows them. */
export function readSubmissionDates(info: SubmissionInfo, date1904 = false): SubmissionDates {
  return {
    letter: readDate(info.letterDate.value, date1904),
    meeting: readDate(info.meetingDate.value, date1904),
    sent: readDate(info.sentDate.value, date1904),
  };
}
