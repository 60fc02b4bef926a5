// One Vietnamese voice for every failure: no library or system text reaches the screen; what the user
// reads says what happened and what to do, and the technical details go to a log file it names.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../node/voice.js';
import { runSync, runSyncWithFaults, tmpDir, mergedMaster, unit, writeInbox } from './inbox.js';

describe('damaged inputs', () => {
  it.each([
    ['cut in half', (b: Buffer) => b.subarray(0, b.length >> 1)],
    [
      'bytes flipped in every part',
      (b: Buffer) => Buffer.from(b.map((x, i) => (i > 200 && i % 97 === 0 ? x ^ 0xff : x))),
    ],
  ])(
    'a master %s: Vietnamese, kept as it is, details in the log',
    async (_, damage) => {
      const { dir, inbox, master } = await mergedMaster('voice-master', [unit('H-BATO')]);
      const broken = damage(await fs.readFile(master));
      await fs.writeFile(master, broken);
      for (const args of [
        ['merge', '--inbox', inbox, '--out', master],
        ['documents', '--master', master, '--out', path.join(dir, 'van-ban')],
      ]) {
        const r = await runSync(args);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`"${master}"`);
        expect(r.stderr).not.toMatch(ENGLISH);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      expect(await fs.readFile(master)).toEqual(broken);
    },
    120_000,
  );

  it('a plan with wrong types: the problems in Vietnamese, not zod English', async () => {
    const dir = tmpDir('voice-plan');
    const plan = path.join(dir, 'ke-hoach.json');
    await fs.writeFile(plan, JSON.stringify({ id: 5, units: 'tất cả' }));
    const inbox = path.join(dir, 'inbox');
    await fs.mkdir(inbox);
    const r = await runSync(['merge', '--inbox', inbox, '--out', path.join(dir, 'master.xlsx'), '--plan', plan]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Tệp kế hoạch "${plan}" không hợp lệ`);
    expect(r.stderr).toContain('thiếu (bắt buộc phải có)');
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('a master path that is a folder is explained as one', async () => {
    const dir = tmpDir('voice-folder');
    const master = path.join(dir, 'master.xlsx');
    await fs.mkdir(master);
    const r = await runSync(['documents', '--master', master, '--out', path.join(dir, 'van-ban')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`"${master}" là một thư mục`);
  });

  it('a FIFO named like a unit file is reported, not skipped', async () => {
    const dir = tmpDir('voice-fifo');
    const inbox = path.join(dir, 'inbox');
    await writeInbox(inbox, [unit('H-BATO')]);
    execFileSync('mkfifo', [path.join(inbox, 'SCT-VP.xlsx')]);
    const r = await runSync(['merge', '--inbox', inbox, '--out', path.join(dir, 'master.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('SCT-VP.xlsx');
    expect(r.stdout).toContain('không phải một tệp thường');
  });
});

describe('a read-only master', () => {
  it('is replaced, and its backup (copied where links are refused) can be written again', async () => {
    const { dir, inbox, master } = await mergedMaster('voice-readonly', [unit('H-BATO')]);
    await fs.chmod(master, 0o444);
    for (let i = 0; i < 2; i++) {
      const r = await runSyncWithFaults(['merge', '--inbox', inbox, '--out', master], { FAULT_NO_LINKS: '1' });
      expect(r.stderr).not.toContain('Không');
      expect(r.code).toBe(0);
      expect((await fs.stat(path.join(dir, 'master.bak.xlsx'))).mode & 0o200).toBe(0o200);
    }
  }, 120_000);
});

describe('terminal-safe names', () => {
  it('escapes control characters of inbox file names: no escape sequence, no fake line', async () => {
    const dir = tmpDir('voice-names');
    const inbox = path.join(dir, 'inbox');
    await writeInbox(inbox, [unit('H-BATO')]);
    const hostile = 'a\u001b]0;bi-chiem\u0007\u001b[2J\n  ✗ Tệp giả.xlsx';
    await fs.writeFile(path.join(inbox, hostile), 'không phải xlsx');
    const r = await runSync(['merge', '--inbox', inbox, '--out', path.join(dir, 'master.xlsx')]);
    expect(r.code).toBe(2);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(text).not.toMatch(/^\s*✗ Tệp giả/m);
    }
    expect(r.stdout).toContain('a\\x1b]0;bi-chiem\\x07\\x1b[2J\\n  ✗ Tệp giả.xlsx');
  });
});
