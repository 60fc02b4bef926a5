// The plan a unit workbook carries: the template writes it, as canonical JSON with its fingerprint, into a
// very hidden sheet, so that the add-in and the checker page check a workbook against its own campaign
// without being rebuilt, and the merge can tell a file made from an outdated template.
import type { Cell, WorkbookGrid } from './cells.js';
import { cellText } from './cells.js';
import { stableHash } from './identity.js';
import { safeParsePlan, type Plan } from './plan.js';
import { findSheet, readInfo } from './read.js';
import { INFO_SHEET } from './template.js';
import { matchKey } from './text.js';

export const PLAN_SHEET = '_KeHoach';
const FINGERPRINT_LABEL = 'Dấu vân tay';
const JSON_LABEL = 'Kế hoạch (JSON)';
/** Characters per cell: under Excel's 32,767. */
const CHUNK = 30_000;

/** Objects with their keys sorted, so the same plan always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

const fingerprints = new WeakMap<Plan, string>();

export const planJson = (plan: Plan): string => JSON.stringify(canonical(plan));

/** Same plan, same fingerprint, whatever the key order of its file. */
export function planFingerprint(plan: Plan): string {
  let f = fingerprints.get(plan);
  if (!f) fingerprints.set(plan, (f = stableHash(planJson(plan))));
  return f;
}

/** The rows of the plan sheet: the fingerprint, then the JSON in cells Excel can hold. */
export function planSheetRows(plan: Plan): Cell[][] {
  const text = planJson(plan);
  const rows: Cell[][] = [[FINGERPRINT_LABEL, planFingerprint(plan)]];
  for (let i = 0; i < text.length; i += CHUNK) rows.push([JSON_LABEL, text.slice(i, i + CHUNK)]);
  return rows;
}

/** Why a carried plan cannot be used, said to the clerk. */
export type PlanDamage = 'fingerprint' | 'json' | { invalid: string };

export type CarriedPlanText =
  | { status: 'absent' }
  | { status: 'damaged'; damage: PlanDamage }
  | { status: 'intact'; text: string; fingerprint: string };

/** The plan sheet's text, checked against its fingerprint; no parsing (the merge needs only the fingerprint). */
export function readPlanSheet(grid: WorkbookGrid): CarriedPlanText {
  const sheet = grid.sheets.find((s) => s.name === PLAN_SHEET);
  if (!sheet) return { status: 'absent' };
  let fingerprint = '';
  let text = '';
  for (const row of sheet.rows) {
    const label = cellText(row?.[0]);
    if (label === FINGERPRINT_LABEL) fingerprint = cellText(row[1]);
    // Not trimmed: the JSON's own characters count for the fingerprint.
    else if (label === JSON_LABEL) text += typeof row[1] === 'string' ? row[1] : cellText(row[1]);
  }
  if (!fingerprint || stableHash(text) !== fingerprint) return { status: 'damaged', damage: 'fingerprint' };
  return { status: 'intact', text, fingerprint };
}

export type CarriedPlan =
  { status: 'absent' } | { status: 'damaged'; damage: PlanDamage } | { status: 'ok'; plan: Plan; fingerprint: string };

/**
 * The carried plan, parsed and validated with the plan schema. One of `known` (plans validated already, such
 * as the bundled ones) written out to the letter is that plan itself: the checker page and the pane then
 * skip a second validation, and the engine reuses what it has prepared for that plan.
 */
export function readCarriedPlan(grid: WorkbookGrid, known: readonly Plan[] = []): CarriedPlan {
  const sheet = readPlanSheet(grid);
  if (sheet.status !== 'intact') return sheet;
  const same = known.find((p) => planFingerprint(p) === sheet.fingerprint && planJson(p) === sheet.text);
  if (same) return { status: 'ok', plan: same, fingerprint: sheet.fingerprint };
  let json: unknown;
  try {
    json = JSON.parse(sheet.text);
  } catch {
    return { status: 'damaged', damage: 'json' };
  }
  const parsed = safeParsePlan(json, 'Kế hoạch lưu trong sổ');
  if (!parsed.success) return { status: 'damaged', damage: { invalid: parsed.message } };
  return { status: 'ok', plan: parsed.plan, fingerprint: sheet.fingerprint };
}

export interface WorkbookPlan {
  plan: Plan;
  /** workbook: the plan the workbook carries; bundled: a plan built into the add-in. */
  source: 'workbook' | 'bundled';
  /** Set when the workbook carries a plan that cannot be used: what to tell the clerk. */
  damaged?: string;
}

function damageText(d: PlanDamage): string {
  if (d === 'fingerprint') return 'nội dung không khớp dấu vân tay, có thể đã bị sửa hoặc cắt';
  if (d === 'json') return 'nội dung không phải JSON hợp lệ';
  // safeParsePlan's message: a first line naming the source, then "  - path: problem" per field.
  return d.invalid
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^\s*-\s*/, ''))
    .join('; ');
}

/**
 * The plan to check an open workbook with (the add-in and the checker page): the one it carries, else the
 * bundled plan named by its Mã kế hoạch, else the first bundled plan (the engine then says what is wrong).
 */
export function planForWorkbook(grid: WorkbookGrid, bundled: readonly Plan[]): WorkbookPlan {
  const carried = readCarriedPlan(grid, bundled);
  if (carried.status === 'ok') return { plan: carried.plan, source: 'workbook' };
  const info = findSheet(grid, INFO_SHEET);
  const id = info ? matchKey(cellText(readInfo(info).planId.value)) : '';
  const plan = bundled.find((p) => matchKey(p.id) === id) ?? bundled[0]!;
  if (carried.status === 'absent') return { plan, source: 'bundled' };
  return {
    plan,
    source: 'bundled',
    damaged: `Kế hoạch lưu trong sổ bị hỏng (${damageText(carried.damage)}). Add-in kiểm tra theo kế hoạch ${plan.id} có sẵn; hãy xin Văn phòng Sở mẫu mới nhất và chép dữ liệu sang.`,
  };
}
