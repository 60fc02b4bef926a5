// Builds inboxes for the merge tests and runs the real CLI.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { writeUnitFile, type UnitSample } from '../../dev/sample/inbox.js';
import { main } from '../../sync/cli.js';
import { runInProcess, type CliResult } from '../run-in-process.js';
import { installFaults, type Faults } from './fault-fs.js';

export type { CliResult };

export const PLAN = DEFAULT_PLAN;
export const TSX = path.resolve('node_modules/.bin/tsx');
export const tmpDir = (name: string) => mkdtempSync(path.join(os.tmpdir(), `${name}-`));
export const onTime = new Date('2021-04-10T10:00:00+07:00');

export function unit(code: string, more: Partial<UnitSample> = {}): UnitSample {
  return { unit: code, file: `${code}.xlsx`, receivedAt: onTime, collectives: 1, individuals: 3, mistakes: 0, ...more };
}

export async function writeInbox(dir: string, units: UnitSample[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const u of units) await writeUnitFile(PLAN, dir, u);
}

/** The sync CLI run in this process (see run-in-process.ts); child processes only where the process is the subject. */
export const runSync = (args: string[]): Promise<CliResult> => runInProcess(main, args);

/** A fresh folder whose inbox of `units` is merged into its master: where most master tests start. */
export async function mergedMaster(name: string, units: UnitSample[]) {
  const dir = tmpDir(name);
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  await writeInbox(inbox, units);
  const merged = await runSync(['merge', '--inbox', inbox, '--out', master]);
  expect(merged.code, merged.stderr).toBe(0);
  return { dir, inbox, master };
}

/** The sync CLI run in this process with the file system faults of fault-fs.ts switched on for the run. */
export async function runSyncWithFaults(args: string[], faults: Faults): Promise<CliResult> {
  const uninstall = await installFaults(faults);
  try {
    return await runSync(args);
  } finally {
    uninstall();
  }
}

const FAULT_PRELOAD = path.resolve('tests/sync/fault-fs-preload.ts');

/** The real CLI in a child process started with the faults of `env`: where the process itself is the subject. */
export function runChildWithFaults(args: string[], env: Faults): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--import', FAULT_PRELOAD, 'sync/cli.ts', ...args],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The CLI with faults (as runChildWithFaults) in a process the test does not wait for: its exit code and stderr. */
export function startWithFaults(args: string[], env: Faults): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', FAULT_PRELOAD, 'sync/cli.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  // 'close', not 'exit': by then all it wrote to stderr has been read.
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/** The CLI in one node process (no tsx wrapper process), so that killing it kills the merge. */
export function spawnSync(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'sync/cli.ts', ...args], { stdio: 'pipe' });
}

export const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code)),
  );

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet's rows as arrays of plain values (index 0 = column A). */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The master's Ghi chú không khớp as one {header → value} record per entry (none when the sheet is missing). */
export async function unmatchedOf(master: string): Promise<Record<string, unknown>[]> {
  const ws = (await openWorkbook(master)).getWorksheet('Ghi chú không khớp');
  const [header = [], ...rows] = ws ? rowsOf(ws) : [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

export async function readReport(file: string) {
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

/** Runs the real merge of an inbox into `out`/master.xlsx with `out`/report.json, and reads the report. */
export async function mergeWithReport(inbox: string, out: string) {
  const report = path.join(out, 'report.json');
  const run = await runSync(['merge', '--inbox', inbox, '--out', path.join(out, 'master.xlsx'), '--report', report]);
  return { run, report: await readReport(report) };
}
