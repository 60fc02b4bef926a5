// One inbox file in, a verdict out: refused by name, by container, by parser, or by the engine's
// template checks; or accepted with its nominations. Never throws for a bad file: a file that cannot be
// opened, or whose content trips a fault, is refused with the reason and the run goes on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  checkWorkbook,
  issueAt,
  makeIssue,
  matchKey,
  PLAN_SHEET,
  templateSheetNames,
  type Emitter,
  type Issue,
  type ParamsOf,
  type Plan,
  type WorkbookCheck,
} from '../../engine/index.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { errorText, readFailure } from '../../ooxml/grid-read.js';
import { guardWorkbook } from './zip-guard.js';

export interface Intake {
  file: string;
  /** The file's own time. */
  receivedAt: Date;
  /** The secretariat's received time for the file's unit, when it typed one: lateness follows it. */
  officeReceivedAt?: Date;
  /** File-level issues: the file is rejected when there is one. */
  fileIssues: Issue[];
  check?: WorkbookCheck;
}

/** The codes intake emits before the engine sees a grid (the catalog test holds them here). */
export const INTAKE = {
  name: 'intake',
  emits: ['FILE_UNSUPPORTED', 'FILE_TOO_LARGE', 'FILE_ENCRYPTED', 'FILE_UNREADABLE'],
} as const satisfies Emitter;

/** Lock files Excel leaves (~$…) and hidden files (.…) are not submissions. */
export const isIgnored = (name: string): boolean => name.startsWith('~$') || name.startsWith('.');

/** A file after the checks that need no parser: refused, or its bytes proven safe to parse. */
export interface Screened {
  intake: Intake;
  data?: Buffer;
}

/** Name, size and container checks: I/O and zlib work, which a merge overlaps with parsing the previous file. */
export async function screenFile(filePath: string): Promise<Screened> {
  const file = path.basename(filePath);
  // Without a modification time (the file could not be opened) the run's own time stands in.
  const intake: Intake = { file, receivedAt: new Date(), fileIssues: [] };
  const reject = (issue: Issue): Screened => ({ intake: { ...intake, fileIssues: [issue] } });
  let data: Buffer;
  try {
    const stat = await fs.stat(filePath);
    intake.receivedAt = stat.mtime;
    // Reading a FIFO would wait forever for a writer: it is refused unopened, never skipped silently.
    if (!stat.isFile()) return reject(makeIssue('FILE_UNREADABLE', { file }, { reason: 'notAFile' }));
    const ext = path.extname(file).toLowerCase();
    if (ext !== '.xlsx') {
      // Only .xlsx is read: .xls, .xlsm, .ods, .csv… each get told to save as .xlsx.
      return reject(makeIssue('FILE_UNSUPPORTED', { file }, { extension: ext }));
    }
    data = await fs.readFile(filePath);
  } catch (e) {
    // Gone between the listing and now, or no permission: this file is refused, the run goes on.
    return reject(makeIssue('FILE_UNREADABLE', { file }, openFailure(e)));
  }
  const guard = await guardWorkbook(data);
  if (!guard.ok) return reject(issueAt(guard, { file }));
  return { intake, data };
}

/** Parses a screened file and runs the engine on it; whatever goes wrong rejects this file only. `officeTime`
 *  gives the secretariat's received time of a unit: deadlines are then judged against it. */
export async function parseFile(
  plan: Plan,
  { intake, data }: Screened,
  officeTime: (unit: string) => Date | undefined = () => undefined,
): Promise<Intake> {
  if (!data) return intake;
  const { file, receivedAt } = intake;
  const reject = (issue: Issue): Intake => ({ ...intake, fileIssues: [issue] });
  // Only the template's sheets are read: a clerk's scratch sheets cost nothing, whatever they hold.
  // The plan sheet too: it tells a workbook made from an outdated template (PLAN_OUTDATED).
  const wanted = new Set([...templateSheetNames(plan), PLAN_SHEET].map(matchKey));
  let grid;
  try {
    grid = await readXlsxGrid(data, { wantSheet: (name) => wanted.has(matchKey(name)) });
  } catch (e) {
    return reject(readFailure(file, e));
  }
  try {
    let check = checkWorkbook(plan, grid, { file, receivedAt });
    const office = check.accepted && check.unit ? officeTime(check.unit.code) : undefined;
    if (!office || office.getTime() === receivedAt.getTime())
      return check.accepted ? { ...intake, check } : { ...intake, fileIssues: check.fileIssues, check };
    // The unit's received time was recorded by the secretariat: deadlines are judged against it.
    check = checkWorkbook(plan, grid, { file, receivedAt: office });
    return { ...intake, officeReceivedAt: office, check };
  } catch (e) {
    // A fault met on this file's content: the file is refused with the reason, the others still merge.
    return reject(makeIssue('FILE_UNREADABLE', { file }, { reason: 'fault', error: errorText(e) }));
  }
}

/** Why a file could not be opened, by the system's error code: each is told what to do about it. */
function openFailure(e: unknown): ParamsOf<'FILE_UNREADABLE'> {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'vanished' };
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'noAccess' };
  return { reason: 'cannotOpen', ...(code ? { error: code } : {}) };
}
