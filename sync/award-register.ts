// The award register (Sổ theo dõi khen thưởng, SPEC §8): one workbook that outlives the campaigns — who
// received which form, from which campaign, by which decision. The register command appends a campaign's
// awarded nominees; rows a person typed by hand (awards from outside the tool) are read like the others
// and never touched. The merge reads it (--register) to warn ALREADY_AWARDED.
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { matchKey, readDate, type Cell, type PastAward, type Plan } from '../engine/index.js';
import { ToldError } from '../engine/told-error.js';
import { UsageError } from '../node/cli.js';
import { fileError } from '../node/fs-errors.js';
import { A4_LANDSCAPE_FIT_WIDTH } from '../node/print.js';
import { isFormula } from '../node/xlsx-rows.js';
import { headerText } from './master/header-row.js';
import { shortDate } from './master/documents-sheet.js';
import { fitRow } from '../node/row-height.js';

export const AWARD_SHEET = 'Sổ theo dõi khen thưởng';
export const AWARD_HEADERS = {
  seq: 'STT',
  name: 'Họ và tên / Tên tập thể',
  type: 'Loại',
  birthYear: 'Năm sinh',
  unit: 'Đơn vị đề nghị',
  unitCode: 'Mã đơn vị',
  form: 'Hình thức khen thưởng',
  planId: 'Mã kế hoạch',
  campaign: 'Đợt thi đua',
  decision: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  id: 'Mã đề nghị',
  note: 'Ghi chú',
} as const;
type AwardKey = keyof typeof AWARD_HEADERS;
const KEYS = Object.keys(AWARD_HEADERS) as AwardKey[];
const HEADER_SCAN_ROWS = 10;

/** One line of the register, read or to be written; text as a person reads it. */
export interface AwardLine {
  name: string;
  type: string;
  birthYear: number | null;
  unit: string;
  unitCode: string;
  form: string;
  planId: string;
  campaign: string;
  decision: string;
  /** ISO date, null when not given. */
  decisionDate: string | null;
  id: string;
}

export interface AwardRegister {
  wb: ExcelJS.Workbook;
  ws: ExcelJS.Worksheet;
  /** Column (1-based) of each header found. */
  cols: Partial<Record<AwardKey, number>>;
  lines: AwardLine[];
  /** Last row holding anything: new lines go under it. */
  lastRow: number;
  lastSeq: number;
}

const plain = (v: ExcelJS.CellValue): Cell => {
  const x = isFormula(v) ? (v.result ?? null) : v;
  if (x && typeof x === 'object' && 'richText' in x) return x.richText.map((r) => r.text).join('');
  if (x && typeof x === 'object' && 'text' in x) return String(x.text);
  return x as Cell;
};
const textOf = (v: ExcelJS.CellValue): string => {
  const x = plain(v);
  if (x === null || x === undefined) return '';
  return x instanceof Date ? shortDate(x.toISOString().slice(0, 10)) : String(x).trim();
};

/** The sheet and header row of a register: the sheet by name, else the first whose header has the name column. */
function locate(wb: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; row: number; cols: AwardRegister['cols'] } | null {
  const named = wb.worksheets.filter((w) => matchKey(w.name) === matchKey(AWARD_SHEET));
  for (const ws of [...named, ...wb.worksheets.filter((w) => !named.includes(w))]) {
    for (let r = 1; r <= HEADER_SCAN_ROWS; r++) {
      const row = ws.getRow(r);
      const cols: AwardRegister['cols'] = {};
      row.eachCell((cell, c) => {
        const key = KEYS.find((k) => matchKey(AWARD_HEADERS[k]) === matchKey(headerText(plain(cell.value))));
        if (key && !cols[key]) cols[key] = c;
      });
      if (cols.name && cols.form) return { ws, row: r, cols };
    }
  }
  return null;
}

/** Reads a register workbook; null when the file does not exist yet. */
export async function readAwardRegister(file: string): Promise<AwardRegister | null> {
  // exceljs says "File not found" without a code: a missing register is told apart first.
  if (!(await fs.stat(file).catch(() => null))) return null;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw fileError(e, 'đọc được sổ theo dõi khen thưởng', file);
  }
  const found = locate(wb);
  if (!found)
    throw new ToldError(
      `"${file}" không có trang "${AWARD_SHEET}" với các cột "${AWARD_HEADERS.name}" và "${AWARD_HEADERS.form}" (tìm trong ${HEADER_SCAN_ROWS} dòng đầu của mỗi trang).`,
    );
  const { ws, cols } = found;
  const lines: AwardLine[] = [];
  let lastRow = found.row;
  let lastSeq = 0;
  ws.eachRow((row, r) => {
    if (r <= found.row) return;
    const get = (k: AwardKey) => (cols[k] ? textOf(row.getCell(cols[k]).value) : '');
    if (KEYS.some((k) => get(k))) lastRow = r;
    const seq = Number(get('seq'));
    if (Number.isInteger(seq)) lastSeq = Math.max(lastSeq, seq);
    if (!get('name') || !get('form')) return;
    const year = Number(get('birthYear'));
    const date = readDate(cols.decisionDate ? plain(row.getCell(cols.decisionDate).value) : null);
    lines.push({
      ...(Object.fromEntries(KEYS.map((k) => [k, get(k)])) as Record<AwardKey, string>),
      birthYear: Number.isInteger(year) && year > 0 ? year : null,
      decisionDate: date.kind === 'ok' ? date.date : null,
    });
  });
  return { wb, ws, cols, lines, lastRow, lastSeq };
}

/** The register's lines as the engine's PastAward (lines without a decision date cannot be placed in time). */
export function pastAwards(lines: readonly AwardLine[]): PastAward[] {
  return lines.flatMap((l) =>
    l.decisionDate
      ? [
          {
            name: l.name,
            birthYear: l.birthYear,
            unit: l.unitCode || l.unit,
            form: l.form,
            year: Number(l.decisionDate.slice(0, 4)),
            planId: l.planId,
            decision: `Quyết định số ${l.decision} ngày ${shortDate(l.decisionDate)}`,
          },
        ]
      : [],
  );
}

/** The earlier awards of a register for the merge's check; a missing or unreadable register stops the merge. */
export async function loadPastAwards(file: string): Promise<PastAward[]> {
  const reg = await readAwardRegister(file);
  if (!reg) throw new UsageError(`Không có sổ theo dõi khen thưởng "${file}" (--register).`);
  return pastAwards(reg.lines);
}

/** What makes two lines the same award: campaign, who (a person by birth year, a collective by unit), form. */
export function awardKey(plan: Plan, l: AwardLine): string {
  const form = plan.forms.find((f) => [f.code, f.label].some((t) => matchKey(t) === matchKey(l.form)));
  const who = l.birthYear !== null ? String(l.birthYear) : matchKey(l.unitCode || l.unit);
  return JSON.stringify([matchKey(l.planId), matchKey(l.name), who, form ? form.code : matchKey(l.form)]);
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────────

const FONT = { name: 'Times New Roman', size: 12 };
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const BOX: Partial<ExcelJS.Style> = {
  font: FONT,
  border: { top: thin, left: thin, bottom: thin, right: thin },
  alignment: { vertical: 'top', wrapText: true },
};
const WIDTHS: Record<AwardKey, number> = {
  seq: 6,
  name: 28,
  type: 9,
  birthYear: 9,
  unit: 30,
  unitCode: 14,
  form: 30,
  planId: 20,
  campaign: 40,
  decision: 18,
  decisionDate: 13,
  id: 18,
  note: 20,
};

/** A new, empty register: title, a line saying rows may be typed by hand, the header. */
export function newAwardRegister(): AwardRegister {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(AWARD_SHEET, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { ...A4_LANDSCAPE_FIT_WIDTH, printTitlesRow: '3:3' },
  });
  ws.columns = KEYS.map((k) => ({ width: WIDTHS[k] }));
  ws.getCell(1, 1).value = 'SỔ THEO DÕI KHEN THƯỞNG';
  ws.getCell(1, 1).style = { font: { ...FONT, size: 14, bold: true } };
  ws.getCell(2, 1).value =
    'Lệnh "register" ghi thêm người được khen của từng đợt thi đua; có thể gõ thêm tay các khen thưởng khác (mỗi dòng một khen thưởng, ghi đủ tên, năm sinh hoặc đơn vị, hình thức, số và ngày quyết định).';
  ws.getCell(2, 1).style = { font: { ...FONT, italic: true } };
  const header = ws.getRow(3);
  KEYS.forEach((k, i) => {
    const c = header.getCell(i + 1);
    c.value = AWARD_HEADERS[k];
    c.style = { ...BOX, font: { ...FONT, bold: true }, alignment: { horizontal: 'center', wrapText: true } };
  });
  fitRow(header, Object.values(AWARD_HEADERS), FONT.size, true);
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: KEYS.length } };
  const cols = Object.fromEntries(KEYS.map((k, i) => [k, i + 1])) as AwardRegister['cols'];
  return { wb, ws, cols, lines: [], lastRow: 3, lastSeq: 0 };
}

/** Writes `lines` under the register's last row, in the columns its header has. */
export function appendLines(reg: AwardRegister, lines: readonly AwardLine[]): void {
  for (const l of lines) {
    const row = reg.ws.getRow(++reg.lastRow);
    const values: Record<AwardKey, ExcelJS.CellValue> = {
      ...l,
      seq: ++reg.lastSeq,
      decisionDate: l.decisionDate ? new Date(`${l.decisionDate}T00:00:00Z`) : null,
      note: null,
    };
    for (const k of KEYS) {
      const c = reg.cols[k];
      if (!c) continue;
      const cell = row.getCell(c);
      cell.value = values[k];
      cell.style = k === 'decisionDate' ? { ...BOX, numFmt: 'dd/mm/yyyy' } : BOX;
    }
    // Wrapped names and units in a row left at the default height print over the rows around them.
    const cells: unknown[] = [];
    row.eachCell((cell, col) => (cells[col - 1] = cell.value));
    fitRow(row, Array.from(cells), FONT.size);
    reg.lines.push(l);
  }
}
