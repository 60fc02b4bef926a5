// How every printable sheet we write goes on paper: A4 portrait, as wide as the page, as many pages down as
// needed. Templates (the clerk's sheets, the guide) and the master's annex lists each add their own margins.
import type ExcelJS from 'exceljs';

export const A4_PORTRAIT_FIT_WIDTH: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};
