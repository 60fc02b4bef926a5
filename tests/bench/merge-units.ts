// The merge over many units: the 2026 example plan's 109 units (8 departments, 101 communes) × 50 rows each,
// against the same floor as the big merge (exceljs loading every input and streaming every row once); then
// with the feedback folder (one marked workbook per unit), which the floor does not include.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSON_2026 } from '../../dev/plans/make-2026.js';
import { writeUnitFile } from '../../dev/sample/inbox.js';
import { loadPlan } from '../../node/plan-file.js';

const INDIVIDUALS = 45;
const COLLECTIVES = 5;
// Bump when the generator changes so a cached inbox is rebuilt.
const INBOX = path.join(os.tmpdir(), `bench-units-inbox-v1-${INDIVIDUALS}-${COLLECTIVES}`);

async function ensureInbox(log: (line: string) => void): Promise<number> {
  const plan = await loadPlan(JSON_2026);
  if (existsSync(path.join(INBOX, '.complete'))) return plan.units.length;
  log(`Generating the many-units bench inbox in ${INBOX} (once; cached) …`);
  await fs.rm(INBOX, { recursive: true, force: true });
  await fs.mkdir(INBOX, { recursive: true });
  for (const [i, u] of plan.units.entries())
    await writeUnitFile(plan, INBOX, {
      unit: u.code,
      file: `${u.code}.xlsx`,
      receivedAt: new Date(`${plan.deadline}T10:00:00+07:00`),
      collectives: COLLECTIVES,
      individuals: INDIVIDUALS,
      mistakes: 0.1,
      seed: i + 1,
      info: {
        letterDate: new Date(`${plan.deadline}T00:00:00Z`),
        meetingDate: new Date(`${plan.campaign.start}T00:00:00Z`),
      },
    });
  await fs.writeFile(path.join(INBOX, '.complete'), '');
  return plan.units.length;
}

function measure(mode: 'floor' | 'merge', out: string, env: NodeJS.ProcessEnv = {}): { ms: number; maxRssMB: number } {
  const args = ['--import', 'tsx', 'tests/bench/merge-child.ts', mode, INBOX, out];
  const stdout = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, BENCH_PLAN: JSON_2026, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

export async function runUnitsBench(log: (line: string) => void = console.log): Promise<string[]> {
  const units = await ensureInbox(log);
  const out = mkdtempSync(path.join(os.tmpdir(), 'bench-units-out-'));
  const floor = measure('floor', path.join(out, 'floor.xlsx'));
  const merge = measure('merge', path.join(out, 'master.xlsx'));
  const withFeedback = measure('merge', path.join(out, 'master-fb.xlsx'), {
    BENCH_FEEDBACK: path.join(out, 'phan-hoi'),
  });
  await fs.rm(out, { recursive: true, force: true });
  const s = (r: { ms: number }) => `${(r.ms / 1000).toFixed(1)} s`;
  const t = merge.ms / floor.ms;
  return [
    `Many units: ${units} units × ${INDIVIDUALS + COLLECTIVES} rows (${(units * (INDIVIDUALS + COLLECTIVES)).toLocaleString('en')} nominations, 2026 example plan)`,
    `Floor ${s(floor)} (peak RSS ${floor.maxRssMB.toFixed(0)} MB); merge ${s(merge)} (peak RSS ${merge.maxRssMB.toFixed(0)} MB); ratio ${t.toFixed(2)}× (goal ≤ 2: ${t <= 2 ? 'met' : 'NOT met'})`,
    `Merge with the feedback folder (${units} marked workbooks): ${s(withFeedback)} (peak RSS ${withFeedback.maxRssMB.toFixed(0)} MB)`,
  ];
}
