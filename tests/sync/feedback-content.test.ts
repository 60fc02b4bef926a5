// What the Phản hồi sheet says to a unit, in its words: the verdict on top as the pane says it, each row's
// reason in one line, the resend line while the deadline is open, the plan by its number and date (by its date
// alone while its number is not typed in Văn bản), no software words.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../engine/index.js';
import { FEEDBACK_HEADERS, FEEDBACK_SHEET, writeFeedback } from '../../sync/feedback.js';
import { noTypedValues } from '../../sync/typed-values/master.js';
import { merge } from '../../sync/merge.js';
import { typeRegister } from './council-counts.js';
import { openWorkbook, PLAN, rowsOf, runSync, tmpDir, mergedMaster, unit, writeInbox } from './inbox.js';

async function feedbackText(now: Date, mistakes: number): Promise<string[][]> {
  const dir = tmpDir('feedback-content');
  const inbox = path.join(dir, 'inbox');
  await writeInbox(inbox, [unit('H-BATO', { mistakes })]);
  const result = await merge({ plan: PLAN, inbox, now });
  await writeFeedback(path.join(dir, 'out'), inbox, result, noTypedValues());
  const wb = await openWorkbook(path.join(dir, 'out', 'H-BATO.xlsx'));
  return rowsOf(wb.getWorksheet(FEEDBACK_SHEET)!).map((r) => r.map((v) => String(v ?? '')));
}

describe('the Phản hồi sheet', () => {
  it('opens with the verdict, asks to fix and resend before the deadline while it is open, and gives each row its reason', async () => {
    const rows = await feedbackText(new Date('2021-04-11T09:00:00+07:00'), 1);
    const lines = rows.map((r) => r.filter(Boolean).join(' | '));
    const verdictAt = lines.findIndex((l) => l.includes('Chưa sẵn sàng:'));
    const issuesAt = lines.findIndex((l) => l.startsWith('I. '));
    expect(verdictAt).toBeGreaterThan(0);
    expect(verdictAt).toBeLessThan(issuesAt);
    expect(lines[verdictAt]).toMatch(/^✘ Chưa sẵn sàng: \d+\/4 đề nghị có lỗi/);
    const all = lines.join('\n');
    expect(all).toContain(`Cần sửa và gửi lại trước hết ngày ${formatDate(PLAN.deadline)}`);
    expect(all).toContain(`Kế hoạch ngày ${formatDate(PLAN.campaign.start)} của Sở Công Thương`);
    expect(all).not.toContain(PLAN.id);
    for (const jargon of ['add-in', 'lưu sổ', 'kiem-tra.html']) expect(all).not.toContain(jargon);
    // Each row says why in one line, not just "Không hợp lệ".
    const header = rows.findIndex((r) => r.includes(FEEDBACK_HEADERS.nominations[2]));
    const col = rows[header]!.indexOf(FEEDBACK_HEADERS.nominations[4]);
    const verdicts = rows.slice(header + 1, header + 5).map((r) => r[col]!);
    expect(
      verdicts.filter((v) => /^Không hợp lệ: .+ – .+/.test(v)),
      verdicts.join('\n'),
    ).not.toEqual([]);
    expect(verdicts).not.toContain('Không hợp lệ');
  }, 120_000);

  it('says "Sẵn sàng gửi" for a clean file, and no resend line once the deadline has passed', async () => {
    const lines = (await feedbackText(new Date('2021-05-01T09:00:00+07:00'), 0)).map((r) => r.join(' '));
    expect(lines.some((l) => l.includes('✔ Sẵn sàng gửi: 4 đề nghị hợp lệ'))).toBe(true);
    expect(lines.join('\n')).not.toContain('Cần sửa và gửi lại');
  }, 120_000);

  it('names the plan by the number and date the secretariat typed for it in Văn bản, as the papers do', async () => {
    const { dir, inbox, master } = await mergedMaster('feedback-plan-number', [unit('H-BATO')]);
    const wb = await openWorkbook(master);
    typeRegister(wb, { KH_SCT: { value: 12, date: new Date(Date.UTC(2021, 1, 5)) } });
    await wb.xlsx.writeFile(master);
    const feedback = path.join(dir, 'phan-hoi');
    expect((await runSync(['merge', '--inbox', inbox, '--out', master, '--feedback', feedback])).code).toBe(0);
    const sheet = (await openWorkbook(path.join(feedback, 'H-BATO.xlsx'))).getWorksheet(FEEDBACK_SHEET)!;
    const all = rowsOf(sheet).flat().map(String).join('\n');
    expect(all).toContain('(Kế hoạch số 12/KH-SCT ngày 05/02/2021 của Sở Công Thương)');
    expect(all).not.toContain('Kế hoạch ngày');
  }, 120_000);
});
