// Hostile files (whole-column validations, 50,000 merges, a cell at row 1,048,576, a 1 MB shared string
// used 400 times, an error in a date cell, an .xls renamed, a password, no sheet): each merged alone in a
// fresh process, then all in one inbox. Goal: every file decided in under 5 s and 300 MB peak RSS, and the
// batch ends with a verdict per file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PLAN as plan } from '../../engine/plans/index.js';
import { hostileFiles } from '../sync/hostile-files.js';

const SECONDS = 5;
const RSS_MB = 300;

function measure(inbox: string, out: string): { ms: number; maxRssMB: number } {
  const args = ['merge', inbox, path.join(out, 'master.xlsx'), path.join(out, 'report.json')];
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/merge-child.ts', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

export async function runHostileBench(): Promise<string[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-hostile-'));
  const files = await hostileFiles(plan);
  const lines = ['Hostile files, each merged alone in a fresh process (goal: < 5 s and < 300 MB peak RSS each):'];
  let allMet = true;
  const batch = path.join(root, 'batch');
  await fs.mkdir(batch);
  for (const [i, f] of files.entries()) {
    const inbox = path.join(root, `inbox-${i}`);
    await fs.mkdir(inbox);
    await fs.writeFile(path.join(inbox, f.name), f.data);
    await fs.writeFile(path.join(batch, f.name), f.data);
    const m = measure(inbox, root);
    const met = m.ms < SECONDS * 1000 && m.maxRssMB < RSS_MB;
    allMet &&= met;
    lines.push(
      `  ${f.what.padEnd(36)} ${(f.data.length / 1024).toFixed(0).padStart(5)} KB  ${(m.ms / 1000).toFixed(2)} s, ${m.maxRssMB.toFixed(0)} MB ${met ? 'met' : 'NOT met'}`,
    );
  }
  const whole = measure(batch, root);
  const report = JSON.parse(await fs.readFile(path.join(root, 'report.json'), 'utf8')) as { files: unknown[] };
  const verdicts = report.files.length === files.length;
  lines.push(
    `  All ${files.length} in one inbox: ${(whole.ms / 1000).toFixed(2)} s, ${whole.maxRssMB.toFixed(0)} MB; ${report.files.length} verdicts (${verdicts ? 'one per file' : 'NOT one per file'})`,
    `  Goal: ${allMet && verdicts ? 'met' : 'NOT met'}`,
  );
  await fs.rm(root, { recursive: true, force: true });
  return lines;
}
