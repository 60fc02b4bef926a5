// Builds workbook grids for engine tests, as exceljs or Excel's range.values would deliver them.
import { readFileSync } from 'node:fs';
import {
  checkWorkbook,
  INFO_LABELS,
  INFO_SHEET,
  parsePlan,
  PLAN_SHEET,
  planSheetRows,
  sheetColumns,
  type Cell,
  type CheckOptions,
  type ColumnKey,
  type InfoKey,
  type NomineeTypeCode,
  type Plan,
  type SheetGrid,
  type WorkbookGrid,
} from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { validRowFor } from '../../dev/sample/rows.js';

export const PLAN = DEFAULT_PLAN;
export const TEST_PLAN: Plan = parsePlan(
  JSON.parse(readFileSync(new URL('../fixtures/plan-test.json', import.meta.url), 'utf8')),
);

export type RowValues = Partial<Record<ColumnKey, Cell>>;

/** A Thông tin sheet whose dossier is complete and dated inside the plan's campaign. */
export function validInfo(plan: Plan, unit = plan.units[0]!.code): Partial<Record<InfoKey, Cell>> {
  return {
    planId: plan.id,
    templateVersion: plan.templateVersion,
    unitCode: unit,
    unitName: plan.units.find((u) => u.code === unit)?.name ?? '',
    preparedBy: 'Nguyễn Văn An',
    phone: '0255 3822 123',
    letterNo: '15/TTr-KT',
    letterDate: plan.campaign.end, // ISO text is accepted too; the deadline day itself is fine
    meetingDate: plan.campaign.start,
    hasLetter: 'Có',
    hasMinutes: 'Có',
    sentDate: null,
  };
}

export function infoSheet(values: Partial<Record<InfoKey, Cell>>): SheetGrid {
  return {
    name: INFO_SHEET,
    rows: (Object.keys(INFO_LABELS) as InfoKey[]).map((k) => [INFO_LABELS[k], values[k] ?? null]),
  };
}

/** A row that passes every check under `plan`, in the file of `unit` (by default the one validInfo names). */
export const validRow = (plan: Plan, type: NomineeTypeCode, overrides: RowValues = {}, unit?: string): RowValues =>
  validRowFor(plan, type, overrides, unit).values;

export interface SheetOptions {
  /** Column order by key; defaults to the template's. Keys left out are absent from the sheet. */
  order?: ColumnKey[];
  /** Extra columns appended: header → value for every row. */
  extra?: Record<string, Cell>;
  /** Rows above the header (a title, blank lines). */
  above?: Cell[][];
  headers?: Partial<Record<ColumnKey, string>>;
}

export function listSheet(plan: Plan, type: NomineeTypeCode, rows: RowValues[], opts: SheetOptions = {}): SheetGrid {
  const specs = sheetColumns(plan, type);
  const keys = opts.order ?? specs.map((s) => s.key);
  const header = (k: ColumnKey) => opts.headers?.[k] ?? specs.find((s) => s.key === k)!.header;
  const extra = Object.entries(opts.extra ?? {});
  const grid: Cell[][] = [...(opts.above ?? [])];
  grid.push([...keys.map(header), ...extra.map(([h]) => h)]);
  rows.forEach((r, i) =>
    grid.push([...keys.map((k) => (k === 'seq' ? i + 1 : (r[k] ?? null))), ...extra.map(([, v]) => v)]),
  );
  return { name: plan.nomineeTypes.find((t) => t.code === type)!.sheet, rows: grid };
}

export interface WorkbookSpec {
  info?: Partial<Record<InfoKey, Cell>>;
  collectives?: RowValues[];
  individuals?: RowValues[];
  /** Applied to both list sheets unless the per-sheet options are given. */
  sheetOptions?: SheetOptions;
  collectiveSheet?: SheetOptions;
  individualSheet?: SheetOptions;
  date1904?: boolean;
  /** The plan the workbook carries in its hidden plan sheet, as the template writes it. */
  carriedPlan?: Plan;
}

export function workbook(plan: Plan, spec: WorkbookSpec = {}): WorkbookGrid {
  return {
    sheets: [
      infoSheet({ ...validInfo(plan), ...spec.info }),
      listSheet(plan, 'tap_the', spec.collectives ?? [], spec.collectiveSheet ?? spec.sheetOptions),
      listSheet(plan, 'ca_nhan', spec.individuals ?? [], spec.individualSheet ?? spec.sheetOptions),
      ...(spec.carriedPlan ? [{ name: PLAN_SHEET, rows: planSheetRows(spec.carriedPlan) }] : []),
    ],
    date1904: spec.date1904,
  };
}

export function check(plan: Plan, spec: WorkbookSpec, opts: CheckOptions = {}) {
  return checkWorkbook(plan, workbook(plan, spec), opts);
}

/** Every issue of a result as comparable text: code@sheet!row:column. */
export function issueKeys(result: ReturnType<typeof checkWorkbook>): string[] {
  const all = [...result.fileIssues, ...result.nominations.flatMap((n) => n.issues)];
  return all.map((i) => `${i.code}@${i.sheet ?? ''}!${i.row ?? ''}:${i.column ?? ''}`).sort();
}

export const codes = (result: ReturnType<typeof checkWorkbook>): string[] =>
  [...new Set([...result.fileIssues, ...result.nominations.flatMap((n) => n.issues)].map((i) => i.code))].sort();
