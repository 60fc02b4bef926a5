// What push checks before it clears anything in the Google Sheet: that every tab it is about to rewrite
// still holds what the previous push wrote, its typed columns aside (someone may have typed in a list), and that
// Tổng hợp has no column the master does not know (a renamed "Kết quả Hội đồng", a leader's own
// "Ý kiến Giám đốc"). The previous content is remembered as one short digest per row.
import { createHash } from 'node:crypto';
import { matchKey } from '../../engine/index.js';
import type { TypedSheet } from '../typed-values/master.js';
import { findHeaderRow, type HeaderMap } from '../master/header-row.js';
import { ID_HEADER } from '../master/layout.js';

type Value = string | number | boolean | null | undefined;

const text = (v: Value): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v));

const digest = (parts: unknown): string => createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 12);

/**
 * One digest per non-empty row, in order. In a sheet with typed columns (`typed`: Tổng hợp, Theo đơn vị)
 * cells are taken by header, so moving a column is no edit, and the typed columns — merged back, not
 * overwritten — are left out; a cell under no header is taken by its position.
 */
export function rowDigests(
  values: ReadonlyArray<ReadonlyArray<Value>>,
  typed?: Pick<TypedSheet, 'key' | 'columns'>,
): { row: number; digest: string }[] {
  const header = typed ? findHeaderRow(values, typed.key) : undefined;
  const skip = new Set(typed?.columns.map(matchKey));
  const out: { row: number; digest: string }[] = [];
  values.forEach((line, r) => {
    let parts: unknown;
    if (header && r + 1 === header.row) {
      parts = [...header.headers.values()]
        .map(matchKey)
        .filter((h) => !skip.has(h))
        .sort();
    } else if (header && r + 1 > header.row) {
      const cells: [string, string][] = [];
      line.forEach((v, i) => {
        const h = header.headers.get(i + 1);
        const name = h === undefined ? `#${i + 1}` : matchKey(h);
        if (!skip.has(name) && text(v) !== '') cells.push([name, text(v)]);
      });
      parts = cells.sort((a, b) => a[0].localeCompare(b[0]));
      if (cells.length === 0) return;
    } else {
      const cells = line.map(text);
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length === 0) return;
      parts = cells;
    }
    out.push({ row: r + 1, digest: digest(parts) });
  });
  return out;
}

/** Rows of `current` (1-based) whose content the previous push did not write. */
export function editedRows(
  current: ReadonlyArray<ReadonlyArray<Value>>,
  pushed: readonly string[],
  typed?: Pick<TypedSheet, 'key' | 'columns'>,
): number[] {
  const left = new Map<string, number>();
  for (const d of pushed) left.set(d, (left.get(d) ?? 0) + 1);
  const take = (d: string | undefined) => {
    const n = d === undefined ? 0 : (left.get(d) ?? 0);
    if (n > 0) left.set(d!, n - 1);
    return n > 0;
  };
  // A push before Theo đơn vị's received time was merged back digested its rows whole: accepted too.
  const whole = typed ? new Map(rowDigests(current).map((d) => [d.row, d.digest])) : undefined;
  const edited: number[] = [];
  for (const { row, digest: d } of rowDigests(current, typed)) if (!take(d) && !take(whole?.get(row))) edited.push(row);
  return edited;
}

/** Headers of the Sheet's Tổng hợp that the master does not have, with a value in some row below. */
export function unknownColumns(values: ReadonlyArray<ReadonlyArray<Value>>, masterHeader: HeaderMap): string[] {
  const header = findHeaderRow(values, ID_HEADER);
  if (!header) return [];
  const unknown: string[] = [];
  for (const [c, h] of header.headers) {
    if (masterHeader.columns.has(matchKey(h))) continue;
    if (values.slice(header.row).some((line) => text(line[c - 1]) !== '')) unknown.push(h);
  }
  // A column with values but no header at all is unknown too.
  const width = Math.max(0, ...values.map((l) => l.length));
  for (let c = 1; c <= width; c++)
    if (!header.headers.has(c) && values.slice(header.row).some((line) => text(line[c - 1]) !== ''))
      unknown.push(`(cột ${c} không có tiêu đề)`);
  return unknown;
}

/** "3, 5, 8 … (12 dòng)" */
export function rowList(rows: number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown} … (${rows.length} dòng)` : shown;
}
