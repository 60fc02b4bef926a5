// `sync push`: copy the master's sheets into a Google Sheet that leaders read on their phones. First what
// the secretariat typed in the Sheet — its three columns of Tổng hợp, the received time of Theo đơn vị — is
// merged back into the master (saved atomically, previous master kept as backup; a value that cannot stay
// in its row goes to Ghi chú không khớp); only then is the Sheet rewritten from the master, so nothing typed
// on either side is lost. The master is held under the same lock as merge while this runs.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadSheets, type sheets_v4 } from './api.js';
import { formatLocalTime, type Plan } from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { backupPath, writeAtomic } from '../../node/atomic.js';
import { addChartsToFile } from '../../node/xlsx-chart.js';
import { readReason } from '../../node/fs-errors.js';
import { acquireLock, type Lock } from '../../node/lock.js';
import { readWorkbookForEdit } from '../../node/xlsx-workbook.js';
import { XlsxReadError } from '../../node/xlsx-rows.js';
import type { TypedSheet, Unmatched } from '../typed-values/master.js';
import { ID_HEADER, MASTER_SHEETS, RECEIVED_BY_OFFICE_HEADER, TALLY_TYPED_HEADERS } from '../master/layout.js';
import { DOCUMENTS_TYPED } from '../master/documents-sheet.js';
import { keyFiguresChartOf } from '../master/stats.js';
import { TALLY_TYPED } from '../master/tally.js';
import { UNITS_TYPED } from '../master/units.js';
import { appendUnmatched } from '../master/unmatched-sheet.js';
import { PUSH_SCOPES, resolveAccess } from './auth.js';
import { clientOptions, exitCodeOf, resolveDeps, type GoogleDeps, type Resolved } from './deps.js';
import { GoogleSyncError, type Target } from './errors.js';
import { googleId } from './ids.js';
import type { Logger } from './logger.js';
import { lastPushed, lastPushedTabs, rememberPushed, type PushedTab, type TypedBySheet } from './push-state.js';
import { editedRows, rowDigests, rowList, unknownColumns } from './sheet-guard.js';
import { findHeaderRow, HEADER_SCAN_ROWS, type HeaderMap } from '../master/header-row.js';
import { callGoogle, type RetryOptions } from './retry.js';
import {
  findTypedColumns,
  masterTyped,
  reconcileTyped,
  readSheetTyped,
  type ReconcileOutcome,
  type TypedColumns,
} from '../typed-values/reconcile.js';
import { publishedSheets } from './master-sheets.js';
import { quoteTitle, valueBatches, type SheetContent } from './sheet-values.js';
import { compactValidations } from './validations.js';
import { chartRequests } from './push-chart.js';

/** The master sheets whose typed columns are merged back from the Sheet before it is rewritten. */
const TYPED_SHEETS: readonly TypedSheet[] = [TALLY_TYPED, UNITS_TYPED, DOCUMENTS_TYPED];
const typedSpec = (title: string) => TYPED_SHEETS.find((s) => s.sheet === title);
const MERGED_COLUMNS = `các cột ${Object.values(TALLY_TYPED_HEADERS)
  .map((h) => `"${h}"`)
  .join(
    ', ',
  )} của trang "${MASTER_SHEETS.tally}", cột "${RECEIVED_BY_OFFICE_HEADER}" của trang "${MASTER_SHEETS.units}" và các cột Văn phòng ghi của trang "${MASTER_SHEETS.documents}"`;

export interface PushOptions {
  sheet: string;
  master: string;
  credentials?: string;
  /** Seconds to wait for a merge holding the master. */
  wait?: number;
  /** The plan the master was merged with: its time zone dates what goes to Ghi chú không khớp (default: bundled). */
  plan?: Plan;
}

interface Api {
  sheets: sheets_v4.Sheets;
  target: Target;
  retry: RetryOptions;
  log: Logger;
}

const call = <T>(api: Api, request: () => Promise<T>): Promise<T> =>
  callGoogle(api.target, request, api.retry, api.log);

/** exceljs drops the charts it cannot write: Thống kê's is drawn again from its key figures, before the rename. */
async function saveMaster(wb: ExcelJS.Workbook, tmp: string): Promise<void> {
  await wb.xlsx.writeFile(tmp);
  const stats = wb.getWorksheet(MASTER_SHEETS.stats);
  const chart = stats && keyFiguresChartOf(stats);
  await addChartsToFile(tmp, chart ? [chart] : []);
}

async function loadMaster(file: string, shown: string): Promise<ExcelJS.Workbook> {
  try {
    return await readWorkbookForEdit(file);
  } catch (e) {
    throw unreadableMaster(shown, (e as NodeJS.ErrnoException)?.code, e);
  }
}

/** What the system refused (a permission, a folder…) said as such; anything else is a damaged workbook. */
const unreadableMaster = (shown: string, code: string | undefined, cause?: unknown) =>
  new GoogleSyncError(
    `Không đọc được sổ tổng hợp "${shown}": ${readReason(code, shown) ?? 'tệp không phải .xlsx hợp lệ hoặc đang hỏng'}.`,
    false,
    cause,
  );

function tallyOf(wb: ExcelJS.Workbook, file: string): { ws: ExcelJS.Worksheet; columns: TypedColumns } {
  const ws = wb.getWorksheet(MASTER_SHEETS.tally);
  if (!ws)
    throw new GoogleSyncError(
      `Sổ tổng hợp "${file}" không có trang "${MASTER_SHEETS.tally}": đây không phải tệp do lệnh merge tạo ra.`,
    );
  const columns = findTypedColumns(ws, TALLY_TYPED);
  if ('missing' in columns)
    throw new GoogleSyncError(
      `Trang "${MASTER_SHEETS.tally}" của "${file}" thiếu cột ${columns.missing.map((h) => `"${h}"`).join(', ')}: chạy lại lệnh merge để tạo sổ tổng hợp mới.`,
    );
  return { ws, columns };
}

/** A master sheet with its typed columns; undefined when the master lacks the sheet or a column. */
function typedTarget(wb: ExcelJS.Workbook, spec: TypedSheet) {
  const ws = wb.getWorksheet(spec.sheet);
  const columns = ws && findTypedColumns(ws, spec);
  return ws && columns && !('missing' in columns) ? { ws, columns } : undefined;
}

/** Reads one tab of the Sheet and merges its typed values into the master's sheet; undefined when the tab is empty. */
async function pullTyped(
  api: Api,
  spreadsheetId: string,
  title: string,
  spec: TypedSheet,
  target: { ws: ExcelJS.Worksheet; columns: TypedColumns },
  base: TypedBySheet,
  recordedAt: string,
): Promise<ReconcileOutcome | undefined> {
  const values = await readTab(api, spreadsheetId, title, 'FORMATTED_VALUE');
  const sheet = readSheetTyped(
    values.map((r) => r.map((v) => String(v ?? ''))),
    spec,
    recordedAt,
  );
  if (sheet.kind === 'empty') return undefined;
  if (sheet.kind === 'no-key-column') {
    throw new GoogleSyncError(
      `Trang "${spec.sheet}" trên Google Sheet không còn cột "${spec.key}" nên không ghép được những gì đã nhập ở đó với sổ tổng hợp. Khôi phục tiêu đề cột rồi đẩy lại; chưa ghi gì.`,
    );
  }
  if (sheet.orphanRows.length > 0) {
    throw new GoogleSyncError(
      `Trang "${spec.sheet}" trên Google Sheet có giá trị đã nhập ở dòng ${sheet.orphanRows.join(', ')} nhưng không có "${spec.key}", nên sẽ bị mất khi ghi đè. Chuyển các giá trị đó vào đúng dòng rồi đẩy lại; chưa ghi gì.`,
    );
  }
  const outcome = reconcileTyped(target.ws, target.columns, spec, sheet, base.get(spec.sheet) ?? new Map(), recordedAt);
  return { ...outcome, setAside: [...sheet.copies, ...outcome.setAside] };
}

function reportMerge(outcome: ReconcileOutcome, log: Logger): void {
  const aside = `chuyển sang trang "${MASTER_SHEETS.unmatched}"`;
  for (const d of outcome.decisions) {
    const was = d.masterValue ? `"${d.masterValue}"` : 'trống';
    if (d.winner === 'sheet')
      log.info(
        `  Lấy từ Google Sheet: mã ${d.key}, "${d.header}" = "${d.sheetValue}" (trong sổ tổng hợp trước đó: ${was})${d.setAside ? `; cả hai nơi đã sửa sau lần đẩy trước, ${was} ${aside}` : ''}.`,
      );
    else if (d.setAside)
      log.info(
        `  Giữ sổ tổng hợp: mã ${d.key}, "${d.header}" = ${was} (từ chối của Hội đồng được giữ); "${d.sheetValue}" trên Google Sheet ${aside}.`,
      );
    else
      log.info(
        `  Giữ sổ tổng hợp: mã ${d.key}, "${d.header}" = ${was} — đã sửa trong sổ sau lần đẩy trước, thay cho "${d.sheetValue}" trên Google Sheet.`,
      );
  }
  for (const id of outcome.restored) {
    log.info(
      `  Giữ lại dòng: mã ${id} không còn trong sổ tổng hợp nhưng có ý kiến trên Google Sheet — đã chép dòng vào trang "${MASTER_SHEETS.tally}".`,
    );
  }
}

type CellValue = string | number | boolean | null;

async function readTab(
  api: Api,
  spreadsheetId: string,
  title: string,
  render: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE',
): Promise<CellValue[][]> {
  const response = await call(api, () =>
    api.sheets.spreadsheets.values.get({ spreadsheetId, range: quoteTitle(title), valueRenderOption: render }),
  );
  return (response.data.values ?? []) as CellValue[][];
}

/**
 * The tabs push is about to rewrite, as they are now. A master tab renamed in the Sheet is found again by
 * the id it had at the last push (and is renamed back); a tab holding the id column under another name
 * with no such record stops the push. Any row typed or changed since the last push stops it too.
 */
async function checkTabs(
  api: Api,
  spreadsheetId: string,
  existing: sheets_v4.Schema$Sheet[],
  titles: string[],
  pushed: Map<string, PushedTab>,
  masterHeader: HeaderMap,
): Promise<Map<string, string>> {
  const current = new Map(existing.map((s) => [s.properties?.title ?? '', s.properties?.sheetId ?? undefined]));
  const titleOfId = new Map([...current].map(([t, id]) => [id, t]));
  const renamed = new Map<string, string>();
  for (const t of titles) {
    if (current.has(t)) continue;
    const was = titleOfId.get(pushed.get(t)?.sheetId);
    if (was !== undefined && !titles.includes(was)) renamed.set(t, was);
  }
  if (!current.has(MASTER_SHEETS.tally) && !renamed.has(MASTER_SHEETS.tally)) {
    for (const [t] of current) {
      if (titles.includes(t) || [...renamed.values()].includes(t)) continue;
      const head = (await readTab(api, spreadsheetId, t, 'FORMATTED_VALUE')).slice(0, HEADER_SCAN_ROWS);
      if (findHeaderRow(head, ID_HEADER))
        throw new GoogleSyncError(
          `Trang "${t}" trên Google Sheet có cột "${ID_HEADER}": có vẻ là trang "${MASTER_SHEETS.tally}" đã bị đổi tên, nên ý kiến nhập ở đó chưa được ghép vào sổ tổng hợp. Đổi lại tên trang thành "${MASTER_SHEETS.tally}" rồi đẩy lại; chưa ghi gì.`,
        );
    }
  }
  const tallySource =
    renamed.get(MASTER_SHEETS.tally) ?? (current.has(MASTER_SHEETS.tally) ? MASTER_SHEETS.tally : undefined);
  if (tallySource !== undefined) {
    const unknown = unknownColumns(await readTab(api, spreadsheetId, tallySource, 'FORMATTED_VALUE'), masterHeader);
    if (unknown.length > 0) {
      const own = Object.values(TALLY_TYPED_HEADERS)
        .map((h) => `"${h}"`)
        .join(', ');
      throw new GoogleSyncError(
        `Trang "${tallySource}" trên Google Sheet có cột mà sổ tổng hợp không có: ${unknown.map((h) => `"${h}"`).join(', ')}. Đẩy lên sẽ xóa những gì đã nhập ở đó, nên chưa ghi gì. Nếu là cột của Văn phòng bị đổi tên, hãy đặt lại đúng tên (${own}); nếu là ý kiến riêng (ví dụ của Giám đốc), hãy chép cột đó sang một trang riêng của bảng tính (tên khác các trang của sổ tổng hợp) rồi đẩy lại.`,
      );
    }
  }
  const problems: string[] = [];
  for (const t of titles) {
    const source = renamed.get(t) ?? (current.has(t) ? t : undefined);
    const before = pushed.get(t);
    if (source === undefined || !before) continue;
    const edited = editedRows(
      await readTab(api, spreadsheetId, source, 'UNFORMATTED_VALUE'),
      before.rows,
      typedSpec(t),
    );
    if (edited.length > 0) problems.push(`"${source}" (dòng ${rowList(edited)})`);
  }
  if (problems.length > 0)
    throw new GoogleSyncError(
      `Trên Google Sheet đã có người nhập hoặc sửa nội dung sau lần đẩy trước, ở trang ${problems.join(', ')}. Đẩy lên sẽ ghi đè những chỗ đó, nên chưa ghi gì. Hãy chép phần đã nhập vào sổ tổng hợp (${MERGED_COLUMNS} được ghép tự động) hoặc sang một trang riêng của bảng tính, rồi đẩy lại.`,
    );
  return renamed;
}

/** One batchUpdate: adds the missing tabs, renames back renamed ones, grows grids, freezes the header rows. */
async function prepareTabs(
  api: Api,
  spreadsheetId: string,
  existing: sheets_v4.Schema$Sheet[],
  contents: SheetContent[],
  renamed: Map<string, string>,
): Promise<string[]> {
  const byTitle = new Map(existing.map((s) => [s.properties?.title ?? '', s.properties ?? {}]));
  for (const [title, was] of renamed) byTitle.set(title, byTitle.get(was)!);
  const requests: sheets_v4.Schema$Request[] = [];
  const added: string[] = [];
  for (const c of contents) {
    const rowCount = Math.max(c.values.length, c.frozenRows + 1, 1);
    const columnCount = Math.max(c.width, c.frozenColumns + 1, 1);
    const current = byTitle.get(c.title);
    if (!current) {
      added.push(c.title);
      requests.push({
        addSheet: {
          properties: {
            title: c.title,
            gridProperties: { rowCount, columnCount, frozenRowCount: c.frozenRows, frozenColumnCount: c.frozenColumns },
          },
        },
      });
      continue;
    }
    const grid = current.gridProperties ?? {};
    const rename = renamed.has(c.title);
    requests.push({
      updateSheetProperties: {
        properties: {
          sheetId: current.sheetId ?? 0,
          ...(rename ? { title: c.title } : {}),
          gridProperties: {
            rowCount: Math.max(rowCount, grid.rowCount ?? 0),
            columnCount: Math.max(columnCount, grid.columnCount ?? 0),
            frozenRowCount: c.frozenRows,
            frozenColumnCount: c.frozenColumns,
          },
        },
        fields: `${rename ? 'title,' : ''}gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount`,
      },
    });
  }
  if (requests.length > 0)
    await call(api, () => api.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }));
  return added;
}

async function writeValues(api: Api, spreadsheetId: string, contents: SheetContent[]): Promise<number> {
  await call(api, () =>
    api.sheets.spreadsheets.values.batchClear({
      spreadsheetId,
      requestBody: { ranges: contents.map((c) => quoteTitle(c.title)) },
    }),
  );
  const batches = valueBatches(contents);
  for (const data of batches) {
    // RAW: the Sheet stores exactly what is sent, so a text starting with "=" never becomes a formula.
    await call(api, () =>
      api.sheets.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data } }),
    );
  }
  return batches.length;
}

/** Thống kê's key-figures chart, drawn over the tab just written from the master's key table. */
async function drawStatsChart(
  api: Api,
  spreadsheetId: string,
  wb: ExcelJS.Workbook,
  sheets: sheets_v4.Schema$Sheet[],
): Promise<void> {
  const stats = wb.getWorksheet(MASTER_SHEETS.stats);
  const chart = stats && keyFiguresChartOf(stats);
  const requests = chart && chartRequests(chart, sheets);
  if (!chart || !requests) return;
  await call(api, () => api.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }));
  api.log.info(`  Vẽ biểu đồ "${chart.title}" trên trang "${chart.sheet}".`);
}

/** The Sheet and master named on the command line, checked before anything is locked or read. */
async function openPush(options: PushOptions, deps: GoogleDeps, resolved: Resolved) {
  const { log, retry, env } = resolved;
  const access = await resolveAccess(options.credentials, PUSH_SCOPES, deps.access, env);
  const spreadsheetId = googleId(options.sheet, 'sheet');
  if (!spreadsheetId)
    throw new GoogleSyncError(
      `"${options.sheet}" không phải mã bảng tính Google: mã là phần giữa "/d/" và "/edit" trong đường dẫn (có thể dán cả đường dẫn).`,
    );
  const master = path.resolve(options.master);
  const info = await stat(master).catch(() => undefined);
  if (info?.isDirectory()) throw unreadableMaster(options.master, 'EISDIR');
  if (!info?.isFile())
    throw new GoogleSyncError(
      `Không tìm thấy sổ tổng hợp "${options.master}": chạy "npm run sync -- merge --inbox … --out ${options.master}" trước.`,
    );
  const { sheets } = await loadSheets();
  const api: Api = {
    sheets: sheets({ version: 'v4', ...clientOptions(access, deps) }),
    target: { kind: 'sheet', id: spreadsheetId, account: access.account },
    retry,
    log,
  };
  return { api, spreadsheetId, master };
}

/** The same lock as merge: a push must not read or save the master while a merge is writing it. */
const lockMaster = (master: string, wait: number | undefined): Promise<Lock> => acquireLock(master, wait ?? 10);

/** The Sheet's tabs as they are now, with the title shown in the first log line. */
async function readSheetTabs(api: Api, spreadsheetId: string, shownMaster: string) {
  const meta = await call(api, () =>
    api.sheets.spreadsheets.get({
      spreadsheetId,
      fields: 'properties.title,sheets.properties(sheetId,title,gridProperties)',
    }),
  );
  api.log.info(`Bảng tính Google "${meta.data.properties?.title ?? spreadsheetId}" ← sổ tổng hợp ${shownMaster}`);
  return meta.data.sheets ?? [];
}

// Hidden sheets (lookup lists) are the workbook's machinery, not something leaders read.
const visibleSheets = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => w.state === 'visible');

/** Stops the push when the Sheet holds something that rewriting would lose; returns the renamed tabs. */
async function guardSheet(
  api: Api,
  spreadsheetId: string,
  master: string,
  wb: ExcelJS.Workbook,
  existing: sheets_v4.Schema$Sheet[],
  tallyHeader: HeaderMap,
): Promise<Map<string, string>> {
  const titles = visibleSheets(wb).map((w) => w.name);
  const pushed = await lastPushedTabs(master, spreadsheetId);
  const renamed = await checkTabs(api, spreadsheetId, existing, titles, pushed, tallyHeader);
  for (const [t, was] of renamed)
    api.log.info(`  Trang "${was}" trên Google Sheet là trang "${t}" đã bị đổi tên: ghép từ đó và đặt lại tên "${t}".`);
  return renamed;
}

/** A master sheet with its typed columns found. */
type TypedTarget = { ws: ExcelJS.Worksheet; columns: TypedColumns };

interface Reconciled {
  /** The master sheets whose typed columns took part, for remembering what was pushed. */
  targets: Map<string, TypedTarget>;
  outcomes: ReconcileOutcome[];
}

/** Merges what was typed in each tab of the Sheet into the master's sheet of the same name. */
async function reconcileSheet(
  api: Api,
  spreadsheetId: string,
  master: string,
  wb: ExcelJS.Workbook,
  tally: TypedTarget,
  existing: sheets_v4.Schema$Sheet[],
  renamed: Map<string, string>,
  plan: Plan,
): Promise<Reconciled> {
  const base = await lastPushed(master, spreadsheetId);
  const recordedAt = formatLocalTime(new Date(), plan.timeZone);
  const outcomes: ReconcileOutcome[] = [];
  const targets = new Map<string, TypedTarget>();
  for (const spec of TYPED_SHEETS) {
    const target = spec === TALLY_TYPED ? tally : typedTarget(wb, spec);
    // An older master without the column: nothing typed there can have come from it.
    if (!target) continue;
    targets.set(spec.sheet, target);
    const source =
      renamed.get(spec.sheet) ?? (existing.some((s) => s.properties?.title === spec.sheet) ? spec.sheet : undefined);
    const outcome =
      source === undefined ? undefined : await pullTyped(api, spreadsheetId, source, spec, target, base, recordedAt);
    if (outcome) outcomes.push(outcome);
  }
  for (const outcome of outcomes) reportMerge(outcome, api.log);
  return { targets, outcomes };
}

/** Sets aside what could not stay in its row, and saves the master only when the Sheet changed it. */
async function saveReconciled(
  wb: ExcelJS.Workbook,
  master: string,
  shownMaster: string,
  outcomes: ReconcileOutcome[],
  log: Logger,
): Promise<void> {
  const setAside: Unmatched[] = outcomes.flatMap((o) => o.setAside);
  appendUnmatched(wb, setAside);
  if (setAside.length > 0)
    log.info(
      `  ${setAside.length} giá trị không giữ được ở dòng của nó đã chuyển sang trang "${MASTER_SHEETS.unmatched}".`,
    );
  const changed = outcomes.some(
    (o) => o.restored.length > 0 || o.setAside.length > 0 || o.decisions.some((d) => d.winner === 'sheet'),
  );
  if (changed) {
    const backup = backupPath(master);
    for (const sheet of wb.worksheets) compactValidations(sheet);
    await writeAtomic(master, (tmp) => saveMaster(wb, tmp), { backup });
    log.info(`  Đã cập nhật sổ tổng hợp ${shownMaster} (bản trước lưu ở ${path.basename(backup)}).`);
  } else if (outcomes.length > 0) {
    log.info('  Không có ý kiến mới trên Google Sheet cần ghép vào sổ tổng hợp.');
  }
}

interface Published {
  contents: SheetContent[];
  added: string[];
  requests: number;
  /** The Sheet's tab ids after writing: a tab renamed later is found again by its id. */
  ids: Map<string | null | undefined, number | undefined>;
}

/** The master's visible sheets as the Sheet gets them, read from the file as saved. */
async function masterContents(master: string, shown: string, wb: ExcelJS.Workbook): Promise<SheetContent[]> {
  try {
    return await publishedSheets(master, wb);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    throw new GoogleSyncError(`Không đọc được sổ tổng hợp "${shown}": ${e.message}.`);
  }
}

/** Rewrites the Sheet's tabs from the master, then draws Thống kê's chart over the values just written. */
async function publish(
  api: Api,
  spreadsheetId: string,
  wb: ExcelJS.Workbook,
  contents: SheetContent[],
  existing: sheets_v4.Schema$Sheet[],
  renamed: Map<string, string>,
): Promise<Published> {
  const added = await prepareTabs(api, spreadsheetId, existing, contents, renamed);
  const requests = await writeValues(api, spreadsheetId, contents);
  const after = await call(api, () =>
    api.sheets.spreadsheets.get({
      spreadsheetId,
      fields: 'sheets(properties(sheetId,title),charts(chartId,spec.title))',
    }),
  );
  await drawStatsChart(api, spreadsheetId, wb, after.data.sheets ?? []);
  const ids = new Map((after.data.sheets ?? []).map((s) => [s.properties?.title, s.properties?.sheetId ?? undefined]));
  return { contents, added, requests, ids };
}

/** What this push wrote, so the next one can tell the secretariat's edits from ours. */
async function rememberPush(
  master: string,
  spreadsheetId: string,
  { contents, ids }: Published,
  targets: Map<string, TypedTarget>,
): Promise<void> {
  const tabs = new Map<string, PushedTab>(
    contents.map((c) => [
      c.title,
      { sheetId: ids.get(c.title), rows: rowDigests(c.values, typedSpec(c.title)).map((d) => d.digest) },
    ]),
  );
  const typed: TypedBySheet = new Map([...targets].map(([sheet, t]) => [sheet, masterTyped(t.ws, t.columns)]));
  await rememberPushed(master, spreadsheetId, typed, tabs);
}

function reportPublished({ contents, added, requests }: Published, log: Logger): void {
  for (const c of contents) {
    const note = added.includes(c.title) ? ' (trang mới)' : '';
    const cut = c.truncated > 0 ? `; ${c.truncated} ô dài quá 50 000 ký tự đã bị cắt` : '';
    log.info(`  Ghi trang "${c.title}"${note}: ${c.values.length} dòng, cố định ${c.frozenRows} dòng tiêu đề${cut}.`);
  }
  log.info(`Đã đẩy ${contents.length} trang lên Google Sheet trong ${requests} lần ghi.`);
}

export async function runPush(options: PushOptions, deps: GoogleDeps = {}): Promise<number> {
  const resolved = resolveDeps(deps);
  return exitCodeOf(resolved.log, async () => {
    const { api, spreadsheetId, master } = await openPush(options, deps, resolved);
    const lock = await lockMaster(master, options.wait);
    try {
      const wb = await loadMaster(master, options.master);
      const tally = tallyOf(wb, options.master);
      const existing = await readSheetTabs(api, spreadsheetId, options.master);
      const renamed = await guardSheet(api, spreadsheetId, master, wb, existing, tally.columns.header);
      const plan = options.plan ?? DEFAULT_PLAN;
      const reconciled = await reconcileSheet(api, spreadsheetId, master, wb, tally, existing, renamed, plan);
      await saveReconciled(wb, master, options.master, reconciled.outcomes, resolved.log);
      const contents = await masterContents(master, options.master, wb);
      const published = await publish(api, spreadsheetId, wb, contents, existing, renamed);
      await rememberPush(master, spreadsheetId, published, reconciled.targets);
      reportPublished(published, resolved.log);
      return 0;
    } finally {
      await lock.release();
    }
  });
}
