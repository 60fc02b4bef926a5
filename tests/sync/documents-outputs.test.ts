// Where `sync documents` writes, and when it must not: the papers appear all together or not at all (a
// full disk leaves the earlier set whole and nothing half-written beside it), never while a merge is
// rewriting the master, and never inside the units' inbox.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../node/lock.js';
import { runChildWithFaults, runSync, runSyncWithFaults, startWithFaults, tmpDir, unit, writeInbox } from './inbox.js';

const ENGLISH = /no space|permission denied|simulated/;

const source = tmpDir('documents-outputs');
const inbox = path.join(source, 'inbox');
const merged = path.join(source, 'master.xlsx');
beforeAll(async () => {
  await writeInbox(inbox, [unit('H-BATO'), unit('SCT-VP')]);
  expect((await runSync(['merge', '--inbox', inbox, '--out', merged])).code).toBe(0);
}, 120_000);

/** A folder holding a copy of the merged master. */
async function withMaster(name: string): Promise<{ dir: string; master: string }> {
  const dir = tmpDir(name);
  const master = path.join(dir, 'master.xlsx');
  await fs.copyFile(merged, master);
  return { dir, master };
}

/** Every file under `dir` with what tells one write from another: size, time, inode. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    const s = await fs.stat(file);
    out[path.relative(dir, file)] = `${s.size} ${s.mtimeMs} ${s.ino}`;
  }
  return out;
}

describe('sync documents on a full disk', () => {
  it('leaves no paper behind when the disk fills part-way, and says so in Vietnamese', async () => {
    const { dir, master } = await withMaster('documents-full');
    const out = path.join(dir, 'van-ban');
    // Room for some papers but not all of them (with --prefill there are a dozen).
    const run = await runSyncWithFaults(['documents', '--master', master, '--out', out, '--prefill'], {
      FAULT_DISK: `${dir}:40000`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('đã đầy');
    expect(run.stderr).toContain('chưa ghi tệp nào');
    expect(run.stderr).not.toMatch(ENGLISH);
    expect((await fs.readdir(dir)).sort()).toEqual(['master.xlsx']);
  }, 300_000);

  it('keeps the earlier set whole, file for file, when the next run cannot finish', async () => {
    const { dir, master } = await withMaster('documents-earlier');
    const out = path.join(dir, 'van-ban');
    expect((await runSync(['documents', '--master', master, '--out', out, '--prefill'])).code).toBe(0);
    const before = await snapshot(out);
    expect(Object.keys(before).length).toBeGreaterThan(4);
    const run = await runSyncWithFaults(['documents', '--master', master, '--out', out, '--prefill'], {
      FAULT_DISK: `${dir}:40000`,
    });
    expect(run.code).toBe(1);
    expect(await snapshot(out)).toEqual(before);
    expect((await fs.readdir(dir)).sort()).toEqual(['master.xlsx', 'van-ban']);
  }, 300_000);

  it('replaces the earlier set when it can, leaving no staging folder', async () => {
    const { dir, master } = await withMaster('documents-again');
    const out = path.join(dir, 'van-ban');
    expect((await runSync(['documents', '--master', master, '--out', out])).code).toBe(0);
    const before = await snapshot(out);
    const again = await runSync(['documents', '--master', master, '--out', out]);
    expect(again.code).toBe(0);
    const after = await snapshot(out);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(after)) expect(after[name]).not.toBe(before[name]);
    expect((await fs.readdir(dir)).sort()).toEqual(['master.xlsx', 'van-ban']);
  }, 300_000);
});

describe('sync documents and a running merge', () => {
  it('refuses while a merge holds the master, writing nothing', async () => {
    const { dir, master } = await withMaster('documents-locked');
    const out = path.join(dir, 'van-ban');
    // This test process plays the merge: a live process holding the master's lock.
    const lock = await acquireLock(master, 0);
    try {
      const run = await runChildWithFaults(['documents', '--master', master, '--out', out], {});
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Sổ tổng hợp "${master}" đang được ghi`);
      expect(run.stderr).toContain('chưa ghi tệp nào');
      expect(run.stderr).toContain('--wait');
    } finally {
      await lock.release();
    }
    expect((await fs.readdir(dir)).sort()).toEqual(['master.xlsx']);
  }, 120_000);

  it('holds the master from reading it until its papers are in: a merge started meanwhile refuses, or waits its turn', async () => {
    const { dir, master } = await withMaster('documents-holds');
    const out = path.join(dir, 'van-ban');
    const before = await fs.readFile(master);
    // The documents run stops just before it moves its papers in: it has read the master and not yet written.
    const pause = path.join(dir, 'paused');
    const documents = startWithFaults(['documents', '--master', master, '--out', out], { FAULT_PAUSE: pause });
    try {
      await until(() => fs.stat(pause).then(Boolean, () => false));
      const refused = await runSync(['merge', '--inbox', inbox, '--out', master]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`Sổ tổng hợp "${master}" đang được lệnh lập văn bản (documents) đọc`);
      expect(refused.stderr).toContain('--wait');
      const waiting = runSync(['merge', '--inbox', inbox, '--out', master, '--wait', '120']);
      await new Promise((r) => setTimeout(r, 1000));
      expect(Buffer.compare(await fs.readFile(master), before), 'the master while documents holds it').toBe(0);
      await fs.rm(pause);
      expect((await documents).code).toBe(0);
      expect((await waiting).code).toBe(0);
    } finally {
      // Never leave the documents run waiting.
      await fs.rm(pause, { force: true });
      await documents;
    }
    expect((await fs.readdir(dir)).sort()).toEqual(['master.bak.xlsx', 'master.xlsx', 'van-ban']);
  }, 180_000);

  it('still reads a master kept where it may not write (no merge can write there either)', async () => {
    const { dir, master } = await withMaster('documents-read-only');
    const out = path.join(tmpDir('documents-read-only-out'), 'van-ban');
    const run = await runSyncWithFaults(['documents', '--master', master, '--out', out], { FAULT_READ_ONLY: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await fs.readdir(out)).some((f) => f.endsWith('.docx'))).toBe(true);
    expect((await fs.readdir(dir)).sort()).toEqual(['master.xlsx']);
  }, 120_000);
});

/** Polls `ready` until it holds (a child process starts in seconds on a busy machine). */
async function until(ready: () => Promise<boolean>, seconds = 90): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`not ready after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('sync documents and the inbox', () => {
  it.each([
    ['is the inbox', (inboxDir: string) => inboxDir],
    ['lies inside the inbox', (inboxDir: string) => path.join(inboxDir, 'van-ban')],
  ])(
    'refuses an --out that %s, before anything is written',
    async (_, outIn) => {
      const { dir, master } = await withMaster('documents-inbox');
      const units = path.join(dir, 'hop-thu');
      await writeInbox(units, [unit('H-BATO')]);
      const before = await snapshot(units);
      const out = outIn(units);
      const run = await runSync(['documents', '--master', master, '--out', out, '--inbox', units]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`--out "${out}" là thư mục hồ sơ hoặc nằm trong thư mục hồ sơ "${units}"`);
      expect(await snapshot(units)).toEqual(before);
      expect((await fs.readdir(units)).sort()).toEqual(['H-BATO.xlsx']);
    },
    120_000,
  );
});

describe('sync documents and files it did not write', () => {
  /** The top-level papers a run into a fresh folder writes for this master. */
  async function paperNames(): Promise<string[]> {
    const { dir, master } = await withMaster('documents-names');
    const out = path.join(dir, 'van-ban');
    expect((await runSync(['documents', '--master', master, '--out', out])).code).toBe(0);
    return (await fs.readdir(out)).filter((f) => f.endsWith('.docx'));
  }

  /** Runs documents into `out` and expects a refusal naming `files`, with `out` left as it was. */
  async function expectRefused(master: string, out: string, files: string[]): Promise<void> {
    const before = await snapshot(out);
    const run = await runSync(['documents', '--master', master, '--out', out]);
    expect(run.code).toBe(1);
    for (const f of files) expect(run.stderr).toContain(`"${f}"`);
    expect(run.stderr).toContain('không do lệnh documents ghi ra');
    expect(run.stderr).toContain('chưa ghi tệp nào');
    expect(run.stderr).toContain('--out');
    expect(await snapshot(out)).toEqual(before);
    expect((await fs.readdir(path.dirname(out))).sort()).toEqual(['master.xlsx', 'van-ban']);
  }

  it("never replaces the secretariat's own copy of a paper in --out", async () => {
    const [paper] = await paperNames();
    const { dir, master } = await withMaster('documents-foreign');
    const out = path.join(dir, 'van-ban');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, paper!), 'bản đã ký của văn phòng');
    await expectRefused(master, out, [paper!]);
    expect(await fs.readFile(path.join(out, paper!), 'utf8')).toBe('bản đã ký của văn phòng');
  }, 300_000);

  it('never replaces a paper it wrote once it has been edited since', async () => {
    const { dir, master } = await withMaster('documents-edited');
    const out = path.join(dir, 'van-ban');
    expect((await runSync(['documents', '--master', master, '--out', out])).code).toBe(0);
    const paper = (await fs.readdir(out)).find((f) => f.endsWith('.docx'))!;
    await fs.appendFile(path.join(out, paper), 'sửa tay');
    await expectRefused(master, out, [paper]);
  }, 300_000);

  it("never removes the secretariat's own files inside a folder of unit papers", async () => {
    const { dir, master } = await withMaster('documents-notices');
    const out = path.join(dir, 'van-ban');
    expect((await runSync(['documents', '--master', master, '--out', out])).code).toBe(0);
    const own = path.join('thong-bao', 'ghi-chu-van-phong.txt');
    await fs.mkdir(path.join(out, 'thong-bao'), { recursive: true });
    await fs.writeFile(path.join(out, own), 'ghi chú');
    await expectRefused(master, out, [own]);
  }, 300_000);

  it('writes into a folder holding only unrelated files, and leaves them be', async () => {
    const { dir, master } = await withMaster('documents-unrelated');
    const out = path.join(dir, 'van-ban');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'ghi-chu.txt'), 'ghi chú');
    expect((await runSync(['documents', '--master', master, '--out', out])).code).toBe(0);
    expect((await runSync(['documents', '--master', master, '--out', out])).code).toBe(0);
    expect(await fs.readFile(path.join(out, 'ghi-chu.txt'), 'utf8')).toBe('ghi chú');
  }, 300_000);
});
