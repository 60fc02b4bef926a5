// The master reader: chosen sheets of an .xlsx file read row by row (ooxml/row-read.ts) straight from the
// zip, on the same zip layer and XML scanner as a unit's workbook. Text is decoded as one strict UTF-8 stream,
// so a character split between two pieces stays whole and damaged text is an error, never U+FFFD; a sheet is
// inflated a piece at a time and checked against its size and CRC, so a damaged file is an error, never
// quietly wrong values nor a read that never ends.
import { promises as fs } from 'node:fs';
import { WorkbookReadError } from '../ooxml/grid-read.js';
import { Package } from '../ooxml/package.js';
import { MissingSheetPart, readRows, type ReadRowsOptions } from '../ooxml/row-read.js';
import { NODE_CODEC } from './zip-codec.js';

export {
  isFormula,
  type Formula,
  type ReadRowsOptions as ReadOptions,
  type SheetLayout,
  type RowEvent,
  type TypedCell,
} from '../ooxml/row-read.js';

/** An .xlsx that cannot be read: not a zip, damaged, or missing a part. The message is a Vietnamese reason a
 *  caller puts in its sentence as it is; the library's own error is the `cause`, for the log. */
export class XlsxReadError extends Error {}

/** The package in `file`; a missing or unopenable file is the caller's to explain (its errno error passes). */
async function openPackage(file: string): Promise<Package> {
  const bytes = await fs.readFile(file);
  try {
    return Package.open(bytes, NODE_CODEC);
  } catch (e) {
    throw new XlsxReadError('không phải tệp .xlsx hợp lệ', { cause: e });
  }
}

/** A failure while reading an opened package, as a damaged workbook. */
function damaged(e: unknown): XlsxReadError {
  const cause = { cause: e };
  if (e instanceof MissingSheetPart) return new XlsxReadError(`thiếu phần của trang "${e.sheet}"`, cause);
  if (e instanceof WorkbookReadError) return new XlsxReadError('thiếu phần sổ (xl/workbook.xml)', cause);
  return new XlsxReadError('tệp nén bị hỏng', cause);
}

/** Reads the picked sheets of `file`; throws XlsxReadError when the file is not a readable .xlsx. What the
 *  caller's `onRow` throws reaches the caller as it was thrown. */
export async function readXlsxRows(file: string, opts: ReadRowsOptions): Promise<string[]> {
  const pkg = await openPackage(file);
  let thrown: { error: unknown } | undefined;
  const onRow: ReadRowsOptions['onRow'] = (event) => {
    try {
      return opts.onRow(event);
    } catch (error) {
      thrown = { error };
      throw error;
    }
  };
  try {
    return await readRows(pkg, { ...opts, onRow });
  } catch (e) {
    if (thrown && thrown.error === e) throw e;
    throw damaged(e);
  }
}
