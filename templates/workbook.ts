// The unit nomination workbook (template version 1), built with exceljs from the plan: Thông tin,
// one Excel table per nominee type with dropdowns on every list column, a guide, and the lists.
import ExcelJS from 'exceljs';
import {
  columnLetter,
  GUIDE_SHEET,
  INFO_LABELS,
  INFO_SHEET,
  listValues,
  PLAN_SHEET,
  planSheetRows,
  proposableGroups,
  sheetColumns,
  ToldError,
  type Cell,
  type ColumnKey,
  type ColumnSpec,
  type InfoKey,
  type ListName,
  type NomineeTypeCode,
  type Plan,
  type PlanUnit,
} from '../engine/index.js';
import { A4_LANDSCAPE_FIT_WIDTH, A4_PORTRAIT_FIT_WIDTH } from '../node/print.js';
import { writeGuide } from './guide.js';
import { columnPrompt, infoPrompt, promptFields } from './prompts.js';

/** Hidden sheet holding the dropdown lists: labels such as "Phòng, đơn vị thuộc Sở" hold commas. */
export const LISTS_SHEET = 'Danh mục';
/** Rows below the header that get the dropdowns and rules, so rows typed later have them too. */
const RULE_ROWS = 1000;

export interface FillRow {
  type: NomineeTypeCode;
  values: Partial<Record<ColumnKey, Cell>>;
}

/** A unit's answers, for sample inboxes and test fixtures (clerks fill workbooks in Excel). */
export interface FillData {
  info?: Partial<Record<InfoKey, Cell>>;
  rows?: FillRow[];
}

const INFO_HINTS: Partial<Record<InfoKey, string>> = {
  planId: 'Không sửa',
  templateVersion: 'Không sửa',
  unitCode: 'Không sửa',
  unitName: 'Không sửa',
  letterNo: 'Bắt buộc. Ví dụ: 15/TTr-KT',
  letterDate: 'Bắt buộc. Ngày ký Tờ trình, dạng dd/mm/yyyy',
  meetingDate: 'Bắt buộc. Ngày họp Hội đồng bình xét, trước Ngày Tờ trình',
  hasLetter: 'Bắt buộc. Chọn "Có" khi đã có Tờ trình đề nghị khen thưởng',
  hasMinutes: 'Bắt buộc. Chọn "Có" khi đã có Biên bản họp bình xét',
  sentDate: 'Ngày gửi hồ sơ về Sở',
};
/** Thông tin lines the dossier checks need: their labels are shown as required. */
const INFO_REQUIRED: InfoKey[] = ['letterNo', 'letterDate', 'meetingDate', 'hasLetter', 'hasMinutes'];
const DATE_KEYS: InfoKey[] = ['letterDate', 'meetingDate', 'sentDate'];
const FIXED_KEYS: InfoKey[] = ['planId', 'templateVersion', 'unitCode', 'unitName'];

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const RESULT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
/** Headers of required columns: dark red instead of the table's blue, explained in Hướng dẫn. */
export const REQUIRED_HEADER_ARGB = 'FFC00000';
const REQUIRED_HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: REQUIRED_HEADER_ARGB },
};
/** Background of an empty required cell on a row that already has a name (conditional formatting). */
export const MISSING_ARGB = 'FFFFC7CE';

/**
 * Writes each list in a column of the hidden sheet; returns the range formula of each. Thuộc khối lists
 * only the groups the unit may propose (the plan's mayPropose), so the dropdown cannot offer another.
 */
function addLists(wb: ExcelJS.Workbook, plan: Plan, unit: PlanUnit): Record<ListName, string> {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const names: ListName[] = ['group', 'form', 'criterion', 'yesNo', 'haveNot', 'gender'];
  const ranges = {} as Record<ListName, string>;
  names.forEach((name, i) => {
    const values = name === 'group' ? proposableGroups(plan, unit).map((g) => g.label) : listValues(plan, name);
    const col = columnLetter(i);
    ws.getCell(`${col}1`).value = name;
    values.forEach((v, r) => (ws.getCell(`${col}${r + 2}`).value = v));
    ranges[name] = `'${LISTS_SHEET}'!$${col}$2:$${col}$${values.length + 1}`;
  });
  return ranges;
}

// exceljs 4.4 writes range validations (one <dataValidation sqref="C2:C1001">) but does not type them.
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };
const rangeRules = (ws: ExcelJS.Worksheet) => (ws as unknown as RangeValidations).dataValidations;

// A rule that accepts anything: it only carries the input prompt (exceljs's types omit 'any').
const ANY = { type: 'any', formulae: [] } as unknown as ExcelJS.DataValidation;

function listRule(formula: string, title: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không có trong danh sách',
    error: `Hãy chọn ${title} trong danh sách thả xuống.`,
  };
}

function buildInfo(
  wb: ExcelJS.Workbook,
  plan: Plan,
  unit: PlanUnit,
  values: Partial<Record<InfoKey, Cell>>,
  lists: Record<ListName, string>,
): void {
  const ws = wb.addWorksheet(INFO_SHEET, { pageSetup: A4_PORTRAIT_FIT_WIDTH });
  ws.columns = [{ width: 32 }, { width: 44 }, { width: 48 }];
  const fixed: Partial<Record<InfoKey, Cell>> = {
    planId: plan.id,
    templateVersion: plan.templateVersion,
    unitCode: unit.code,
    unitName: unit.name,
  };
  (Object.keys(INFO_LABELS) as InfoKey[]).forEach((key, i) => {
    const r = i + 1;
    const label = ws.getCell(r, 1);
    label.value = INFO_LABELS[key];
    label.font = { bold: true, ...(INFO_REQUIRED.includes(key) ? { color: { argb: REQUIRED_HEADER_ARGB } } : {}) };
    const cell = ws.getCell(r, 2);
    cell.value = (FIXED_KEYS.includes(key) ? fixed[key] : values[key]) ?? null;
    cell.alignment = { horizontal: 'left', wrapText: true };
    if (FIXED_KEYS.includes(key)) cell.fill = LOCKED_FILL;
    if (DATE_KEYS.includes(key)) {
      cell.numFmt = 'dd/mm/yyyy';
      cell.dataValidation = {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        showErrorMessage: true,
        errorTitle: 'Ngày không hợp lệ',
        error: 'Hãy nhập ngày dạng dd/mm/yyyy.',
      };
    }
    if (key === 'hasLetter' || key === 'hasMinutes') cell.dataValidation = listRule(lists.haveNot, '"Có" hoặc "Chưa"');
    const prompt = infoPrompt(key);
    if (prompt && cell.dataValidation) cell.dataValidation = { ...cell.dataValidation, ...promptFields(prompt) };
    const hint = ws.getCell(r, 3);
    hint.value = INFO_HINTS[key] ?? null;
    hint.font = { italic: true, color: { argb: 'FF595959' } };
  });
}

/** What each column of a nominee sheet needs to write its header, rules and cells. */
interface ListSheetContext {
  ws: ExcelJS.Worksheet;
  plan: Plan;
  unit: PlanUnit;
  type: NomineeTypeCode;
  lists: Record<ListName, string>;
  /** Column letter of the name: a required cell turns pink once its row has one. */
  nameCol: string;
  /** Rows of data already filled in (sample and test workbooks). */
  dataRows: number;
}

/** A nominee type's sheet: the Excel table, then every column's header, rules and cells. */
function buildListSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  unit: PlanUnit,
  type: NomineeTypeCode,
  rows: FillRow[],
  lists: Record<ListName, string>,
): void {
  const meta = plan.nomineeTypes.find((t) => t.code === type)!;
  const specs = sheetColumns(plan, type);
  const ws = wb.addWorksheet(meta.sheet, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { ...A4_LANDSCAPE_FIT_WIDTH, printTitlesRow: '1:1' },
  });
  ws.columns = specs.map((s) => ({ width: s.width }));
  const data = rows.map((r, i) => specs.map((s) => (s.key === 'seq' ? i + 1 : (r.values[s.key] ?? null))));
  ws.addTable({
    name: meta.table,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: specs.map((s) => ({ name: s.header, filterButton: true })),
    // A table needs at least one row; an empty one keeps the template blank.
    rows: data.length ? data : [specs.map(() => null)],
  });
  const nameCol = columnLetter(specs.findIndex((s) => s.key === 'name'));
  const context: ListSheetContext = { ws, plan, unit, type, lists, nameCol, dataRows: data.length };
  specs.forEach((s, i) => {
    styleHeader(ws.getCell(`${columnLetter(i)}1`), s);
    addColumnRules(context, s, i);
    alignDataCells(context, s, i);
  });
  ws.getRow(1).height = 32;
  const result = specs.findIndex((s) => s.key === 'result');
  if (result >= 0) ws.getCell(1, result + 1).note = 'Cột này do công cụ kiểm tra ghi; không cần nhập.';
}

function styleHeader(header: ExcelJS.Cell, s: ColumnSpec): void {
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = s.required ? REQUIRED_HEADER_FILL : HEADER_FILL;
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

/** The column's dropdown or input prompt, its "missing" highlight and, for the birth year, its range. */
function addColumnRules({ ws, plan, unit, type, lists, nameCol }: ListSheetContext, s: ColumnSpec, i: number): void {
  const col = columnLetter(i);
  const range = `${col}2:${col}${RULE_ROWS + 1}`;
  const prompt = columnPrompt(plan, s, type, unit);
  const asked = prompt ? promptFields(prompt) : {};
  if (s.list) rangeRules(ws).add(range, { ...listRule(lists[s.list], `"${s.header}"`), ...asked });
  else if (prompt && s.key !== 'birthYear') rangeRules(ws).add(range, { ...ANY, ...asked });
  if (s.required && s.key !== 'name') {
    // Pink while the row has a name and this cell is still empty: the clerk sees what is missing as they type.
    ws.addConditionalFormatting({
      ref: range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [`AND(LEN(TRIM($${nameCol}2))>0,LEN(TRIM(${col}2))=0)`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: MISSING_ARGB } } },
        },
      ],
    });
  }
  if (s.key === 'birthYear') rangeRules(ws).add(range, { ...asked, ...birthYearRule(plan) });
}

function birthYearRule(plan: Plan): ExcelJS.DataValidation {
  return {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [plan.birthYear.min, plan.birthYear.max],
    showErrorMessage: true,
    errorTitle: 'Năm sinh không hợp lệ',
    error: `Năm sinh là năm có 4 chữ số, từ ${plan.birthYear.min} đến ${plan.birthYear.max}.`,
  };
}

/** Long texts wrap; the check result column is tinted as not the clerk's to type. */
function alignDataCells({ ws, dataRows }: ListSheetContext, s: ColumnSpec, i: number): void {
  const wrap =
    s.key === 'summary' || s.key === 'name' || s.key === 'workplace' || s.key === 'result' || s.key === 'note';
  for (let r = 2; r <= Math.max(2, dataRows + 1); r++) {
    const cell = ws.getCell(r, i + 1);
    cell.alignment = { vertical: 'top', wrapText: wrap };
    if (s.key === 'result') cell.fill = RESULT_FILL;
  }
}

/** A unit code the plan does not have, told with the codes it has. */
export const unknownUnit = (plan: Plan, code: string | undefined) =>
  new ToldError(
    `Mã đơn vị "${code}" không có trong kế hoạch ${plan.id}. Các mã hợp lệ: ${plan.units.map((u) => u.code).join(', ')}.`,
  );

/** A nomination workbook for one unit of the plan, blank or filled with `data`. */
export function buildTemplate(plan: Plan, unitCode: string, data: FillData = {}): ExcelJS.Workbook {
  const unit = plan.units.find((u) => u.code === unitCode);
  if (!unit) throw unknownUnit(plan, unitCode);
  const wb = new ExcelJS.Workbook();
  wb.creator = plan.issuer.agency;
  wb.title = `${plan.id} – ${unitCode}`;
  const lists = addLists(wb, plan, unit);
  buildInfo(wb, plan, unit, data.info ?? {}, lists);
  for (const t of plan.nomineeTypes)
    buildListSheet(
      wb,
      plan,
      unit,
      t.code,
      (data.rows ?? []).filter((r) => r.type === t.code),
      lists,
    );
  writeGuide(wb.addWorksheet(GUIDE_SHEET), plan, unit);
  // The plan travels with the workbook: the add-in checks against it, the merge tells an outdated template.
  wb.addWorksheet(PLAN_SHEET, { state: 'veryHidden' }).addRows(planSheetRows(plan));
  // Created first so formulas can point at it; shown last in the tab order.
  (wb.getWorksheet(LISTS_SHEET) as unknown as { orderNo: number }).orderNo = wb.worksheets.length + 1;
  return wb;
}
