// Reads back what the secretariat typed in the previous master's Tổng hợp (three columns, by nomination
// id), streaming, so a 55,000-row master is read in seconds with little memory.
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { cellText, flattenCell, matchKey } from '../../engine/index.js';
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

export async function readPreviousMaster(file: string): Promise<Map<string, PreviousRow>> {
  const result = new Map<string, PreviousRow>();
  try {
    await fs.access(file);
  } catch {
    return result;
  }
  const fail = (why: string) => new Error(`Không đọc được sổ tổng hợp cũ "${file}" (${why}). Sổ cũ được giữ nguyên; hãy kiểm tra tệp hoặc chọn --out khác.`);
  let found = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
    for await (const ws of reader) {
      let headers: string[] | null = null;
      let idCol = -1;
      const cols = {} as Record<SecretariatKey, number>;
      for await (const sheetRow of ws as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based: index 0 is empty.
        const values = (sheetRow.values as unknown[]).slice(1).map((v) => flattenCell(v));
        if (!headers) {
          // The tally is the sheet whose first row names the id and the secretariat's columns.
          headers = values.map((v) => (typeof v === 'string' ? v : ''));
          const keys = headers.map(matchKey);
          idCol = keys.indexOf(matchKey(ID_HEADER));
          for (const k of KEYS) cols[k] = keys.indexOf(matchKey(SECRETARIAT_HEADERS[k]));
          if (idCol < 0 || KEYS.some((k) => cols[k] < 0)) break;
          found = true;
          continue;
        }
        const id = cellText(values[idCol] ?? null);
        if (!id) continue;
        const kept = {} as SecretariatValues;
        for (const k of KEYS) kept[k] = cellText(values[cols[k]] ?? null);
        const row: Record<string, string | number | null> = {};
        if (KEYS.some((k) => kept[k] !== '')) {
          headers.forEach((h, i) => {
            const v = values[i];
            if (h) row[h] = v === null || v === undefined ? null : typeof v === 'number' ? v : cellText(v);
          });
        }
        result.set(id, { id, values: kept, row });
      }
      if (found) break;
    }
  } catch (e) {
    throw fail((e as Error).message);
  }
  if (!found) throw fail(`không có trang "${MASTER_SHEETS.tally}" với cột "${ID_HEADER}"`);
  return result;
}
