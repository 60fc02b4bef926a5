// exceljs reads a data validation over a range (the master's "Kết quả Hội đồng" dropdown covers the
// whole column) as one entry per cell — a million of them — and writes them back as overlapping ranges,
// which Excel may call damaged. Before the push rewrites the master, the entries are folded back into
// one range per run of rows in a column.
import type ExcelJS from 'exceljs';

type Model = Record<string, ExcelJS.DataValidation | undefined>;

interface Column {
  rows: number[];
  validations: ExcelJS.DataValidation[];
}

/** Splits "AD12" into column letters and row, by char codes (this runs a million times). */
function splitAddress(address: string): [string, number] | undefined {
  let i = 0;
  while (i < address.length && address.charCodeAt(i) >= 65 && address.charCodeAt(i) <= 90) i++;
  if (i === 0 || i === address.length) return undefined;
  const row = Number(address.slice(i));
  return Number.isInteger(row) ? [address.slice(0, i), row] : undefined;
}

export function compactValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations?: { model: Model } }).dataValidations;
  if (!holder) return;
  const compacted: Model = {};
  const columns = new Map<string, Column>();
  for (const address in holder.model) {
    const validation = holder.model[address];
    if (!validation) continue;
    const split = splitAddress(address);
    if (!split) {
      compacted[address] = validation; // already a range
      continue;
    }
    let column = columns.get(split[0]);
    if (!column) columns.set(split[0], (column = { rows: [], validations: [] }));
    column.rows.push(split[1]);
    column.validations.push(validation);
  }
  // Cells of one range share one validation object; equal copies are compared by their JSON.
  const json = new Map<ExcelJS.DataValidation, string>();
  const same = (a: ExcelJS.DataValidation, b: ExcelJS.DataValidation) => {
    if (a === b) return true;
    if (!json.has(a)) json.set(a, JSON.stringify(a));
    if (!json.has(b)) json.set(b, JSON.stringify(b));
    return json.get(a) === json.get(b);
  };
  for (const [letters, { rows, validations }] of columns) {
    const order = rows.map((_, i) => i);
    if (rows.some((r, i) => i > 0 && r < rows[i - 1]!)) order.sort((a, b) => rows[a]! - rows[b]!);
    let start = order[0]!;
    let prev = start;
    for (let k = 1; k <= order.length; k++) {
      const next = order[k];
      if (next !== undefined && rows[next] === rows[prev]! + 1 && same(validations[next]!, validations[start]!)) {
        prev = next;
        continue;
      }
      const from = `${letters}${rows[start]}`;
      compacted[rows[prev] === rows[start] ? from : `${from}:${letters}${rows[prev]}`] = validations[start];
      if (next !== undefined) start = prev = next;
    }
  }
  holder.model = compacted;
}
