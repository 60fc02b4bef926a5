// One folder per campaign: `campaign new` lays out what is sent to the units and where their files arrive;
// `campaign run` merges, writes feedback and documents with the folder's defaults, and can run again.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFingerprint } from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { main as campaign } from '../../campaign/cli.js';
import { loadPlan } from '../../node/plan-file.js';
import { readReport, tmpDir, unit, writeInbox } from '../sync/inbox.js';

async function captured(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const { log, error } = console;
  console.log = console.error = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    return { code: await campaign(argv), out: lines.join('\n') };
  } finally {
    Object.assign(console, { log, error });
  }
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

describe('campaign folder', () => {
  const dir = path.join(tmpDir('campaign'), 'Dot thi dua 2021');
  const planFile = path.join(tmpDir('campaign-plan'), 'ke-hoach.json');

  beforeAll(async () => {
    await fs.writeFile(planFile, JSON.stringify(DEFAULT_PLAN));
    const made = await captured(['new', dir, '--plan', planFile]);
    expect(made.code, made.out).toBe(0);
  }, 120_000);

  it('holds the templates, the blank report forms, the checker page, an inbox, settings, a guide and a script', async () => {
    for (const u of DEFAULT_PLAN.units)
      expect(await exists(path.join(dir, 'gui-don-vi/so-mau', `${u.code}.xlsx`))).toBe(true);
    for (const f of ['bao-cao-thanh-tich-tap-the.docx', 'bao-cao-thanh-tich-ca-nhan.docx', 'kiem-tra.html'])
      expect(await exists(path.join(dir, 'gui-don-vi', f)), f).toBe(true);
    expect(await exists(path.join(dir, 'hop-thu'))).toBe(true);
    const settings = JSON.parse(await fs.readFile(path.join(dir, 'dot-thi-dua.json'), 'utf8'));
    expect(settings).toMatchObject({ plan: 'Ke-hoach.xlsx', includeLate: false, approvedOnly: false, prefill: true });
    // The folder's plan is the workbook, the same plan as the file it was made from.
    expect(planFingerprint(await loadPlan(path.join(dir, 'Ke-hoach.xlsx')))).toBe(planFingerprint(DEFAULT_PLAN));
    const guide = await fs.readFile(path.join(dir, 'HUONG-DAN.txt'), 'utf8');
    expect(guide).toContain('Hạn nộp hồ sơ: hết ngày 15/04/2021.');
    expect(guide).toContain('chép hồ sơ các đơn vị gửi về vào đây');
    const script = await fs.readFile(path.join(dir, 'chay-tong-hop.cmd'), 'utf8');
    expect(script).toMatch(/^@echo off\r\n/);
    expect(script).toContain('run campaign -- run "%~dp0."\r\n');
  });

  it('refuses to lay out a campaign over a folder that has content', async () => {
    const again = await captured(['new', dir, '--plan', planFile]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('đã có nội dung');
  });

  it('runs merge, feedback and documents with the folder defaults, and again with the same result', async () => {
    await writeInbox(path.join(dir, 'hop-thu'), [unit('H-BATO'), unit('SCT-VP')]);
    const first = await captured(['run', dir]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('Tổng: 2/20 đơn vị đã gửi');
    const results = path.join(dir, 'ket-qua');
    for (const f of [
      'tong-hop.xlsx',
      'bao-cao.json',
      'phan-hoi/H-BATO.xlsx',
      'phan-hoi/SCT-VP.xlsx',
      'van-ban/to-trinh-BK_BCT.docx',
    ])
      expect(await exists(path.join(results, f)), f).toBe(true);
    expect((await fs.readdir(path.join(results, 'van-ban/bao-cao-thanh-tich'))).sort()).toEqual(['H-BATO', 'SCT-VP']);
    const report = await readReport(path.join(results, 'bao-cao.json'));
    const second = await captured(['run', dir]);
    expect(second.code, second.out).toBe(0);
    const again = await readReport(path.join(results, 'bao-cao.json'));
    expect(again.nominations.map((n: { id: string }) => n.id)).toEqual(
      report.nominations.map((n: { id: string }) => n.id),
    );
    expect(await exists(path.join(results, 'tong-hop.bak.xlsx'))).toBe(true);
  }, 240_000);

  it('pulls from Google Drive first when the settings say so, and stops there when it cannot', async () => {
    const settingsFile = path.join(dir, 'dot-thi-dua.json');
    const settings = JSON.parse(await fs.readFile(settingsFile, 'utf8'));
    await fs.writeFile(
      settingsFile,
      JSON.stringify({ ...settings, google: { driveFolder: 'abc123', credentials: 'khong-co.json' } }),
    );
    const run = await captured(['run', dir]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('=== Tải hồ sơ từ Google Drive ===');
    expect(run.out).toContain('Bước "Tải hồ sơ từ Google Drive" không chạy được; các bước sau chưa chạy.');
    expect(run.out).not.toContain('=== Tổng hợp và phản hồi ===');
  });

  it('tells a folder that is not a campaign folder', async () => {
    const run = await captured(['run', tmpDir('not-campaign')]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('không phải thư mục đợt thi đua (không có dot-thi-dua.json)');
  });
});
