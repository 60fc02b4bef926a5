// The one way a header row of a master sheet is found, in the master file or in its Google Sheet copy:
// among the first ten rows, the one holding a given key header (e.g. `Mã đề nghị`); columns are then found
// by header text — any order, extra columns allowed — never by position.
import { cellText, flattenCell, matchKey, tidy } from '../../engine/index.js';

/** How far down a header row is looked for. */
export const HEADER_SCAN_ROWS = 10;

export interface HeaderMap {
  /** 1-based row of the headers. */
  row: number;
  /** matchKey(header) → 1-based column (the first, when a header repeats). */
  columns: Map<string, number>;
  /** Header text by 1-based column. */
  headers: Map<number, string>;
}

export const headerText = (value: unknown): string => tidy(cellText(flattenCell(value)));

/** The header row among `rows` (index 0 = sheet row 1, cells index 0 = column A) holding `key`. */
export function findHeaderRow(
  rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>,
  key: string,
): HeaderMap | undefined {
  const wanted = matchKey(key);
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const texts = Array.from(rows[r] ?? [], headerText);
    if (!texts.some((t) => matchKey(t) === wanted)) continue;
    const columns = new Map<string, number>();
    const headers = new Map<number, string>();
    texts.forEach((t, c) => {
      if (t === '') return;
      if (!columns.has(matchKey(t))) columns.set(matchKey(t), c + 1);
      headers.set(c + 1, t);
    });
    return { row: r + 1, columns, headers };
  }
  return undefined;
}

/** 1-based column of a header, matched as the contract matches headers. */
export const columnOf = (header: HeaderMap, text: string): number | undefined => header.columns.get(matchKey(text));
