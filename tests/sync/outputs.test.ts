// Faults around the merge's outputs: wrong paths, a damaged previous master, a full disk, odd locks, a USB
// drive without hard links. Each run stops with a Vietnamese message naming the path and leaves every
// file as it was — or, when it can go on, goes on.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../ooxml/zip.js';
import { runSync, runSyncWithFaults, tmpDir, unit, writeInbox } from './inbox.js';

const inbox = path.join(tmpDir('outputs-inbox'), 'inbox');
const merged = path.join(tmpDir('outputs-master'), 'master.xlsx');
beforeAll(async () => {
  await writeInbox(inbox, [unit('H-BATO'), unit('SCT-VP', { individuals: 20 })]);
  expect((await runSync(['merge', '--inbox', inbox, '--out', merged])).code).toBe(0);
}, 60_000);

/** A folder holding a copy of a master merged from the inbox; returns the master's path and bytes. */
async function withMaster(name: string): Promise<{ dir: string; master: string; before: Buffer }> {
  const dir = tmpDir(name);
  const master = path.join(dir, 'master.xlsx');
  await fs.copyFile(merged, master);
  return { dir, master, before: await fs.readFile(master) };
}

const listing = async (dir: string) => (await fs.readdir(dir)).sort();

/** Where the compressed bytes of one zip entry start, and how many there are. */
async function entryData(file: string, name: string): Promise<{ start: number; size: number }> {
  const data = await fs.readFile(file);
  const entry = readZip(data).find((e) => e.name === name)!;
  return { start: entry.raw.byteOffset - data.byteOffset, size: entry.raw.length };
}

describe('outputs are checked before anything is written', () => {
  it('refuses an --out that is a directory, with a message, writing nothing', async () => {
    const dir = tmpDir('out-dir');
    const out = path.join(dir, 'so.xlsx');
    await fs.mkdir(out);
    const run = await runSync(['merge', '--inbox', inbox, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Không ghi được sổ tổng hợp "${out}": đây là một thư mục`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await listing(dir)).toEqual(['so.xlsx']);
    expect(await fs.readdir(out)).toEqual([]);
  });

  it('refuses a --report that is a directory and leaves the previous master untouched', async () => {
    const { dir, master, before } = await withMaster('report-dir');
    const report = path.join(dir, 'bao-cao');
    await fs.mkdir(report);
    const run = await runSync(['merge', '--inbox', inbox, '--out', master, '--report', report]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Không ghi được báo cáo "${report}": đây là một thư mục`);
    expect(await fs.readFile(master)).toEqual(before);
    expect(await listing(dir)).toEqual(['bao-cao', 'master.xlsx']);
  });

  it('does not replace the master when the report cannot be written', async () => {
    const { dir, master, before } = await withMaster('report-full');
    const reportDir = tmpDir('report-disk');
    const report = path.join(reportDir, 'bao-cao.json');
    const run = await runSyncWithFaults(['merge', '--inbox', inbox, '--out', master, '--report', report], {
      FAULT_DISK: `${reportDir}:0`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Không ghi được báo cáo "${report}": ổ đĩa chứa "${reportDir}" đã đầy`);
    expect(await fs.readFile(master)).toEqual(before);
    expect(await listing(dir)).toEqual(['master.xlsx']);
    expect(await fs.readdir(reportDir)).toEqual([]);
  });
});

describe('a previous master that cannot be read', () => {
  it('stops with exit 1 and says the damaged master is kept (four bytes flipped in Tổng hợp)', async () => {
    const { dir, master } = await withMaster('flipped');
    const data = await fs.readFile(master);
    const { start, size } = await entryData(master, 'xl/worksheets/sheet1.xml');
    for (const at of [0.25, 0.5]) {
      const damaged = Buffer.from(data);
      const p = start + 60 + Math.floor(size * at);
      for (let i = 0; i < 4; i++) damaged[p + i]! ^= 0xff;
      await fs.writeFile(master, damaged);
      const run = await runSync(['merge', '--inbox', inbox, '--out', master]);
      expect(run.code).toBe(1);
      // The reason is the reader's own Vietnamese, with nothing of the zip library's English.
      expect(run.stderr).toContain(`Không đọc được sổ tổng hợp cũ "${master}" (tệp nén bị hỏng).`);
      expect(run.stderr).toContain('Sổ cũ được giữ nguyên');
      expect(await fs.readFile(master)).toEqual(damaged);
      expect(await listing(dir)).toEqual(['master.xlsx']);
    }
  }, 60_000);
});

describe('a full disk', () => {
  it('with no byte free: a Vietnamese message naming the folder, and no lock left to block the next run', async () => {
    const { dir, master, before } = await withMaster('disk-zero');
    // The listing shows no lock file left behind (in this process the next run would take over its own stale lock).
    const run = await runSyncWithFaults(['merge', '--inbox', inbox, '--out', master], { FAULT_DISK: `${dir}:0` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`ổ đĩa chứa "${dir}" đã đầy`);
    expect(run.stderr).not.toContain('no space left');
    expect(await listing(dir)).toEqual(['master.xlsx']);
    expect(await fs.readFile(master)).toEqual(before);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
  });

  it('full while the master is written: the previous master stays, no temporary file, no lock', async () => {
    const { dir, master, before } = await withMaster('disk-some');
    const run = await runSyncWithFaults(['merge', '--inbox', inbox, '--out', master], {
      FAULT_DISK: `${dir}:20000`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Không ghi được sổ tổng hợp "${master}": ổ đĩa chứa "${dir}" đã đầy`);
    expect(await fs.readFile(master)).toEqual(before);
    expect(await listing(dir)).toEqual(['master.xlsx']);
  });
});

describe('locks the run cannot account for', () => {
  it('names a damaged lock file and says how to remove it safely', async () => {
    const { dir, master, before } = await withMaster('lock-garbage');
    await fs.writeFile(`${master}.lock`, '{"pid": 12');
    const run = await runSync(['merge', '--inbox', inbox, '--out', master]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Không đọc được tệp khóa "${master}.lock"`);
    expect(run.stderr).toContain(`hãy xóa tệp khóa "${master}.lock" rồi chạy lại`);
    expect(await fs.readFile(master)).toEqual(before);
    expect(await listing(dir)).toEqual(['master.xlsx', 'master.xlsx.lock']);
  });

  it('does not mistake a live process that is not a merge (pid 1) for one, and says what to do', async () => {
    const { master } = await withMaster('lock-pid1');
    await fs.writeFile(`${master}.lock`, JSON.stringify({ pid: 1, startedAt: '2021-04-16T08:00:00.000Z' }));
    const run = await runSync(['merge', '--inbox', inbox, '--out', master, '--wait', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`đang bị khóa bởi tệp "${master}.lock" (tiến trình 1 đang chạy là`);
    expect(run.stderr).toContain('không phải một lệnh tổng hợp còn chạy trên máy này');
    expect(run.stderr).toContain(`hãy xóa tệp khóa "${master}.lock" rồi chạy lại`);
  });
});

describe('a master on a USB drive without hard links (exFAT, FAT)', () => {
  it('keeps the backup by copying, and flushes the folder after the rename', async () => {
    const { dir, master, before } = await withMaster('no-links');
    const trace = path.join(tmpDir('trace'), 'trace.txt');
    const run = await runSyncWithFaults(['merge', '--inbox', inbox, '--out', master], {
      FAULT_NO_LINKS: '1',
      FAULT_TRACE: trace,
    });
    expect(run.stderr).not.toContain('EPERM');
    expect(run.code).toBe(0);
    expect(await fs.readFile(path.join(dir, 'master.bak.xlsx'))).toEqual(before);
    expect(await listing(dir)).toEqual(['master.bak.xlsx', 'master.xlsx']);
    const lines = (await fs.readFile(trace, 'utf8')).trim().split('\n');
    const renamed = lines.findIndex((l) => l.startsWith('rename ') && l.endsWith(` ${master}`));
    expect(renamed).toBeGreaterThanOrEqual(0);
    expect(lines.slice(renamed + 1)).toContain(`fsync-dir ${dir}`);
  });
});
