// A crash mid-write leaves the previous master whole; two merges on one master never interleave.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MASTER_SHEETS } from '../../sync/master/layout.js';
import { exited, openWorkbook, PLAN, rowsOf, runSync, spawnSync, tmpDir, unit, writeInbox } from './inbox.js';

const dir = tmpDir('crash');
const small = path.join(dir, 'small');
// Big enough that a merge takes seconds: a kill can land before or after the master's rename, and the
// first of two merges still holds the lock when the second (run in this process, started in milliseconds)
// asks for it.
const big = path.join(dir, 'big');
const BIG_ROWS = 10 * 420;

beforeAll(async () => {
  await writeInbox(small, [unit('H-BATO')]);
  await writeInbox(
    big,
    PLAN.units.slice(0, 10).map((u) => unit(u.code, { individuals: 400, collectives: 20, mistakes: 0.2 })),
  );
}, 240_000);

async function freshMaster(name: string): Promise<{ master: string; before: Buffer }> {
  const master = path.join(dir, name);
  expect((await runSync(['merge', '--inbox', small, '--out', master])).code).toBe(0);
  return { master, before: await fs.readFile(master) };
}

describe('a merge killed while it works', () => {
  it('leaves the previous master byte for byte, whenever it is killed', async () => {
    const { master, before } = await freshMaster('crash.xlsx');
    let untouched = 0;
    for (const delay of [400, 1200, 2500, 4000]) {
      const child = spawnSync(['merge', '--inbox', big, '--out', master]);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited(child);
      // Either the old master, untouched, or — killed after the rename — the whole new one; never a mix.
      const now = await fs.readFile(master);
      const tally = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.tally)!);
      if (Buffer.compare(now, before) === 0) {
        untouched++;
        expect(tally).toHaveLength(5);
      } else expect(tally).toHaveLength(1 + BIG_ROWS);
    }
    expect(untouched, 'kills that hit before the rename').toBeGreaterThan(0);
    // Killed runs leave a lock behind; the next merge sees its owner is gone and goes ahead.
    const next = await runSync(['merge', '--inbox', big, '--out', master]);
    expect(next.code).toBe(0);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
    expect(rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.tally)!)).toHaveLength(1 + BIG_ROWS);
    // The previous master is kept as a backup, whole.
    expect(
      rowsOf((await openWorkbook(path.join(dir, 'crash.bak.xlsx'))).getWorksheet(MASTER_SHEETS.tally)!).length,
    ).toBeGreaterThan(1);
  }, 120_000);
});

/** Waits until the merge started in a child process holds the master's lock (its start-up takes seconds on a busy machine). */
async function untilLocked(master: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (
    !(await fs.stat(`${master}.lock`).then(
      () => true,
      () => false,
    )) &&
    Date.now() < deadline
  )
    await new Promise((r) => setTimeout(r, 50));
}

describe('two merges on one master', () => {
  it('stops the second with a clear message while the first runs, and the first finishes whole', async () => {
    const { master } = await freshMaster('busy.xlsx');
    const first = spawnSync(['merge', '--inbox', big, '--out', master]);
    // Wait until the first holds the lock.
    await untilLocked(master);
    const second = await runSync(['merge', '--inbox', small, '--out', master]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('đang được một lệnh tổng hợp khác ghi');
    expect(await exited(first)).toBe(0);
    const wb = await openWorkbook(master);
    expect(rowsOf(wb.getWorksheet(MASTER_SHEETS.tally)!).length).toBe(1 + BIG_ROWS);
  }, 120_000);

  it('lets the second wait its turn with --wait', async () => {
    const { master } = await freshMaster('queue.xlsx');
    const first = spawnSync(['merge', '--inbox', big, '--out', master]);
    await untilLocked(master);
    const second = await runSync(['merge', '--inbox', small, '--out', master, '--wait', '120']);
    expect(await exited(first)).toBe(0);
    expect(second.code).toBe(0);
    // The second ran after the first: its small inbox is what the master now holds.
    const wb = await openWorkbook(master);
    expect(rowsOf(wb.getWorksheet(MASTER_SHEETS.tally)!)).toHaveLength(5);
  }, 120_000);
});
