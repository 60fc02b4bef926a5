// Property: whatever the secretariat does to the master between merges — types notes, council results and
// received times, copies a row, inserts a row without id, sorts Tổng hợp — and whatever the units re-send,
// no value it typed is lost silently: after each re-merge every value present before it is still in its
// row, or is listed in Ghi chú không khớp. Random sequences from a seeded generator, so a failure names
// its seed and replays with PROPERTY_SEED=<seed>.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { random } from '../../dev/sample/people.js';
import { flattenCell } from '../../engine/index.js';
import { runMerge } from '../../sync/merge-command.js';
import { UNMATCHED_HEADERS } from '../../sync/typed-values/master.js';
import { readXlsxRows, type TypedCell } from '../../node/xlsx-rows.js';
import {
  COUNCIL_VALUES,
  ID_HEADER,
  MASTER_SHEETS,
  RECEIVED_BY_OFFICE_HEADER,
  TALLY_TYPED_HEADERS,
  UNIT_CODE_HEADER,
} from '../../sync/master/layout.js';
import { tmpDir, unit, writeInbox } from './inbox.js';

const UNITS = ['H-BATO', 'H-SONTAY', 'SCT-VP'];
const SEEDS = process.env.PROPERTY_SEED ? process.env.PROPERTY_SEED.split(',').map(Number) : [1, 7, 23, 2021];
const STEPS = 40;
const H = TALLY_TYPED_HEADERS;
const NAME_HEADER = 'Tên tập thể / Họ và tên';
const DATE_FORMAT = 'dd/mm/yyyy hh:mm';

type Rnd = () => number;
const pickOf = <T>(rnd: Rnd, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

/** A value as compared: same type and same content (a date and its text differ). */
function valueKey(v: unknown): string {
  if (v instanceof Date) return `date:${v.getTime()}`;
  if (v && typeof v === 'object' && 'formula' in v) return `formula:${String((v as { formula: unknown }).formula)}`;
  const flat = flattenCell(v);
  if (flat === null || flat === undefined) return '';
  return typeof flat === 'string'
    ? flat.trim() === ''
      ? ''
      : `text:${flat.trim()}`
    : `${typeof flat}:${String(flat)}`;
}

/** A sheet as read: its header row and its data rows (cells by 0-based column, holes empty). */
interface Sheet {
  name: string;
  header: TypedCell[];
  rows: TypedCell[][];
  col: (h: string) => number;
}

/**
 * The sheets of the master the secretariat types in, read with the merge's own typed reader (exceljs's
 * full reader spends seconds expanding the council list validation to a million cells).
 */
async function readMaster(file: string): Promise<Map<string, Sheet>> {
  const sheets = new Map<string, Sheet>();
  const wanted: string[] = [MASTER_SHEETS.tally, MASTER_SHEETS.units, MASTER_SHEETS.unmatched];
  await readXlsxRows(file, {
    pick: (names) => names.filter((n) => wanted.includes(n)),
    onRow: ({ sheet, cells }) => {
      const s = sheets.get(sheet);
      if (!s) {
        const header = [...cells];
        sheets.set(sheet, { name: sheet, header, rows: [], col: (h) => header.findIndex((v) => v === h) });
      } else s.rows.push([...cells]);
    },
  });
  return sheets;
}

/** Saves the sheets as the secretariat's Excel would, with exceljs: dates with a date format, formulas as formulas. */
async function writeMasterSheets(file: string, sheets: Map<string, Sheet>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets.values()) {
    const ws = wb.addWorksheet(s.name);
    for (const values of [s.header, ...s.rows]) {
      const row = ws.addRow(Array.from(values, (v) => v ?? null) as ExcelJS.CellValue[]);
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
    }
  }
  await wb.xlsx.writeFile(file);
}

/** A typed value somewhere in the master: in sheet `sheet`, row keyed `key` ('' = no key), column `column`. */
interface Typed {
  sheet: string;
  key: string;
  column: string;
  value: unknown;
}

/** Every typed value of the master as it is now, and the entries of its Ghi chú không khớp. */
function typedValues(sheets: Map<string, Sheet>): { typed: Typed[]; unmatched: Typed[] } {
  const typed: Typed[] = [];
  const collect = (sheet: string, keyHeader: string, columns: string[]) => {
    const s = sheets.get(sheet)!;
    expect(s.col(keyHeader), `${sheet} có cột ${keyHeader}`).toBeGreaterThanOrEqual(0);
    for (const r of s.rows)
      for (const column of columns) {
        const value = r[s.col(column)];
        if (valueKey(value) !== '') typed.push({ sheet, key: valueKey(r[s.col(keyHeader)]), column, value });
      }
  };
  collect(MASTER_SHEETS.tally, ID_HEADER, Object.values(H));
  collect(MASTER_SHEETS.units, UNIT_CODE_HEADER, [RECEIVED_BY_OFFICE_HEADER]);
  const unmatched: Typed[] = [];
  const u = sheets.get(MASTER_SHEETS.unmatched);
  for (const r of u?.rows ?? [])
    unmatched.push({
      sheet: String(r[u!.col(UNMATCHED_HEADERS.sheet)] ?? ''),
      key: valueKey(r[u!.col(UNMATCHED_HEADERS.key)]),
      column: String(r[u!.col(UNMATCHED_HEADERS.column)] ?? ''),
      value: r[u!.col(UNMATCHED_HEADERS.value)],
    });
  return { typed, unmatched };
}

const same = (a: Typed, b: Typed) =>
  a.sheet === b.sheet && a.key === b.key && a.column === b.column && valueKey(a.value) === valueKey(b.value);

/** The values present before a merge that are neither in their row nor in Ghi chú không khớp after it. */
function lost(before: ReturnType<typeof typedValues>, after: ReturnType<typeof typedValues>): Typed[] {
  const expected = [...before.typed, ...before.unmatched];
  // A value typed in a row without key can only be found in Ghi chú không khớp.
  return expected.filter(
    (t) => !after.unmatched.some((u) => same(u, t)) && !(t.key !== '' && after.typed.some((a) => same(a, t))),
  );
}

/** One run: a small inbox, a first merge, then STEPS random actions of the secretariat and the units. */
async function run(seed: number, merge: (inbox: string, master: string) => Promise<number>): Promise<string[]> {
  const rnd = random(seed);
  const dir = tmpDir(`never-lost-${seed}`);
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  const log: string[] = [];
  let counter = 0;
  const fresh = () => ++counter;

  await writeInbox(
    inbox,
    UNITS.map((u) => unit(u, { collectives: 1, individuals: 2 })),
  );
  expect(await merge(inbox, master)).toBe(0);
  let sheets = await readMaster(master);
  let edited = false;
  const tally = () => sheets.get(MASTER_SHEETS.tally)!;
  const units = () => sheets.get(MASTER_SHEETS.units)!;

  const tallyEdit = (column: string, value: () => TypedCell) => {
    const t = tally();
    if (t.rows.length === 0) return;
    const i = Math.floor(rnd() * t.rows.length);
    const v = value();
    t.rows[i]![t.col(column)] = v;
    log.push(`Tổng hợp dòng ${i + 2}, ${column} = ${valueKey(v)}`);
  };

  const actions: Record<string, () => Promise<void> | void> = {
    note: () =>
      tallyEdit(pickOf(rnd, [H.office, H.officeNote]), () => {
        const n = fresh();
        // Now and then a date, which must stay a date.
        return rnd() < 0.2 ? new Date(Date.UTC(2021, 3, 1 + (n % 28))) : `Ghi chú số ${n}: đã xem hồ sơ`;
      }),
    council: () => tallyEdit(H.council, () => pickOf(rnd, [COUNCIL_VALUES.approve, COUNCIL_VALUES.reject])),
    received: () => {
      const u = units();
      // Mostly a unit that sent a file; now and then any row, the totals row included.
      const row =
        rnd() < 0.85
          ? pickOf(
              rnd,
              u.rows.filter((r) => UNITS.includes(String(r[u.col(UNIT_CODE_HEADER)]))),
            )
          : pickOf(rnd, u.rows);
      const n = fresh();
      const value =
        rnd() < 0.3
          ? new Date(Date.UTC(2021, 3, 1 + (n % 28), 8 + (n % 9), n % 60))
          : `${String(1 + (n % 28)).padStart(2, '0')}/04/2021 ${8 + (n % 9)}:${String(n % 60).padStart(2, '0')}`;
      row[u.col(RECEIVED_BY_OFFICE_HEADER)] = value;
      log.push(`Theo đơn vị ${String(row[u.col(UNIT_CODE_HEADER)])}: ${valueKey(value)}`);
    },
    copy: () => {
      const t = tally();
      if (t.rows.length === 0) return;
      const i = Math.floor(rnd() * t.rows.length);
      const at = Math.floor(rnd() * (t.rows.length + 1));
      const copy = [...t.rows[i]!];
      t.rows.splice(at, 0, copy);
      log.push(`chép dòng ${i + 2} vào vị trí ${at + 2}`);
      // Mostly the copy is made to type something else in it.
      if (rnd() < 0.7) {
        const column = pickOf(rnd, Object.values(H));
        copy[t.col(column)] =
          column === H.council
            ? pickOf(rnd, [COUNCIL_VALUES.approve, COUNCIL_VALUES.reject])
            : `Ghi chú bản chép ${fresh()}`;
        log.push(`  bản chép: ${column} = ${valueKey(copy[t.col(column)])}`);
      }
    },
    insert: () => {
      const t = tally();
      const at = Math.floor(rnd() * (t.rows.length + 1));
      const row: TypedCell[] = [];
      const n = fresh();
      row[t.col(NAME_HEADER)] = `Người bổ sung ${n}`;
      row[t.col(H.officeNote)] = `Ghi chú dòng chèn ${n}`;
      t.rows.splice(at, 0, row);
      log.push(`chèn dòng không mã ở vị trí ${at + 2}`);
    },
    copyUnit: () => {
      const u = units();
      const i = Math.floor(rnd() * u.rows.length);
      const copy = [...u.rows[i]!];
      u.rows.splice(i + 1, 0, copy);
      const n = fresh();
      copy[u.col(RECEIVED_BY_OFFICE_HEADER)] = `${String(1 + (n % 28)).padStart(2, '0')}/04/2021`;
      log.push(`Theo đơn vị: chép dòng ${i + 2}, ghi ${valueKey(copy[u.col(RECEIVED_BY_OFFICE_HEADER)])}`);
    },
    sort: () => {
      const t = tally();
      const by = pickOf(rnd, [NAME_HEADER, ID_HEADER, H.officeNote]);
      const order = rnd() < 0.5 ? 1 : -1;
      t.rows.sort((a, b) => order * valueKey(a[t.col(by)]).localeCompare(valueKey(b[t.col(by)])));
      log.push(`sắp xếp theo "${by}" (${order})`);
    },
    resend: async () => {
      const code = pickOf(rnd, UNITS);
      const size = { collectives: Math.floor(rnd() * 3), individuals: Math.floor(rnd() * 5) };
      await writeInbox(inbox, [unit(code, size)]);
      log.push(`${code} gửi lại: ${size.collectives} tập thể, ${size.individuals} cá nhân`);
    },
  };
  const names = Object.keys(actions);

  for (let step = 0; step < STEPS; step++) {
    if (rnd() < 0.25 || step === STEPS - 1) {
      if (edited) await writeMasterSheets(master, sheets);
      edited = false;
      const before = typedValues(await readMaster(master));
      const code = await merge(inbox, master);
      log.push(`gộp lại → ${code}`);
      expect(code, log.join('\n')).toBe(0);
      sheets = await readMaster(master);
      const missing = lost(before, typedValues(sheets));
      if (missing.length > 0)
        throw new Error(
          `bước ${step}: mất ${missing.map((m) => `${m.sheet}/${m.key}/${m.column}=${valueKey(m.value)}`).join(', ')}\n${log.join('\n')}`,
        );
      continue;
    }
    const name = pickOf(rnd, names);
    await actions[name]!();
    edited ||= name !== 'resend';
  }
  await fs.rm(dir, { recursive: true, force: true });
  return log;
}

describe('random sequences of edits, copies, inserted rows, sorts, re-sends and re-merges', () => {
  let output: string[] = [];
  beforeEach(() => {
    output = [];
    vi.spyOn(console, 'log').mockImplementation((...a) => void output.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a) => void output.push(a.join(' ')));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  // The merge in this process, through the command the CLI runs.
  const merge = (inbox: string, master: string) => runMerge(['--inbox', inbox, '--out', master]);

  it.each(SEEDS)('never lose a typed value without listing it in Ghi chú không khớp (seed %i)', async (seed) => {
    try {
      const log = await run(seed, merge);
      expect(log.filter((l) => l.startsWith('gộp lại')).length).toBeGreaterThan(3);
    } catch (e) {
      throw new Error(
        `Seed ${seed} (chạy lại: PROPERTY_SEED=${seed}): ${(e as Error).message}\n${output.slice(-20).join('\n')}`,
      );
    }
  });
});
