// Replacing an output file: the old file or the new one is always there whole, the previous version is
// kept as the backup when asked, and a failed write leaves the target and the folder as they were.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupPath, removeStaleTemps, stageAtomic, writeAtomic, writeFileAtomic } from '../../node/atomic.js';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'atomic-'));

describe('writing a file atomically', () => {
  it('replaces the target and keeps the previous version as the backup, leaving no temporary file', async () => {
    const dir = folder();
    const master = path.join(dir, 'master.xlsx');
    writeFileSync(master, 'bản cũ');
    await writeFileAtomic(master, 'bản mới', { backup: backupPath(master) });
    expect(readFileSync(master, 'utf8')).toBe('bản mới');
    expect(readFileSync(path.join(dir, 'master.bak.xlsx'), 'utf8')).toBe('bản cũ');
    expect(readdirSync(dir).sort()).toEqual(['master.bak.xlsx', 'master.xlsx']);
  });

  it('writes a first version without a backup when there was nothing to keep', async () => {
    const dir = folder();
    const report = path.join(dir, 'report.json');
    await writeFileAtomic(report, '{}', { backup: path.join(dir, 'report.bak.json') });
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('leaves the target and the folder untouched when the write fails, and says which file in Vietnamese', async () => {
    const dir = folder();
    const master = path.join(dir, 'master.xlsx');
    writeFileSync(master, 'bản cũ');
    const failing = writeAtomic(
      master,
      async (tmp) => {
        writeFileSync(tmp, 'một nửa');
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      { what: 'sổ tổng hợp' },
    );
    await expect(failing).rejects.toThrow(/ghi được sổ tổng hợp.*đã đầy/);
    expect(readFileSync(master, 'utf8')).toBe('bản cũ');
    expect(readdirSync(dir)).toEqual(['master.xlsx']);
  });

  it('changes nothing visible until commit, and nothing at all when aborted', async () => {
    const dir = folder();
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    writeFileSync(a, 'a cũ');
    const stagedA = await stageAtomic(a, async (tmp) => writeFileSync(tmp, 'a mới'));
    const stagedB = await stageAtomic(b, async (tmp) => writeFileSync(tmp, 'b mới'));
    expect(readFileSync(a, 'utf8')).toBe('a cũ');
    expect(existsSync(b)).toBe(false);
    await stagedA.commit();
    await stagedB.abort();
    expect(readFileSync(a, 'utf8')).toBe('a mới');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('gives the backup of a read-only master back the right to be saved', async () => {
    const dir = folder();
    const master = path.join(dir, 'master.xlsx');
    writeFileSync(master, 'bản cũ');
    chmodSync(master, 0o444);
    await writeFileAtomic(master, 'bản mới', { backup: backupPath(master) });
    expect(statSync(backupPath(master)).mode & 0o200).toBe(0o200);
    expect(readFileSync(backupPath(master), 'utf8')).toBe('bản cũ');
  });
});

describe('temporary files a killed run left behind', () => {
  it('are removed for that target only: other files and other targets’ temporaries stay', async () => {
    const dir = folder();
    const master = path.join(dir, 'master.xlsx');
    for (const name of ['master.xlsx', '.master.xlsx.123.1.0.tmp', '.report.json.123.1.0.tmp', 'ghi-chu.tmp'])
      writeFileSync(path.join(dir, name), '');
    await removeStaleTemps(master);
    expect(readdirSync(dir).sort()).toEqual(['.report.json.123.1.0.tmp', 'ghi-chu.tmp', 'master.xlsx']);
  });
});

describe('the backup name', () => {
  it('keeps .xlsx last so the backup still opens in Excel', () => {
    expect(backupPath('/x/master.xlsx')).toBe('/x/master.bak.xlsx');
    expect(backupPath('/x/MASTER.XLSX')).toBe('/x/MASTER.bak.xlsx');
    expect(backupPath('/x/tong-hop')).toBe('/x/tong-hop.bak.xlsx');
  });
});
