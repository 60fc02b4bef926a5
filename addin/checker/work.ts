// The checker page's work, off the main thread when the browser allows it: screen the file's bytes as the
// merge does, read the workbook with the merge's own grid reader (ooxml/grid-read.ts) over the browser's
// inflate, run the engine, and on request patch the marks into the file.
// The same function runs in a Worker or, failing that, on the page between yields.
import {
  checkWorkbook,
  planForWorkbook,
  screenBytes,
  screenIssue,
  type Issue,
  type Plan,
  type WorkbookGrid,
  type WorkbookCheck,
} from '../../engine/index.js';
import { computeMarks } from '../../engine/index.js';
import { memoryParts, readFailure, readGrid } from '../../ooxml/grid-read.js';
import { markedCopy, packageMarks } from '../../ooxml/mark-package.js';
import { failure, type Failure } from '../src/failure.js';
import { viewOf, type CheckView } from '../src/summary.js';
import { BROWSER_CODEC } from './codec.js';

export type ToWorker = { kind: 'check'; name: string; bytes: ArrayBuffer } | { kind: 'download' };

export type FromWorker =
  /** The worker has started: its script is parsed and it takes files (see main.ts). */
  | { kind: 'ready' }
  | { kind: 'progress'; step: number; steps: number; text: string }
  | { kind: 'refused'; issues: Issue[] }
  /** `plan`: the one the workbook carries, or the bundled plan of its Mã kế hoạch (see planForWorkbook). */
  | { kind: 'checked'; view: CheckView; plan: Plan; planNote: string }
  | { kind: 'file'; name: string; bytes: ArrayBuffer }
  | ({ kind: 'failed' } & Failure);

export const STEPS = 4;

/** "H-BATO.xlsx" → "H-BATO-da-kiem-tra.xlsx": the clerk's own file is never overwritten. */
export const markedName = (name: string): string => `${name.replace(/\.xlsx$/i, '')}-da-kiem-tra.xlsx`;

/** Lets the page draw the progress just posted: needed only when the checker runs on the page itself. */
export const yieldToPage = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 0));

/** In a worker nothing waits to be drawn between steps: each step follows at once. */
export const noPause = (): Promise<unknown> => Promise.resolve();

/** `pause` after each progress message: yieldToPage on the page, noPause in a worker. */
export function checker(
  bundled: readonly Plan[],
  reply: (msg: FromWorker, transfer?: Transferable[]) => void,
  pause: () => Promise<unknown>,
) {
  // The check stays here whole: the marked copy is made from it, only when the clerk asks for one.
  let book: { name: string; bytes: Uint8Array; check: WorkbookCheck } | null = null;
  const progress = async (step: number, text: string) => {
    reply({ kind: 'progress', step, steps: STEPS, text });
    await pause();
  };

  async function check(name: string, bytes: ArrayBuffer): Promise<void> {
    book = null;
    await progress(1, 'Đang kiểm tra định dạng tệp…');
    const screened = screenBytes(new Uint8Array(bytes));
    if (!screened.ok) return reply({ kind: 'refused', issues: [screenIssue(name, screened)] });
    await progress(2, 'Đang mở sổ…');
    let grid: WorkbookGrid;
    try {
      // Every sheet, as exceljs read them before: a workbook may carry a plan whose sheets are named anew.
      grid = await readGrid(memoryParts(new Uint8Array(bytes), BROWSER_CODEC));
    } catch (e) {
      // What the merge says of the same file.
      return reply({ kind: 'refused', issues: [readFailure(name, e)] });
    }
    await progress(3, 'Đang kiểm tra các dòng đề nghị…');
    // As the pane does: next year's template carries next year's plan, so the page needs no rebuild.
    const chosen = planForWorkbook(grid, bundled);
    const result = checkWorkbook(chosen.plan, grid, { file: name });
    book = { name, bytes: new Uint8Array(bytes), check: result };
    // Only what the page shows crosses to it: the whole check (every row's cells and issues) cost more to
    // copy than the page's drawing, and the page would have summed it up again on its own thread.
    const view = viewOf(chosen.plan, result, new Date());
    reply({ kind: 'checked', view, plan: chosen.plan, planNote: chosen.damaged ?? '' });
  }

  async function download(): Promise<void> {
    if (!book) return reply({ kind: 'failed', message: 'Chưa có sổ nào được kiểm tra.' });
    await progress(4, 'Đang ghi sổ đã đánh dấu…');
    // The clerk's own file with the marks patched in: whatever program wrote it, the rest stays as it was.
    const data = await markedCopy(book.bytes, packageMarks(computeMarks(book.check)), BROWSER_CODEC);
    const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    reply({ kind: 'file', name: markedName(book.name), bytes }, [bytes]);
  }

  return async (msg: ToWorker): Promise<void> => {
    try {
      if (msg.kind === 'check') await check(msg.name, msg.bytes);
      else await download();
    } catch (e) {
      reply({ kind: 'failed', ...failure(msg.kind === 'check' ? 'checkPage' : 'download', e) });
    }
  };
}
