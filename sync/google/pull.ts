// `sync pull`: bring the units' workbooks from a shared Drive folder into the inbox that merge reads.
// Each file is written through a temporary file and a rename, stamped with its Drive modifiedTime (the
// merge's received time), and skipped next time while Drive reports it unchanged. Nothing local is ever
// deleted or overwritten unless it is the copy of the same Drive file.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { loadDrive, type drive_v3 } from './api.js';
import { formatLocalTime, isLate, type Plan } from '../../engine/index.js';
import { formatSize } from '../../engine/limits.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { failureText } from '../../node/cli.js';
import { PULL_SCOPES, resolveAccess } from './auth.js';
import { clientOptions, exitCodeOf, resolveDeps, type GoogleDeps, type Resolved } from './deps.js';
import { GoogleSyncError, type Target } from './errors.js';
import { googleId } from './ids.js';
import { DRIVE_PAGE_SIZE, MAX_FILE_BYTES } from './limits.js';
import type { Logger } from './logger.js';
import { callGoogle, type RetryOptions } from './retry.js';
import { loadState, saveState, type DriveState } from './state.js';

export interface PullOptions {
  /** The plan whose deadline says which Drive files arrived late: the one the merge uses (default: bundled). */
  plan?: Plan;
  driveFolder: string;
  inbox: string;
  credentials?: string;
}

const FOLDER_MIME = 'application/vnd.google-apps.folder';
const GOOGLE_SHEET_MIME = 'application/vnd.google-apps.spreadsheet';
const SHORTCUT_MIME = 'application/vnd.google-apps.shortcut';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Spreadsheets other than .xlsx are pulled too: merge then tells the unit to save as .xlsx
// (FILE_UNSUPPORTED) instead of the file silently never arriving.
const SPREADSHEET_EXTENSIONS: Record<string, string> = {
  [XLSX_MIME]: '.xlsx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.ms-excel.sheet.macroEnabled.12': '.xlsm',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.12': '.xlsb',
  'application/vnd.oasis.opendocument.spreadsheet': '.ods',
  'text/csv': '.csv',
};
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xlsb|xls|ods|csv)$/i;

type DriveFile = drive_v3.Schema$File & { id: string };
type Action = { kind: 'download' | 'export'; base: string } | { kind: 'skip'; reason: string };

/** What to do with a Drive entry: download it, export it as .xlsx, or skip it (and why). */
export function actionFor(file: drive_v3.Schema$File): Action {
  const name = file.name ?? file.id ?? '';
  const mime = file.mimeType ?? '';
  if (mime === FOLDER_MIME) return { kind: 'skip', reason: 'thư mục con (chỉ tải các tệp nằm ngay trong thư mục)' };
  if (mime === SHORTCUT_MIME) return { kind: 'skip', reason: 'lối tắt (shortcut): hãy đặt chính tệp vào thư mục' };
  if (mime === GOOGLE_SHEET_MIME)
    return {
      kind: 'export',
      base: SPREADSHEET_NAME.test(name) ? name.replace(SPREADSHEET_NAME, '.xlsx') : `${name}.xlsx`,
    };
  if (mime.startsWith('application/vnd.google-apps.'))
    return { kind: 'skip', reason: 'tài liệu Google không phải bảng tính' };
  if (SPREADSHEET_NAME.test(name)) return { kind: 'download', base: name };
  const extension = SPREADSHEET_EXTENSIONS[mime];
  if (extension) return { kind: 'download', base: `${name}${extension}` };
  return { kind: 'skip', reason: 'không phải bảng tính' };
}

/**
 * Longest local name, in UTF-8 bytes: file systems allow 255 bytes (not characters: a Vietnamese letter
 * takes two or three), and the temporary ".NAME.xxxxxxxx.part" and a " (Drive id)" suffix must still fit.
 */
export const MAX_NAME_BYTES = 180;

/** `text` cut to at most `bytes` UTF-8 bytes, never inside a character. */
function cutToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    used += Buffer.byteLength(ch);
    if (used > bytes) break;
    out += ch;
  }
  return out;
}

/** A Drive name made safe as a local file name that merge will read (no leading '.' or '~$'), short enough for any disk. */
export function localName(driveName: string): string {
  const ext = path
    .extname(driveName)
    .replace(/[^.\w]/g, '')
    .slice(0, 10);
  let stem = driveName.slice(0, driveName.length - path.extname(driveName).length).normalize('NFC');
  stem = stem
    .replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[\s.~]+/, '')
    .trim();
  stem = cutToBytes(stem, MAX_NAME_BYTES - Buffer.byteLength(ext)).trim();
  return `${stem || 'tep-khong-ten'}${ext}`;
}

const withIdSuffix = (name: string, id: string): string => {
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${id})${ext}`;
};

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function md5Of(file: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function driveTime(file: DriveFile, plan: Plan): string {
  const modified = new Date(file.modifiedTime ?? Date.now());
  const late = isLate(plan, modified) ? ', sau hạn nộp' : '';
  return `sửa trên Drive lúc ${formatLocalTime(modified, plan.timeZone)}${late}`;
}

/** The local names already taken: by other Drive files in the state, or earlier in this run. */
class NameBook {
  private readonly taken = new Map<string, string>();
  constructor(state: DriveState) {
    for (const [id, entry] of Object.entries(state.files)) this.taken.set(entry.name.toLowerCase(), id);
  }
  freeFor(name: string, id: string): boolean {
    const owner = this.taken.get(name.toLowerCase());
    return owner === undefined || owner === id;
  }
  ownedBy(name: string, id: string): boolean {
    return this.taken.get(name.toLowerCase()) === id;
  }
  claim(name: string, id: string): void {
    this.taken.set(name.toLowerCase(), id);
  }
}

/** Silence after which a download is cut and tried again. */
export const DEFAULT_STALL_MS = 20_000;
/** Silence a file may cost in all its tries before the pull moves on to the next (the next pull tries again). */
export const DEFAULT_STALL_BUDGET_MS = 60_000;

const stallError = () => Object.assign(new Error('download stalled'), { code: 'ETIMEDOUT' });

type Streamed = { kind: 'ok'; bytes: number } | { kind: 'oversize'; bytes: number };

/** Streams a response body into a new file, stopping as soon as it passes the size cap. */
async function streamTo(
  file: string,
  body: AsyncIterable<Uint8Array | string>,
  onChunk: () => void = () => undefined,
): Promise<Streamed> {
  const handle = await open(file, 'wx');
  let bytes = 0;
  try {
    for await (const chunk of body) {
      onChunk();
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += data.byteLength;
      if (bytes > MAX_FILE_BYTES) return { kind: 'oversize', bytes };
      await handle.write(data);
    }
    return { kind: 'ok', bytes };
  } finally {
    await handle.close();
  }
}

interface PullCounts {
  pulled: number;
  unchanged: number;
  skipped: number;
  refused: number;
  failed: number;
}

/** The Drive client and folder named on the command line; the folder id is checked before any request. */
async function openDrive(options: PullOptions, deps: GoogleDeps, { log, retry, env }: Resolved) {
  const access = await resolveAccess(options.credentials, PULL_SCOPES, deps.access, env);
  const folderId = googleId(options.driveFolder, 'folder');
  if (!folderId)
    throw new GoogleSyncError(
      `"${options.driveFolder}" không phải mã thư mục Google Drive: mã là phần sau "/folders/" trong đường dẫn thư mục (có thể dán cả đường dẫn).`,
    );
  const drive = (await loadDrive()).drive({ version: 'v3', ...clientOptions(access, deps) });
  const folderTarget: Target = { kind: 'folder', id: folderId, account: access.account };
  return { drive, folderId, folderTarget, account: access.account, retry, log };
}

type DriveAccess = Awaited<ReturnType<typeof openDrive>>;

/** The inbox, created when missing: a path that is a file stops the pull before Drive is asked anything. */
async function openInbox(shown: string): Promise<string> {
  const inbox = path.resolve(shown);
  await mkdir(inbox, { recursive: true }).catch(() => undefined);
  const inboxStat = await stat(inbox).catch(() => undefined);
  if (!inboxStat?.isDirectory()) throw new GoogleSyncError(`Không dùng được inbox "${shown}": không phải một thư mục.`);
  return inbox;
}

/** The folder's name, checked to be a folder: a file's id would otherwise list nothing, silently. */
async function folderName({ drive, folderId, folderTarget, retry, log }: DriveAccess): Promise<string> {
  const folder = await callGoogle(
    folderTarget,
    () => drive.files.get({ fileId: folderId, fields: 'id, name, mimeType', supportsAllDrives: true }),
    retry,
    log,
  );
  if (folder.data.mimeType !== FOLDER_MIME) {
    throw new GoogleSyncError(
      `Mã "${folderId}" là tệp "${folder.data.name ?? ''}", không phải thư mục Drive: dùng mã của thư mục chứa hồ sơ (phần sau "/folders/" trong đường dẫn).`,
    );
  }
  return folder.data.name ?? folderId;
}

/** Every entry directly in the folder, page by page. */
async function listFolder({ drive, folderId, folderTarget, retry, log }: DriveAccess): Promise<DriveFile[]> {
  const files: DriveFile[] = [];
  let pageToken: string | undefined;
  do {
    const page = await callGoogle(
      folderTarget,
      () =>
        drive.files.list({
          q: `'${folderId}' in parents and trashed = false`,
          fields: 'nextPageToken, files(id, name, mimeType, size, md5Checksum, modifiedTime)',
          pageSize: DRIVE_PAGE_SIZE,
          orderBy: 'name, createdTime',
          supportsAllDrives: true,
          includeItemsFromAllDrives: true,
          ...(pageToken ? { pageToken } : {}),
        }),
      retry,
      log,
    );
    for (const f of page.data.files ?? []) if (f.id) files.push(f as DriveFile);
    pageToken = page.data.nextPageToken ?? undefined;
  } while (pageToken);
  return files;
}

/** One pull's working set: what each file's steps read and update. */
interface PullRun {
  access: DriveAccess;
  inbox: string;
  state: DriveState;
  names: NameBook;
  counts: PullCounts;
  plan: Plan;
}

type Fetch = Extract<Action, { kind: 'download' | 'export' }>;

/** Skips what is not a spreadsheet and refuses, before downloading, a file Drive says is too big. */
function declined({ counts, access }: PullRun, file: DriveFile, action: Action): action is Exclude<Action, Fetch> {
  const shown = file.name ?? file.id;
  if (action.kind === 'skip') {
    counts.skipped++;
    access.log.info(`  Bỏ qua: "${shown}" — ${action.reason}.`);
    return true;
  }
  const size = Number(file.size);
  if (action.kind === 'download' && Number.isFinite(size) && size > MAX_FILE_BYTES) {
    counts.refused++;
    access.log.info(
      `  Từ chối: "${shown}" — ${formatSize(size)}, quá giới hạn ${formatSize(MAX_FILE_BYTES)}; không tải. Đề nghị đơn vị gửi lại tệp nhỏ hơn.`,
    );
    return true;
  }
  return false;
}

/** The local copy from an earlier pull is kept while Drive reports the file unchanged and the copy is still there. */
async function keptUnchanged({ state, names, inbox, counts, access }: PullRun, file: DriveFile): Promise<boolean> {
  const previous = state.files[file.id];
  if (
    !previous ||
    previous.modifiedTime !== file.modifiedTime ||
    previous.md5Checksum !== (file.md5Checksum ?? undefined) ||
    !names.freeFor(previous.name, file.id) ||
    !(await exists(path.join(inbox, previous.name)))
  )
    return false;
  names.claim(previous.name, file.id);
  counts.unchanged++;
  access.log.info(`  Không đổi: ${previous.name}`);
  return true;
}

function remember(state: DriveState, file: DriveFile, name: string): void {
  state.files[file.id] = {
    name,
    md5Checksum: file.md5Checksum ?? undefined,
    modifiedTime: file.modifiedTime ?? '',
    pulledAt: new Date().toISOString(),
  };
}

/** Brings one file into the inbox under a free name, or adopts a local file with the same content. */
async function pullFile(run: PullRun, file: DriveFile, action: Fetch): Promise<void> {
  const { state, names, inbox, counts, access } = run;
  const wanted = state.files[file.id]?.name ?? localName(action.base);
  const target = await chooseName(inbox, file, wanted, names);
  if (target.kind === 'adopted') {
    remember(state, file, target.name);
    counts.unchanged++;
    access.log.info(`  Không đổi: ${target.name} (đã có sẵn trong inbox, cùng nội dung)`);
    return;
  }
  try {
    await fetchFile(run, file, action, target);
  } catch (err) {
    // Quota, 5xx and network failures hit every next file too: stop; a refusal of one file does not.
    if (!(err instanceof GoogleSyncError) || err.transient) throw err;
    counts.failed++;
    // Said as the runner says it: a failure with details underneath names the log file they were written to.
    access.log.error(`  Lỗi: ${await failureText(err)}`);
  }
}

async function fetchFile(
  { state, names, inbox, counts, access, plan }: PullRun,
  file: DriveFile,
  action: Fetch,
  target: Extract<NameChoice, { kind: 'write' }>,
): Promise<void> {
  const { drive, account, retry, log } = access;
  const shown = file.name ?? file.id;
  const fileTarget: Target = { kind: 'file', id: file.id, name: shown ?? file.id, account };
  const result = await download(drive, file, action.kind, inbox, target.name, fileTarget, retry, log);
  if (result.kind === 'oversize') {
    counts.refused++;
    log.info(`  Từ chối: "${shown}" — hơn ${formatSize(MAX_FILE_BYTES)} khi tải; đã dừng tải, không ghi tệp.`);
    return;
  }
  names.claim(target.name, file.id);
  remember(state, file, target.name);
  counts.pulled++;
  const verb = action.kind === 'export' ? 'Xuất từ Google Trang tính' : 'Tải về';
  const renamed =
    target.name !== shown
      ? ` — trên Drive tên "${shown}"${target.suffixed ? ', trùng tên với tệp khác nên thêm mã Drive' : ''}`
      : '';
  log.info(`  ${verb}: ${target.name} (${formatSize(result.bytes)}, ${driveTime(file, plan)})${renamed}`);
}

async function pullOne(run: PullRun, file: DriveFile): Promise<void> {
  const action = actionFor(file);
  if (declined(run, file, action)) return;
  if (await keptUnchanged(run, file)) return;
  await pullFile(run, file, action);
}

export async function runPull(options: PullOptions, deps: GoogleDeps = {}): Promise<number> {
  const resolved = resolveDeps(deps);
  const { log } = resolved;
  return exitCodeOf(log, async () => {
    const access = await openDrive(options, deps, resolved);
    const inbox = await openInbox(options.inbox);
    const name = await folderName(access);
    const files = await listFolder(access);
    log.info(`Thư mục Drive "${name}" có ${files.length} mục → inbox ${options.inbox}`);

    const { state, warning } = await loadState(inbox);
    if (warning) log.info(warning);
    const counts: PullCounts = { pulled: 0, unchanged: 0, skipped: 0, refused: 0, failed: 0 };
    const run: PullRun = {
      access,
      inbox,
      state,
      names: new NameBook(state),
      counts,
      plan: options.plan ?? DEFAULT_PLAN,
    };
    // The folder's content decides what is pulled; the state only says what is already here.
    try {
      for (const file of files) await pullOne(run, file);
    } finally {
      // Saved even when a failure stops the run: the files already pulled are not fetched again.
      await saveState(inbox, state);
    }
    log.info(
      `Kết quả: ${counts.pulled} tải về, ${counts.unchanged} không đổi, ${counts.skipped} bỏ qua, ${counts.refused} từ chối, ${counts.failed} lỗi.`,
    );
    return counts.refused > 0 || counts.failed > 0 ? 2 : 0;
  });
}

type NameChoice = { kind: 'write'; name: string; suffixed: boolean } | { kind: 'adopted'; name: string };

/**
 * The local name for a Drive file. A name is usable when no other Drive file holds it and either no
 * local file has it or that file is this Drive file's earlier copy. A local file with the same content
 * (by md5) is adopted instead of downloaded again; any other clash gets part of the Drive id appended.
 */
async function chooseName(inbox: string, file: DriveFile, wanted: string, names: NameBook): Promise<NameChoice> {
  const candidates = [wanted, withIdSuffix(wanted, file.id.slice(0, 8)), withIdSuffix(wanted, file.id)];
  for (const [i, name] of candidates.entries()) {
    if (!names.freeFor(name, file.id)) continue;
    const full = path.join(inbox, name);
    if (!(await exists(full))) return { kind: 'write', name, suffixed: i > 0 };
    if (names.ownedBy(name, file.id)) return { kind: 'write', name, suffixed: i > 0 };
    if (file.md5Checksum && (await md5Of(full)) === file.md5Checksum) return { kind: 'adopted', name };
  }
  throw new GoogleSyncError(
    `Không đặt được tên cho "${file.name ?? file.id}" trong inbox: các tên ${candidates.map((c) => `"${c}"`).join(', ')} đều đã có tệp khác.`,
  );
}

/**
 * One try of a download into temp. A download that stops sending (before the headers or in the middle)
 * is cut after stallMs of silence and tried again, like a dropped connection.
 */
async function tryDownload(
  drive: drive_v3.Drive,
  file: DriveFile,
  kind: 'download' | 'export',
  temp: string,
  stallMs: number,
  onStall: () => void,
): Promise<Streamed> {
  await rm(temp, { force: true });
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let body: Readable | undefined;
  let stalled = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      onStall();
      controller.abort();
      body?.destroy(stallError());
    }, stallMs);
  };
  arm();
  try {
    const options = { responseType: 'stream' as const, signal: controller.signal };
    const response =
      kind === 'export'
        ? await drive.files.export({ fileId: file.id, mimeType: XLSX_MIME }, options)
        : await drive.files.get({ fileId: file.id, alt: 'media', supportsAllDrives: true }, options);
    body = response.data as unknown as Readable;
    arm();
    return await streamTo(temp, body, arm);
  } catch (err) {
    throw stalled ? stallError() : err;
  } finally {
    clearTimeout(timer);
  }
}

/** Downloads (or exports) one file into a temporary file, stamps its Drive time, then renames it into place. */
async function download(
  drive: drive_v3.Drive,
  file: DriveFile,
  kind: 'download' | 'export',
  inbox: string,
  name: string,
  target: Target,
  retry: RetryOptions,
  log: Logger,
): Promise<Streamed> {
  const temp = path.join(inbox, `.${name}.${randomBytes(4).toString('hex')}.part`);
  const budget = retry.stallBudgetMs ?? DEFAULT_STALL_BUDGET_MS;
  let silent = 0;
  let tries = 0;
  let stalled = false;
  const givenUp = () =>
    new GoogleSyncError(
      `Tải "${file.name ?? file.id}" bị treo: Drive không gửi dữ liệu, đã chờ tổng cộng ${Math.round(silent / 1000)} giây qua ${tries} lần thử. Bỏ qua tệp này để tải các tệp khác; chạy lại lệnh pull sau để tải nó.`,
    );
  try {
    const result = await callGoogle(
      target,
      async () => {
        // Each try may be silent for stallMs, all of them together for the budget: then the file waits for the next pull.
        const stallMs = Math.min(retry.stallMs ?? DEFAULT_STALL_MS, budget - silent);
        if (stallMs <= 0) throw givenUp();
        tries++;
        stalled = false;
        return tryDownload(drive, file, kind, temp, stallMs, () => {
          stalled = true;
          silent += stallMs;
        });
      },
      retry,
      log,
    ).catch((err: unknown) => {
      // Drive kept not answering for this one file: report it and let the others be pulled.
      if (stalled) throw givenUp();
      throw err;
    });
    if (result.kind === 'oversize') return result;
    const modified = new Date(file.modifiedTime ?? Date.now());
    await utimes(temp, modified, modified);
    await rename(temp, path.join(inbox, name));
    return result;
  } finally {
    await rm(temp, { force: true });
  }
}
