// The row model: a raw row's cells turned into typed values, each either empty, ok, or invalid (with the
// text the clerk typed). List values map to plan codes through vocabularies built once per plan.
import { cellText, isErrorValue, readYear, type Cell } from './cells.js';
import { fitCell, LIMITS } from './limits.js';
import { isPerson as isPersonType, type NomineeTypeCode, type Plan, type PlanUnit } from './plan.js';
import { cellAt, type RawRow } from './read.js';
import { criterionKey, LISTS, sheetColumns, type ColumnKey, type ColumnSpec } from './template.js';
import { EMPTY, tidy, Vocabulary, type Parsed } from './text.js';

/** Everything about a plan the checks look up repeatedly, built once. */
export interface PlanContext {
  plan: Plan;
  groups: Vocabulary<string>;
  forms: Vocabulary<string>;
  units: Vocabulary<PlanUnit>;
  criterion: Vocabulary<boolean>;
  yesNo: Vocabulary<boolean>;
  haveNot: Vocabulary<boolean>;
  gender: Vocabulary<string>;
  columns: Record<NomineeTypeCode, Map<ColumnKey, ColumnSpec>>;
}

const contexts = new WeakMap<Plan, PlanContext>();

const truthList = (values: readonly [string, string]) =>
  new Vocabulary<boolean>([
    [values[0], true],
    [values[1], false],
  ]);

export function planContext(plan: Plan): PlanContext {
  let ctx = contexts.get(plan);
  if (ctx) return ctx;
  ctx = {
    plan,
    // Both the label a dropdown shows and the bare code are accepted.
    groups: new Vocabulary(
      plan.groups.flatMap(
        (g) =>
          [
            [g.label, g.code],
            [g.code, g.code],
          ] as const,
      ),
    ),
    forms: new Vocabulary(
      plan.forms.flatMap(
        (f) =>
          [
            [f.label, f.code],
            [f.code, f.code],
          ] as const,
      ),
    ),
    units: new Vocabulary(plan.units.map((u) => [u.code, u] as const)),
    criterion: truthList(LISTS.criterion),
    yesNo: truthList(LISTS.yesNo),
    haveNot: truthList(LISTS.haveNot),
    gender: new Vocabulary(LISTS.gender.map((g) => [g, g] as const)),
    columns: {
      tap_the: new Map(sheetColumns(plan, 'tap_the').map((c) => [c.key, c])),
      ca_nhan: new Map(sheetColumns(plan, 'ca_nhan').map((c) => [c.key, c])),
    },
  };
  contexts.set(plan, ctx);
  return ctx;
}

export interface NominationRow {
  /** The unit whose file holds the row. */
  unit: PlanUnit;
  type: NomineeTypeCode;
  sheet: string;
  row: number;
  line: Cell[];
  columns: RawRow['columns'];
  /** Tidied text of every cell read, as shown back to people. */
  text: Partial<Record<ColumnKey, string>>;
  name: string;
  group: Parsed<string>;
  form: Parsed<string>;
  criteria: Parsed<boolean>[];
  outstanding: Parsed<boolean>;
  report: Parsed<boolean>;
  confirmation: Parsed<boolean>;
  gender: Parsed<string>;
  leader: Parsed<boolean>;
  birthYear: Parsed<number>;
  /** The columns whose cell shows an Excel error value (#VALUE!, #N/A…); null when none (most rows). */
  errors: Set<ColumnKey> | null;
}

function year(cell: Cell, plan: Plan): Parsed<number> {
  // A whole number of four digits, as nearly every row has it, is the year readYear would find in its text.
  let y: number;
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1000 && cell <= 9999) y = cell;
  else {
    const read = readYear(cell);
    if (read.kind === 'empty') return EMPTY;
    if (read.kind === 'invalid') return read;
    y = read.year;
  }
  const text = String(y);
  return y < plan.birthYear.min || y > plan.birthYear.max ? { kind: 'invalid', text } : { kind: 'ok', value: y, text };
}

// List cells go through their vocabulary, which tidies each distinct text once; free text is tidied here.
// Columns come as indexes read by name at each call (at.group): a lookup by a key passed in (at[key]) is a
// slow, generic one, and there are a dozen per row.
function list<T>(vocab: Vocabulary<T>, line: Cell[], column: number | undefined): Parsed<T> {
  const v = cellAt(line, column);
  return v === undefined || v === null ? EMPTY : vocab.parse(typeof v === 'string' ? v : cellText(v));
}

const free = (v: Cell): string => (typeof v === 'string' ? tidy(v) : cellText(v));

/** A row's text until it is read, so the row is made in one shape. */
const NO_TEXT: NominationRow['text'] = Object.freeze({});

export function toNominationRow(raw: RawRow, ctx: PlanContext, unit: PlanUnit): NominationRow {
  const isPerson = isPersonType(ctx.plan, raw.type);
  const { line, columns } = raw;
  const at = columns.at;
  const count = ctx.plan.criteria[raw.type]?.length ?? 0;
  // Sized at once: an empty array's first push reserves room for 17 values, for every row.
  const criteria = new Array<Parsed<boolean>>(count);
  for (let i = 0; i < count; i++) criteria[i] = list(ctx.criterion, line, at[criterionKey(i)]);
  const row: NominationRow = {
    unit,
    type: raw.type,
    sheet: raw.sheet,
    row: raw.row,
    line,
    columns,
    text: NO_TEXT,
    name: free(cellAt(line, at.name)),
    group: list(ctx.groups, line, at.group),
    form: list(ctx.forms, line, at.form),
    criteria,
    outstanding: list(ctx.yesNo, line, at.outstanding),
    report: list(ctx.haveNot, line, at.report),
    confirmation: list(ctx.haveNot, line, at.confirmation),
    gender: isPerson ? list(ctx.gender, line, at.gender) : EMPTY,
    leader: isPerson ? list(ctx.yesNo, line, at.leader) : EMPTY,
    birthYear: isPerson ? year(cellAt(line, at.birthYear), ctx.plan) : EMPTY,
    errors: null,
  };
  row.text = shownText(row, isPerson);
  row.name = row.text.name ?? row.name;
  return row;
}

/** The tidied text of every cell the row reads, in the order its values list them; cells showing an error noted. */
function shownText(row: NominationRow, isPerson: boolean): NominationRow['text'] {
  // One literal for the columns every sheet has: room for them is made at once, not grown key by key.
  const text: NominationRow['text'] = {
    name: row.name,
    group: row.group.text,
    form: row.form.text,
    outstanding: row.outstanding.text,
    report: row.report.text,
    confirmation: row.confirmation.text,
  };
  for (let i = 0; i < row.criteria.length; i++) text[criterionKey(i)] = row.criteria[i]!.text;
  if (isPerson) {
    text.gender = row.gender.text;
    text.leader = row.leader.text;
    if (row.birthYear.text) text.birthYear = row.birthYear.text;
  }
  const { keys, idx } = row.columns;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const cell = row.line[idx[i]!] ?? null;
    if (cell !== null && typeof cell !== 'number' && isErrorValue(cell)) (row.errors ??= new Set()).add(k);
    // Each key looked up once: a lookup by a key that changes every turn is a slow one.
    let shown = text[k];
    if (shown === undefined) text[k] = shown = free(cell);
    // What is shown and stored fits in one cell: longer text is cut, marked, wherever it goes next.
    if (shown.length > LIMITS.cellChars) text[k] = fitCell(shown);
  }
  return text;
}

export const okValue = <T>(p: Parsed<T>): T | null => (p.kind === 'ok' ? p.value : null);
