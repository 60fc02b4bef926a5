// The whole chain on the 2026 example plan (109 units) from its plan workbook: campaign folder (templates,
// checker page) → unit files → campaign run (merge, feedback, documents); the checker page's own worker
// takes a 2026 template with the add-in's bundled plans unchanged (2021 only), from the plan it carries.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checker, noPause, type FromWorker } from '../../addin/checker/work.js';
import { main as campaign } from '../../campaign/cli.js';
import { WORKBOOK_2026 } from '../../dev/plans/make-2026.js';
import { writeUnitFile } from '../../dev/sample/inbox.js';
import { BUNDLED_PLANS } from '../../engine/plans/index.js';
import type { Plan } from '../../engine/index.js';
import { loadPlan } from '../../node/plan-file.js';
import { runPush } from '../../sync/google/push.js';
import { MASTER_SHEETS } from '../../sync/master/layout.js';
import { KEY_CHART_TITLE, MAX_UNIT_ROWS } from '../../sync/master/stats.js';
import { closeHarness, openHarness } from '../google/harness.js';
import { tmpDir } from '../sync/inbox.js';

const quiet = async (argv: string[]) => {
  const { log, error } = console;
  const lines: string[] = [];
  console.log = console.error = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    return { code: await campaign(argv), out: lines.join('\n') };
  } finally {
    Object.assign(console, { log, error });
  }
};

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
};

describe('a 2026 campaign of 109 units from its plan workbook', () => {
  const dir = path.join(tmpDir('chain-2026'), 'dot-2026');
  let plan: Plan;
  let sent: string[];

  beforeAll(async () => {
    plan = await loadPlan(WORKBOOK_2026);
    expect((await quiet(['new', dir, '--plan', WORKBOOK_2026])).code).toBe(0);
    // A unit in nine sends its file, a few days before the deadline.
    sent = plan.units.filter((_, i) => i % 9 === 0).map((u) => u.code);
    for (const code of sent)
      await writeUnitFile(plan, path.join(dir, 'hop-thu'), {
        unit: code,
        file: `${code}.xlsx`,
        receivedAt: new Date(`${plan.deadline}T08:00:00+07:00`),
        collectives: 1,
        individuals: 2,
        info: {
          meetingDate: new Date(`${plan.campaign.start}T00:00:00Z`),
          letterDate: new Date(`${plan.deadline}T00:00:00Z`),
          sentDate: new Date(`${plan.deadline}T00:00:00Z`),
        },
      });
  }, 300_000);

  it('sends a template to every unit', async () => {
    const templates = await fs.readdir(path.join(dir, 'gui-don-vi/so-mau'));
    expect(templates).toHaveLength(plan.units.length);
    expect(plan.units.length).toBeGreaterThan(100);
  });

  it('merges, gives feedback and writes the documents; Thống kê stays one page by summarising per group', async () => {
    const run = await quiet(['run', dir]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain(`Tổng: ${sent.length}/${plan.units.length} đơn vị đã gửi`);
    const results = path.join(dir, 'ket-qua');
    expect((await fs.readdir(path.join(results, 'phan-hoi'))).filter((f) => f.endsWith('.xlsx')).sort()).toEqual(
      sent.map((c) => `${c}.xlsx`).sort(),
    );
    expect(await fs.readdir(path.join(results, 'van-ban'))).toContain('quyet-dinh-GK_SCT.docx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(results, 'tong-hop.xlsx'));
    const byUnit = rowsOf(wb.getWorksheet('Theo đơn vị')!).map((r) => String(r[0] ?? ''));
    for (const u of plan.units) expect(byUnit).toContain(u.code);
    const stats = rowsOf(wb.getWorksheet('Thống kê')!).map((r) => String(r[0] ?? ''));
    expect(plan.units.length).toBeGreaterThan(MAX_UNIT_ROWS);
    expect(stats).toContain('Phòng, đơn vị thuộc Sở (8 đơn vị)');
    expect(stats.some((s) => /^Phòng Kinh tế, Phòng Kinh tế, Hạ tầng và Đô thị cấp xã \(101 đơn vị\)$/.test(s))).toBe(
      true,
    );
    expect(stats).not.toContain(plan.units[20]!.name);
  }, 300_000);

  it('publishes the 109-unit master to the Google Sheet: every unit in Theo đơn vị, Thống kê with its chart', async () => {
    const h = await openHarness();
    try {
      h.fake.addSpreadsheet('dot-2026', [{ title: 'Trang tính1' }]);
      const master = path.join(dir, 'ket-qua', 'tong-hop.xlsx');
      expect(await runPush({ sheet: 'dot-2026', master, plan }, h.deps), h.log.text).toBe(0);
      const byUnit = h.fake.tab('dot-2026', MASTER_SHEETS.units)!.values.map((r) => String(r[0] ?? ''));
      for (const u of plan.units) expect(byUnit).toContain(u.code);
      expect(h.fake.tab('dot-2026', MASTER_SHEETS.stats)!.values.length).toBeGreaterThan(10);
      expect(h.log.text).toContain(`Vẽ biểu đồ "${KEY_CHART_TITLE}"`);
    } finally {
      await closeHarness(h);
    }
  }, 300_000);

  it("checks a 2026 template in the checker page's worker with the plan it carries, no rebuild", async () => {
    expect(BUNDLED_PLANS.map((p) => p.id)).not.toContain(plan.id);
    const file = path.join(dir, 'hop-thu', `${sent[1]}.xlsx`);
    const data = await fs.readFile(file);
    const replies: FromWorker[] = [];
    const onMessage = checker(BUNDLED_PLANS, (m) => replies.push(m), noPause);
    await onMessage({ kind: 'check', name: path.basename(file), bytes: new Uint8Array(data).buffer });
    const done = replies.find((r) => r.kind === 'checked');
    expect(done && done.kind === 'checked' && done.plan.id).toBe(plan.id);
    expect(done && done.kind === 'checked' && done.view.accepted).toBe(true);
    expect(done && done.kind === 'checked' && done.view.nominations).toBe(3);
  });
});
