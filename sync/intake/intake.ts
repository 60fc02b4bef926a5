// One inbox file in, a verdict out: refused by name, by container, by parser, or by the engine's
// template checks; or accepted with its nominations. Never throws for a bad file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  checkWorkbook,
  issueAt,
  makeIssue,
  type Emitter,
  type Issue,
  type Plan,
  type WorkbookCheck,
} from '../../engine/index.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { guardWorkbook } from './zip-guard.js';

export interface Intake {
  file: string;
  receivedAt: Date;
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
  const stat = await fs.stat(filePath);
  const intake: Intake = { file, receivedAt: stat.mtime, fileIssues: [] };
  const reject = (issue: Issue): Screened => ({ intake: { ...intake, fileIssues: [issue] } });

  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx') {
    // Only .xlsx is read: .xls, .xlsm, .ods, .csv… each get told to save as .xlsx.
    return reject(makeIssue('FILE_UNSUPPORTED', { file }, { extension: ext }));
  }
  const data = await fs.readFile(filePath);
  const guard = await guardWorkbook(data);
  if (!guard.ok) return reject(issueAt(guard, { file }));
  return { intake, data };
}

/** Parses a screened file and runs the engine on it. */
export async function parseFile(plan: Plan, { intake, data }: Screened): Promise<Intake> {
  if (!data) return intake;
  const { file, receivedAt } = intake;
  let grid;
  try {
    grid = await readXlsxGrid(data);
  } catch {
    return {
      ...intake,
      fileIssues: [makeIssue('FILE_UNREADABLE', { file }, { reason: 'parser' })],
    };
  }
  const check = checkWorkbook(plan, grid, { file, receivedAt });
  return check.accepted ? { ...intake, check } : { ...intake, fileIssues: check.fileIssues, check };
}
