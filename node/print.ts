// How every printable sheet we write goes on paper: A4, as wide as the page, as many pages down as needed.
// Templates (the clerk's sheets, the guide) and the master's annex lists each add their own margins; the
// master's wide tables (Tổng hợp, Theo đơn vị, Lỗi) print landscape with their header row on every page.
import type ExcelJS from 'exceljs';

/** Excel's paperSize code for A4. */
export const A4 = 9;

export const A4_PORTRAIT_FIT_WIDTH: Partial<ExcelJS.PageSetup> = {
  paperSize: A4,
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

export const A4_LANDSCAPE_FIT_WIDTH: Partial<ExcelJS.PageSetup> = {
  ...A4_PORTRAIT_FIT_WIDTH,
  orientation: 'landscape',
};

/** A wide table: landscape, fitted to the page's width, its first `headerRows` rows printed on every page. */
export const wideTablePrint = (headerRows = 1): Partial<ExcelJS.PageSetup> => ({
  ...A4_LANDSCAPE_FIT_WIDTH,
  printTitlesRow: `1:${headerRows}`,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
});

/** Paper sizes we print on, by Excel's paperSize code: width and height in inches, portrait. */
const PAPER_INCHES: Record<number, { width: number; height: number }> = { 9: { width: 8.27, height: 11.69 } };
/**
 * Pixels of a digit of the default font at 96 dpi: 7 for Times New Roman 11 (the master's) as for Calibri 11
 * (exceljs' own). A column's width counts those digits.
 */
const DIGIT_PIXELS = 7;

/** A column's width on screen and paper, in points, as Excel converts its width in digits. */
export const columnPoints = (width: number): number =>
  Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PIXELS)) / 256) * DIGIT_PIXELS) * 0.75;

/**
 * The scale, in whole per cent, at which a sheet fitted to the page width prints: the width between the
 * margins over the columns' width (Excel's rule; LibreOffice's agrees), never above 100.
 */
export function fitToWidthScale(widths: number[], setup: Partial<ExcelJS.PageSetup>): number {
  const paper = PAPER_INCHES[setup.paperSize ?? 9] ?? PAPER_INCHES[9]!;
  const across = setup.orientation === 'landscape' ? paper.height : paper.width;
  const printable = (across - (setup.margins?.left ?? 0.7) - (setup.margins?.right ?? 0.7)) * 72;
  const content = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  return Math.min(100, Math.floor((printable * 100) / content));
}

/** Points of rows one page holds, top to bottom margin, at the scale a sheet fitted to the width prints at. */
export function pageRowPoints(widths: number[], setup: Partial<ExcelJS.PageSetup>): number {
  const paper = PAPER_INCHES[setup.paperSize ?? 9] ?? PAPER_INCHES[9]!;
  const down = setup.orientation === 'landscape' ? paper.width : paper.height;
  const printable = (down - (setup.margins?.top ?? 0.75) - (setup.margins?.bottom ?? 0.75)) * 72;
  return (printable * 100) / fitToWidthScale(widths, setup);
}

/**
 * A table too wide for any one page (Tổng hợp, 34 columns): landscape A4 at a scale its type stays readable at,
 * over as many pages across as it takes, read across then down (a row's pages follow one another), the
 * header row on every page. Fitting it to one page's width would print it at a fifth of its size.
 */
export const wideTableAcrossPages = (scale = 85): Partial<ExcelJS.PageSetup> => ({
  ...wideTablePrint(),
  fitToPage: false,
  scale,
  pageOrder: 'overThenDown',
});
