// An .xlsx file → engine grid for the Node side (the merge, the plan workbook): the zip read on the shared
// zip layer (ooxml/package.ts with the Node codec), each part inflated a piece at a time and handed to the one
// grid reader (ooxml/grid-read.ts) as it inflates, so a part is never held whole and the reading stops where
// the reader has all it needs. A clerk's file is read with a byte that is not UTF-8 shown as U+FFFD, never
// refused for it; only our own master is read strictly (node/xlsx-rows.ts).
import type { WorkbookGrid } from '../engine/index.js';
import { readGrid, WorkbookReadError, type ReadGridOptions } from '../ooxml/grid-read.js';
import { Package } from '../ooxml/package.js';
import { NODE_CODEC } from './zip-codec.js';

export { WorkbookReadError, type ReadGridOptions } from '../ooxml/grid-read.js';

export async function readXlsxGrid(data: Buffer | ArrayBuffer, opts: ReadGridOptions = {}): Promise<WorkbookGrid> {
  let pkg: Package;
  try {
    pkg = Package.open(data instanceof ArrayBuffer ? new Uint8Array(data) : data, NODE_CODEC, { badText: 'replace' });
  } catch {
    throw new WorkbookReadError('notWorkbook', 'not a zip');
  }
  return readGrid(pkg, opts);
}
