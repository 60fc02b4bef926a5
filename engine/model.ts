// The row model: a raw row's cells turned into typed values, each either empty, ok, or invalid (with the
// text the clerk typed). List values map to plan codes through vocabularies built once per plan.
import { cellText, readYear, type Cell } from './cells.js';
import type { NomineeTypeCode, Plan, PlanUnit } from './plan.js';
import type { RawRow } from './read.js';
import { LISTS, sheetColumns, type ColumnKey, type ColumnSpec } from './template.js';
import { tidy, Vocabulary } from './text.js';

export type Parsed<T> = { kind: 'empty' } | { kind: 'ok'; value: T } | { kind: 'invalid'; text: string };

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

const truthList = (values: readonly [string, string]) => new Vocabulary<boolean>([[values[0], true], [values[1], false]]);

export function planContext(plan: Plan): PlanContext {
  let ctx = contexts.get(plan);
  if (ctx) return ctx;
  ctx = {
    plan,
    // Both the label a dropdown shows and the bare code are accepted.
    groups: new Vocabulary(plan.groups.flatMap((g) => [[g.label, g.code], [g.code, g.code]] as const)),
    forms: new Vocabulary(plan.forms.flatMap((f) => [[f.label, f.code], [f.code, f.code]] as const)),
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
  type: NomineeTypeCode;
  sheet: string;
  row: number;
  cells: Partial<Record<ColumnKey, Cell>>;
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
}

function lookup<T>(vocab: Vocabulary<T>, text: string): Parsed<T> {
  if (text === '') return { kind: 'empty' };
  const value = vocab.get(text);
  return value === undefined ? { kind: 'invalid', text } : { kind: 'ok', value };
}

function year(cell: Cell, plan: Plan): Parsed<number> {
  const read = readYear(cell);
  if (read.kind !== 'ok') return read;
  return read.year < plan.birthYear.min || read.year > plan.birthYear.max ? { kind: 'invalid', text: String(read.year) } : { kind: 'ok', value: read.year };
}

export function toNominationRow(raw: RawRow, ctx: PlanContext): NominationRow {
  const text: Partial<Record<ColumnKey, string>> = {};
  for (const key in raw.cells) {
    const k = key as ColumnKey;
    const t = cellText(raw.cells[k]);
    text[k] = t === '' ? t : tidy(t);
  }
  const criteria: Parsed<boolean>[] = [];
  const count = ctx.plan.criteria[raw.type]?.length ?? 0;
  for (let i = 0; i < count; i++) criteria.push(lookup(ctx.criterion, text[`criterion${i}`] ?? ''));
  const isPerson = raw.type === 'ca_nhan';
  const empty = { kind: 'empty' } as const;
  return {
    type: raw.type,
    sheet: raw.sheet,
    row: raw.row,
    cells: raw.cells,
    text,
    name: text.name ?? '',
    group: lookup(ctx.groups, text.group ?? ''),
    form: lookup(ctx.forms, text.form ?? ''),
    criteria,
    outstanding: lookup(ctx.yesNo, text.outstanding ?? ''),
    report: lookup(ctx.haveNot, text.report ?? ''),
    confirmation: lookup(ctx.haveNot, text.confirmation ?? ''),
    gender: isPerson ? lookup(ctx.gender, text.gender ?? '') : empty,
    leader: isPerson ? lookup(ctx.yesNo, text.leader ?? '') : empty,
    birthYear: isPerson ? year(raw.cells.birthYear ?? null, ctx.plan) : empty,
  };
}

export const okValue = <T>(p: Parsed<T>): T | null => (p.kind === 'ok' ? p.value : null);
