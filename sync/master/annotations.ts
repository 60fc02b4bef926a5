// Reads back what the secretariat typed in the previous master's Tổng hợp (three columns, by nomination
// id), streaming, so a 55,000-row master is read in seconds with little memory.
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { cellText, flattenCell, matchKey, type Cell } from '../../engine/index.js';
import { ID_HEADER, MASTER_SHEETS, SECRETARIAT_HEADERS, type SecretariatKey } from './layout.js';

export interface SecretariatValues {
  office: string;
  council: string;
  officeNote: string;
}

export interface PreviousRow {
  id: string;
  values: SecretariatValues;
  /** The whole previous row, header → value, kept only for rows carrying a secretariat value. */
  row: Record<string, string | number | null>;
}

const KEYS = Object.keys(SECRETARIAT_HEADERS) as SecretariatKey[];

/** Collects the secretariat's values from rows of the tally, the first row being its header. */
class TallyCollector {
  readonly rows = new Map<string, PreviousRow>();
  found = false;
  private headers: string[] | null = null;
  private idCol = -1;
  private cols = {} as Record<SecretariatKey, number>;

  /** Takes one row (0-based values); returns false when this sheet is not the tally. */
  add(values: Cell[]): boolean {
    if (!this.headers) {
      this.headers = values.map((v) => (typeof v === 'string' ? v : ''));
      const keys = this.headers.map(matchKey);
      this.idCol = keys.indexOf(matchKey(ID_HEADER));
      for (const k of KEYS) this.cols[k] = keys.indexOf(matchKey(SECRETARIAT_HEADERS[k]));
      this.found = this.idCol >= 0 && KEYS.every((k) => this.cols[k] >= 0);
      if (!this.found) this.headers = null;
      return this.found;
    }
    const id = cellText(values[this.idCol] ?? null);
    if (!id) return true;
    const kept = {} as SecretariatValues;
    for (const k of KEYS) kept[k] = cellText(values[this.cols[k]] ?? null);
    const row: Record<string, string | number | null> = {};
    if (KEYS.some((k) => kept[k] !== '')) {
      this.headers.forEach((h, i) => {
        const v = values[i];
        if (h) row[h] = v === null || v === undefined ? null : typeof v === 'number' ? v : cellText(v);
      });
    }
    this.rows.set(id, { id, values: kept, row });
    return true;
  }
}

// row.values is 1-based: index 0 is empty.
const plainValues = (row: ExcelJS.Row): Cell[] => Array.from((row.values as unknown[]).slice(1), (v) => flattenCell(v));

async function readStreaming(file: string): Promise<TallyCollector> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const ws of reader) {
    // The tally is the sheet whose first row names the id and the secretariat's columns.
    const collector = new TallyCollector();
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) if (!collector.add(plainValues(row))) break;
    if (collector.found) return collector;
  }
  return new TallyCollector();
}

// The streaming reader fails on workbooks whose sheets come before workbook.xml in the zip (some
// writers, exceljs's own in-memory one among them): those are read whole.
async function readWhole(file: string): Promise<TallyCollector> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(MASTER_SHEETS.tally) ?? wb.worksheets[0];
  const collector = new TallyCollector();
  let reading = true;
  ws?.eachRow((row) => {
    if (reading) reading = collector.add(plainValues(row));
  });
  return collector;
}

export async function readPreviousMaster(file: string): Promise<Map<string, PreviousRow>> {
  try {
    await fs.access(file);
  } catch {
    return new Map();
  }
  const fail = (why: string) =>
    new Error(
      `Không đọc được sổ tổng hợp cũ "${file}" (${why}). Sổ cũ được giữ nguyên; hãy kiểm tra tệp hoặc chọn --out khác.`,
    );
  let collector: TallyCollector;
  try {
    collector = await readStreaming(file).catch(() => readWhole(file));
  } catch (e) {
    throw fail((e as Error).message);
  }
  if (!collector.found) throw fail(`không có trang "${MASTER_SHEETS.tally}" với cột "${ID_HEADER}"`);
  return collector.rows;
}
