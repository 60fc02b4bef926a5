// Sizes the Google sync keeps to: the same file cap as the merge, and request sizes well inside the
// Sheets API limits (a request body stays far below ~10 MB, a cell holds at most 50 000 characters).

import { LIMITS } from '../../engine/limits.js';

/** Largest workbook pulled from Drive (the merge's own cap); larger ones are refused before any byte is downloaded. */
export const MAX_FILE_BYTES = LIMITS.fileBytes;

/** Files listed per Drive page (the API allows up to 1000). */
export const DRIVE_PAGE_SIZE = 100;

/** Cells sent in one values.batchUpdate request. */
export const MAX_CELLS_PER_REQUEST = 40_000;

/** Approximate JSON bytes sent in one values.batchUpdate request. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/** Characters the Sheets API accepts in one cell. */
export const MAX_CELL_CHARS = 50_000;
