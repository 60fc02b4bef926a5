// One inbox file in, a verdict out: refused by name, by container, by parser, or by the engine's
// template checks; or accepted with its nominations. Never throws for a bad file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkWorkbook, makeIssue, type Issue, type Plan, type WorkbookCheck } from '../../engine/index.js';
import { readXlsxGrid } from '../xlsx-grid.js';
import { guardWorkbook } from './zip-guard.js';

export interface Intake {
  file: string;
  receivedAt: Date;
  /** File-level issues: the file is rejected when there is one. */
  fileIssues: Issue[];
  check?: WorkbookCheck;
}

/** Lock files Excel leaves (~$…) and hidden files (.…) are not submissions. */
export const isIgnored = (name: string): boolean => name.startsWith('~$') || name.startsWith('.');

export async function intakeFile(plan: Plan, filePath: string): Promise<Intake> {
  const file = path.basename(filePath);
  const stat = await fs.stat(filePath);
  const intake: Intake = { file, receivedAt: stat.mtime, fileIssues: [] };
  const reject = (issue: Issue) => ({ ...intake, fileIssues: [issue] });

  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx') {
    // Only .xlsx is read: .xls, .xlsm, .ods, .csv… each get told to save as .xlsx.
    return reject(makeIssue('FILE_UNSUPPORTED', { file }, { value: ext || '(không có phần mở rộng)' }));
  }
  const data = await fs.readFile(filePath);
  const guard = await guardWorkbook(data);
  if (!guard.ok) return reject(makeIssue(guard.code, { file }, { detail: guard.detail, limit: guard.limit }));

  let grid;
  try {
    grid = await readXlsxGrid(data);
  } catch (e) {
    return reject(makeIssue('FILE_UNREADABLE', { file }, { detail: 'Excel không mở được nội dung' }));
  }
  const check = checkWorkbook(plan, grid, { file, receivedAt: stat.mtime });
  if (!check.accepted) return { ...intake, fileIssues: check.fileIssues, check };
  return { ...intake, check };
}
