// Several runs started together while a stale lock (its process gone) is present: exactly one takes it
// over and writes; the others wait their turn.
import { spawn, spawnSync as spawnProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { exited, tmpDir } from './inbox.js';

/** The pid of a process that has just ended: a lock holding it is stale. */
const deadPid = (): number => spawnProcess(process.execPath, ['-e', '']).pid!;

describe('taking over a stale lock', () => {
  it('lets exactly one of three runs write at a time, over 20 trials', async () => {
    const dir = tmpDir('lock-race');
    const target = path.join(dir, 'master.xlsx');
    const log = path.join(dir, 'log.txt');
    const trials = 20;
    const children = [0, 1, 2].map(() =>
      spawn(process.execPath, ['--import', 'tsx', 'tests/sync/lock-child.ts', target, log, dir, String(trials)], {
        stdio: 'inherit',
      }),
    );
    const stop = () => children.forEach((c) => c.exitCode === null && c.kill());
    onTestFinished(stop);
    for (let t = 0; t < trials; t++) {
      await fs.writeFile(`${target}.lock`, JSON.stringify({ pid: deadPid(), startedAt: new Date().toISOString() }));
      await fs.writeFile(path.join(dir, `go-${t}`), '');
      for (;;) {
        const done = (await fs.readdir(dir)).filter((f) => f.startsWith(`done-${t}-`));
        if (done.length === 3) break;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    expect(await Promise.all(children.map(exited))).toEqual([0, 0, 0]);

    const lines = (await fs.readFile(log, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(trials * 3 * 2);
    // Strictly enter, leave, enter, leave…: never two writers at once.
    lines.forEach((line, i) => {
      const [kind, , pid] = line.split(' ');
      expect(kind, `line ${i + 1}: ${line}`).toBe(i % 2 === 0 ? 'enter' : 'leave');
      if (kind === 'leave') expect(lines[i - 1]!.split(' ')[2]).toBe(pid);
    });
    expect((await fs.readdir(dir)).filter((f) => f.includes('.lock'))).toEqual([]);
  }, 120_000);
});
