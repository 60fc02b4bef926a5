// plan check: the plan workbook read, validated by the plan schema, and every problem said where the
// secretariat typed it (sheet, row, column) in Vietnamese; then what the schema cannot see: a unit in no
// group, a form no unit may propose anyone for, a deadline before the campaign starts.
import type { z } from 'zod';
import type { WorkbookGrid } from './cells.js';
import { mayPropose, PlanSchema, WORDING_PLACEHOLDERS, type Plan } from './plan.js';
import { PLAN_WORKBOOK_SHEETS, type TableSheetSpec } from './plan-workbook-map.js';
import { readPlanWorkbook, type CellPlace, type PlanWorkbookProblem } from './plan-workbook.js';

export interface PlanWorkbookCheck {
  /** Set when there is no problem at all. */
  plan?: Plan;
  problems: PlanWorkbookProblem[];
}

const KIND_WORDS: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  int: 'số nguyên',
  boolean: '"Có" hoặc "Không"',
  array: 'danh sách',
  object: 'nhóm mục',
};

const tableOf = (part: string) =>
  PLAN_WORKBOOK_SHEETS.find((s): s is TableSheetSpec => s.kind === 'table' && s.part === part);

/** A zod issue in words a secretariat reads; the schema's own Vietnamese messages as they are. */
function issueText(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  const groups = `trong sheet "${tableOf('groups')!.name}"`;
  switch (i.code) {
    case 'invalid_type':
      return /received undefined/.test(i.message)
        ? 'chưa nhập (bắt buộc)'
        : `phải là ${KIND_WORDS[String(i.expected)] ?? String(i.expected)}`;
    case 'too_small':
      if (i.origin === 'array') return `cần ít nhất ${String(i.minimum)} mục`;
      return /^[A-Z]/.test(i.message) ? `phải từ ${String(i.minimum)} trở lên` : i.message;
    case 'too_big':
      return i.origin === 'string' ? `dài quá ${String(i.maximum)} ký tự` : `phải từ ${String(i.maximum)} trở xuống`;
    case 'invalid_value':
      return `phải là một trong: ${(i.values as unknown[]).map(String).join(', ')}`;
    default:
      return i.message.replace(/trong groups/g, groups);
  }
}

/** The place of a path, or of the nearest enclosing path that has one. */
function placeOf(places: Map<string, CellPlace>, path: readonly PropertyKey[]): CellPlace {
  for (let n = path.length; n > 0; n--) {
    const found = places.get(path.slice(0, n).map(String).join('.'));
    if (found) return found;
  }
  return { sheet: PLAN_WORKBOOK_SHEETS[0]!.name };
}

/** What a valid schema still allows but no campaign can run with. */
function campaignProblems(plan: Plan, places: Map<string, CellPlace>): PlanWorkbookProblem[] {
  const problems: PlanWorkbookProblem[] = [];
  const at = (path: string, message: string) => problems.push({ ...placeOf(places, path.split('.')), message });
  if (plan.deadline < plan.campaign.start) at('deadline', 'hạn nộp hồ sơ trước ngày bắt đầu đợt thi đua');
  plan.forms.forEach((f, i) => {
    if (!f.eligibleGroups.some((g) => plan.units.some((u) => mayPropose(plan, u, g))))
      at(
        `forms.${i}.eligibleGroups`,
        'không đơn vị nào được đề nghị khối nào trong các khối này: hình thức không ai nhận được',
      );
  });
  problems.push(...unknownPlaceholders(plan, places));
  return problems;
}

/** Every string of the plan with its path ("documents.to_trinh.body.1"). */
function* strings(value: unknown, path: string[] = []): Generator<[string[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** A placeholder the papers would print as typed, braces and all: a misspelt one, or one of another plan. */
function unknownPlaceholders(plan: Plan, places: Map<string, CellPlace>): PlanWorkbookProblem[] {
  const references = (plan.documents?.references ?? []).map((r) => r.code);
  const known = new Set<string>([...WORDING_PLACEHOLDERS, ...references]);
  const listed = [...WORDING_PLACEHOLDERS, ...references].map((k) => `{${k}}`).join(', ');
  const problems: PlanWorkbookProblem[] = [];
  for (const [path, text] of strings(plan))
    for (const [whole, name] of text.matchAll(/\{(\w+)\}/g))
      if (!known.has(name!))
        problems.push({
          ...placeOf(places, path),
          message: `chỗ điền ${whole} không phải chỗ điền của công cụ, văn bản sẽ in nguyên văn; chỉ dùng: ${listed}`,
        });
  return problems;
}

/** A unit row with its Khối left blank: said as such rather than as a missing field. */
function unitWithoutGroup(issue: z.core.$ZodIssue): boolean {
  return issue.path[0] === 'units' && issue.path[2] === 'group' && issue.path.length === 3;
}

export function checkPlanWorkbook(grid: WorkbookGrid): PlanWorkbookCheck {
  const read = readPlanWorkbook(grid);
  const problems = [...read.problems];
  const parsed = PlanSchema.safeParse(read.json);
  if (!parsed.success) {
    // A cell already refused while reading is not told again as a missing value.
    const refused = new Set(read.problems.map(placeKey));
    for (const issue of parsed.error.issues) {
      const blankGroup = unitWithoutGroup(issue) && issue.code !== 'custom';
      const message = blankGroup ? 'đơn vị chưa thuộc khối nào: chọn mã khối' : issueText(issue);
      const place = placeOf(read.places, issue.path);
      if (!refused.has(placeKey(place))) problems.push({ ...place, message });
    }
    return { problems: dedupe(problems) };
  }
  problems.push(...campaignProblems(parsed.data, read.places));
  return problems.length ? { problems: dedupe(problems) } : { plan: parsed.data, problems };
}

const placeKey = (p: CellPlace): string => `${p.sheet}|${p.row}|${p.col}`;

function dedupe(problems: PlanWorkbookProblem[]): PlanWorkbookProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${placeKey(p)}|${p.message}`;
    return !seen.has(key) && !!seen.add(key);
  });
}
