// Cell styles of the master, defined once and shared by every sheet (exceljs keeps one style per object).
import type ExcelJS from 'exceljs';

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

export const SECRETARIAT_HEADER_STYLE: Partial<ExcelJS.Style> = {
  ...HEADER_STYLE,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF7F6000' } },
};

export const WRAP_STYLE: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: true } };
export const TOP_STYLE: Partial<ExcelJS.Style> = { alignment: { vertical: 'top' } };
export const BOLD_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };
export const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true, size: 13 },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Header row: bold on dark blue, wrapped. */
export function styleHeader(row: ExcelJS.Row, secretariatFrom?: number): void {
  row.height = 30;
  row.eachCell((cell, col) => {
    cell.style = secretariatFrom !== undefined && col >= secretariatFrom ? SECRETARIAT_HEADER_STYLE : HEADER_STYLE;
  });
}
