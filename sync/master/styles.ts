// Cell styles of the master, defined once and shared by every sheet (exceljs keeps one style per object).
import type ExcelJS from 'exceljs';
import { isFormula, type TypedCell } from '../../node/xlsx-rows.js';
import { fitRow } from '../../node/row-height.js';

/** The master's default font: official papers' type, and the one its column widths are measured in. */
export const MASTER_FONT = { name: 'Times New Roman', size: 11 } as const;

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

export const TYPED_HEADER_STYLE: Partial<ExcelJS.Style> = {
  ...HEADER_STYLE,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF7F6000' } },
};

export const WRAP_STYLE: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
export const TOP_STYLE: Partial<ExcelJS.Style> = { alignment: { vertical: 'top' } };
export const BOLD_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Header row: bold on dark blue, wrapped, as tall as its longest header (two lines at least); the columns the
 *  secretariat types in stand out in brown. */
export function styleHeader(row: ExcelJS.Row, isTyped: (col: number) => boolean = () => false): void {
  const texts: unknown[] = [];
  row.eachCell((cell, col) => {
    cell.style = isTyped(col) ? TYPED_HEADER_STYLE : HEADER_STYLE;
    texts[col - 1] = cell.value;
  });
  row.height = 30;
  fitRow(row, Array.from(texts), MASTER_FONT.size, true);
}

/** A typed value as exceljs writes it: a formula with its cached value when there is one. */
export function cellValue(v: TypedCell | undefined): ExcelJS.CellValue {
  if (v === undefined) return null;
  if (isFormula(v)) return (v.result === undefined ? { formula: v.formula } : v) as ExcelJS.CellFormulaValue;
  return v;
}

// One style object per base style and format: exceljs shares styles by identity.
const dateStyles = new Map<Partial<ExcelJS.Style>, Record<'date' | 'dateTime', Partial<ExcelJS.Style>>>();

/** `base` with the date format a date typed in a note needs to stay a date (with the time when it has one). */
export function dateStyle(v: TypedCell | undefined, base: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  let styles = dateStyles.get(base);
  if (!styles) {
    styles = { date: { ...base, numFmt: 'dd/mm/yyyy' }, dateTime: { ...base, numFmt: 'dd/mm/yyyy hh:mm' } };
    dateStyles.set(base, styles);
  }
  const d = isFormula(v) ? v.result : v;
  return d instanceof Date && d.getTime() % 86_400_000 !== 0 ? styles.dateTime : styles.date;
}

/** exceljs's streaming worksheet has data validations at run time, but its types do not declare them. */
export const dataValidationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
