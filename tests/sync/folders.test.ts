// Folders that must not mix (SPEC §8): the merge's outputs never land in the inbox, never replace a file
// the merge did not write itself, and missing output folders are made. A refusal writes nothing.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSync, tmpDir, unit, writeInbox } from './inbox.js';

/** Every file of a folder with its bytes and modification time. */
async function snapshot(dir: string): Promise<Record<string, { bytes: string; mtimeMs: number }>> {
  const out: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file);
    out[name] = { bytes: (await fs.readFile(file)).toString('base64'), mtimeMs: stat.mtimeMs };
  }
  return out;
}

const root = tmpDir('folders');
const inbox = path.join(root, 'inbox');
beforeAll(() => writeInbox(inbox, [unit('H-BATO'), unit('SCT-VP')]), 60_000);

describe('outputs inside the inbox are refused before anything is written', () => {
  it("--feedback = inbox: exit 1, a Vietnamese message, the units' files untouched (bytes and times)", async () => {
    const before = await snapshot(inbox);
    const out = path.join(root, 'a', 'master.xlsx');
    const run = await runSync(['merge', '--inbox', inbox, '--out', out, '--feedback', inbox]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`--feedback "${inbox}" là thư mục hồ sơ hoặc nằm trong thư mục hồ sơ "${inbox}"`);
    expect(await snapshot(inbox)).toEqual(before);
    await expect(fs.stat(path.join(root, 'a'))).rejects.toThrow();
  });

  it.each([
    ['--out', (dir: string) => ['--out', path.join(dir, 'master.xlsx')]],
    ['--report', (dir: string) => ['--out', path.join(root, 'b', 'master.xlsx'), '--report', path.join(dir, 'r.json')]],
    ['--feedback', (dir: string) => ['--out', path.join(root, 'c', 'master.xlsx'), '--feedback', path.join(dir, 'ph')]],
  ])('refuses %s inside the inbox, through a link too', async (option, args) => {
    const link = path.join(root, `link-${option.slice(2)}`);
    await fs.symlink(inbox, link);
    const before = await snapshot(inbox);
    for (const dir of [inbox, link]) {
      const run = await runSync(['merge', '--inbox', inbox, ...args(dir)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${option} "`);
      expect(run.stderr).toContain('nằm trong thư mục hồ sơ');
      expect(await snapshot(inbox)).toEqual(before);
    }
  });
});

describe('the feedback folder', () => {
  it("never replaces a file the merge did not write (a unit's own workbook), and replaces its own", async () => {
    const dir = tmpDir('folders-feedback');
    const feedback = path.join(dir, 'phan-hoi');
    const out = path.join(dir, 'master.xlsx');
    await fs.mkdir(feedback);
    const theirs = path.join(feedback, 'H-BATO.xlsx');
    await fs.copyFile(path.join(inbox, 'H-BATO.xlsx'), theirs);
    const before = await snapshot(feedback);
    const refused = await runSync(['merge', '--inbox', inbox, '--out', out, '--feedback', feedback]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`"H-BATO.xlsx"`);
    expect(refused.stderr).toContain('không do lệnh merge ghi ra');
    expect(await snapshot(feedback)).toEqual(before);
    await expect(fs.stat(out)).rejects.toThrow();

    await fs.rm(theirs);
    expect((await runSync(['merge', '--inbox', inbox, '--out', out, '--feedback', feedback])).code).toBe(0);
    // Its own workbooks are replaced on the next run.
    const again = await runSync(['merge', '--inbox', inbox, '--out', out, '--feedback', feedback]);
    expect(again.code).toBe(0);
    expect((await fs.readdir(feedback)).filter((f) => !f.startsWith('.')).sort()).toEqual([
      'H-BATO.xlsx',
      'SCT-VP.xlsx',
    ]);
  }, 120_000);
});

describe('missing output folders are made', () => {
  it('merge --out new-folder/master.xlsx --report other/new/r.json works', async () => {
    const dir = tmpDir('folders-new');
    const out = path.join(dir, 'moi', 'master.xlsx');
    const report = path.join(dir, 'bao-cao', 'lan-1', 'r.json');
    const run = await runSync(['merge', '--inbox', inbox, '--out', out, '--report', report]);
    expect(run.stderr).not.toContain('Không');
    expect(run.code).toBe(0);
    expect((await fs.stat(out)).isFile()).toBe(true);
    expect((await fs.stat(report)).isFile()).toBe(true);
  });
});
