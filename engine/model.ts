// The row model: a raw row's cells turned into typed values, each either empty, ok, or invalid (with the
// text the clerk typed). List values map to plan codes through vocabularies built once per plan.
import { cellText, isErrorValue, readYear, type Cell } from './cells.js';
import { fitCell, LIMITS } from './limits.js';
import { isPerson as isPersonType, type NomineeTypeCode, type Plan, type PlanUnit } from './plan.js';
import { cellOf, type RawRow } from './read.js';
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
function list<T>(vocab: Vocabulary<T>, raw: RawRow, key: ColumnKey): Parsed<T> {
  const v = cellOf(raw, key);
  return v === undefined || v === null ? EMPTY : vocab.parse(typeof v === 'string' ? v : cellText(v));
}

const free = (v: Cell): string => (typeof v === 'string' ? tidy(v) : cellText(v));

export function toNominationRow(raw: RawRow, ctx: PlanContext, unit: PlanUnit): NominationRow {
  const isPerson = isPersonType(ctx.plan, raw.type);
  const count = ctx.plan.criteria[raw.type]?.length ?? 0;
  // Sized at once: an empty array's first push reserves room for 17 values, for every row.
  const criteria = new Array<Parsed<boolean>>(count);
  for (let i = 0; i < count; i++) criteria[i] = list(ctx.criterion, raw, criterionKey(i));
  const row: NominationRow = {
    unit,
    type: raw.type,
    sheet: raw.sheet,
    row: raw.row,
    line: raw.line,
    columns: raw.columns,
    text: {},
    name: free(cellOf(raw, 'name')),
    group: list(ctx.groups, raw, 'group'),
    form: list(ctx.forms, raw, 'form'),
    criteria,
    outstanding: list(ctx.yesNo, raw, 'outstanding'),
    report: list(ctx.haveNot, raw, 'report'),
    confirmation: list(ctx.haveNot, raw, 'confirmation'),
    gender: isPerson ? list(ctx.gender, raw, 'gender') : EMPTY,
    leader: isPerson ? list(ctx.yesNo, raw, 'leader') : EMPTY,
    birthYear: isPerson ? year(cellOf(raw, 'birthYear'), ctx.plan) : EMPTY,
    errors: null,
  };
  const text = row.text;
  text.name = row.name;
  text.group = row.group.text;
  text.form = row.form.text;
  text.outstanding = row.outstanding.text;
  text.report = row.report.text;
  text.confirmation = row.confirmation.text;
  for (let i = 0; i < count; i++) text[criterionKey(i)] = criteria[i]!.text;
  if (isPerson) {
    text.gender = row.gender.text;
    text.leader = row.leader.text;
    if (row.birthYear.text) text.birthYear = row.birthYear.text;
  }
  const { keys, idx } = raw.columns;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const cell = raw.line[idx[i]!] ?? null;
    if (cell !== null && typeof cell !== 'number' && isErrorValue(cell)) (row.errors ??= new Set()).add(k);
    if (text[k] === undefined) text[k] = free(cell);
    // What is shown and stored fits in one cell: longer text is cut, marked, wherever it goes next.
    if (text[k]!.length > LIMITS.cellChars) text[k] = fitCell(text[k]!);
  }
  row.name = text.name ?? row.name;
  return row;
}

export const okValue = <T>(p: Parsed<T>): T | null => (p.kind === 'ok' ? p.value : null);
