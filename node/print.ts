// How every printable sheet we write goes on paper: A4, as wide as the page, as many pages down as needed.
// Templates (the clerk's sheets, the guide) and the master's annex lists each add their own margins; the
// master's wide tables (Tổng hợp, Theo đơn vị, Lỗi) print landscape with their header row on every page.
import type ExcelJS from 'exceljs';

export const A4_PORTRAIT_FIT_WIDTH: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
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
