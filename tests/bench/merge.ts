// Merge against the floor (exceljs loading every input and streaming every row once), in one run:
// 20 units × 2,750 rows (2,500 individuals and 250 collectives each, 55,000 nominations).
// Goal: merge wall time ≤ 2× the floor, peak memory ≤ 2× the floor's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PLAN as plan } from '../../engine/plans/index.js';
import { writeUnitFile } from '../../dev/sample/inbox.js';

const INDIVIDUALS = 2_500;
const COLLECTIVES = 250;
// Bump when the generator changes so a cached inbox is rebuilt.
const INBOX = path.join(os.tmpdir(), `bench-inbox-v1-${INDIVIDUALS}-${COLLECTIVES}`);

async function ensureInbox(log: (line: string) => void): Promise<void> {
  if (existsSync(path.join(INBOX, '.complete'))) return;
  log(`Generating the bench inbox in ${INBOX} (once; cached) …`);
  await fs.rm(INBOX, { recursive: true, force: true });
  await fs.mkdir(INBOX, { recursive: true });
  for (const [i, u] of plan.units.entries()) {
    await writeUnitFile(plan, INBOX, {
      unit: u.code,
      file: `${u.code}.xlsx`,
      receivedAt: new Date(`2021-04-${String(5 + (i % 10)).padStart(2, '0')}T10:00:00+07:00`),
      collectives: COLLECTIVES,
      individuals: INDIVIDUALS,
      mistakes: 0.1,
      seed: i + 1,
    });
  }
  await fs.writeFile(path.join(INBOX, '.complete'), '');
}

function measure(mode: 'floor' | 'merge', out: string): { ms: number; maxRssMB: number } {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/merge-child.ts', mode, INBOX, out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

export async function runMergeBench(log: (line: string) => void = console.log): Promise<string[]> {
  await ensureInbox(log);
  const out = mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
  // Interleaved, twice each, best of two: both sides see the same machine and the same noise.
  const runs = [0, 1].map((i) => ({
    floor: measure('floor', path.join(out, `floor-${i}.xlsx`)),
    merge: measure('merge', path.join(out, `master-${i}.xlsx`)),
  }));
  const best = (k: 'floor' | 'merge') => ({
    ms: Math.min(...runs.map((r) => r[k].ms)),
    maxRssMB: Math.min(...runs.map((r) => r[k].maxRssMB)),
  });
  const floor = best('floor');
  const merge = best('merge');
  await fs.rm(out, { recursive: true, force: true });
  const t = merge.ms / floor.ms;
  const m = merge.maxRssMB / floor.maxRssMB;
  return [
    `Merge inbox: 20 units × ${INDIVIDUALS + COLLECTIVES} rows (${(20 * (INDIVIDUALS + COLLECTIVES)).toLocaleString('en')} nominations)`,
    `Best of 2 interleaved runs each (all runs: floor ${runs.map((r) => (r.floor.ms / 1000).toFixed(1)).join(', ')} s; merge ${runs.map((r) => (r.merge.ms / 1000).toFixed(1)).join(', ')} s)`,
    `Floor (exceljs load + touch + stream out): ${(floor.ms / 1000).toFixed(1)} s, peak RSS ${floor.maxRssMB.toFixed(0)} MB`,
    `Merge (sync merge, master workbook):     ${(merge.ms / 1000).toFixed(1)} s, peak RSS ${merge.maxRssMB.toFixed(0)} MB`,
    `Ratios: time ${t.toFixed(2)}× (goal ≤ 2: ${t <= 2 ? 'met' : 'NOT met'}), memory ${m.toFixed(2)}× (goal ≤ 2: ${m <= 2 ? 'met' : 'NOT met'})`,
  ];
}
