// What the Phản hồi sheet says to a unit, in its words: the verdict on top as the pane says it, each row's
// reason in one line, the resend line while the deadline is open, the plan by its number and date (by its date
// alone while its number is not typed in Văn bản), no software words.
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../engine/index.js';
import { FEEDBACK_HEADERS, FEEDBACK_SECTIONS, FEEDBACK_SHEET, writeFeedback } from '../../sync/feedback.js';
import { noTypedValues } from '../../sync/typed-values/master.js';
import { merge } from '../../sync/merge.js';
import { typeRegister } from './council-counts.js';
import { openWorkbook, PLAN, rowsOf, runSync, tmpDir, mergedMaster, unit, writeInbox } from './inbox.js';

async function feedbackBook(now: Date, mistakes: number, more: { receivedAt?: Date; includeLate?: boolean } = {}) {
  const dir = tmpDir('feedback-content');
  const inbox = path.join(dir, 'inbox');
  await writeInbox(inbox, [unit('H-BATO', { mistakes, ...(more.receivedAt ? { receivedAt: more.receivedAt } : {}) })]);
  const result = await merge({ plan: PLAN, inbox, now, includeLate: more.includeLate });
  await writeFeedback(path.join(dir, 'out'), inbox, result, noTypedValues());
  return openWorkbook(path.join(dir, 'out', 'H-BATO.xlsx'));
}

/** Every row, blank ones too (they end a table), as text by column (0 = A). */
const sheetText = (ws: ExcelJS.Worksheet) =>
  Array.from({ length: ws.rowCount }, (_, i) =>
    (ws.getRow(i + 1).values as unknown[]).slice(1).map((v) => String(v ?? '')),
  );

async function feedbackText(now: Date, mistakes: number): Promise<string[][]> {
  const ws = (await feedbackBook(now, mistakes)).getWorksheet(FEEDBACK_SHEET)!;
  return rowsOf(ws).map((r) => r.map((v) => String(v ?? '')));
}

/** The column under `header` of the table that has it, in Phản hồi or a unit sheet. */
function column(rows: string[][], header: string, first = 0): string[] {
  const at = rows.findIndex((r, i) => i >= first && r.includes(header));
  const col = rows[at]!.indexOf(header);
  const out: string[] = [];
  for (const r of rows.slice(at + 1)) {
    if (!r.some(Boolean)) break;
    out.push(r[col]!);
  }
  return out;
}

/** What a late unit reads, with late files left out or included by the secretariat. */
async function lateFeedback(includeLate: boolean) {
  const wb = await feedbackBook(new Date('2021-04-20T09:00:00+07:00'), 1, {
    receivedAt: new Date('2021-04-16T08:30:00+07:00'),
    includeLate,
  });
  const rows = sheetText(wb.getWorksheet(FEEDBACK_SHEET)!);
  // A merged cell reads back in each of its columns: the first says it.
  const lines = rows.map((r) => [...new Set(r.filter(Boolean))].join(' | '));
  const nominationsAt = rows.findIndex((r) => r.includes(FEEDBACK_HEADERS.nominations[2]));
  return {
    verdict: lines.find((l) => l.startsWith('✘') || l.startsWith('✔'))!,
    all: lines.join('\n'),
    handling: column(rows, FEEDBACK_HEADERS.files[3]),
    reasons: column(rows, FEEDBACK_HEADERS.nominations[4], nominationsAt),
    marked: ['Tập thể', 'Cá nhân'].flatMap((s) => column(sheetText(wb.getWorksheet(s)!), 'Kết quả kiểm tra')),
  };
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
    expect(all).toContain(`Cần sửa và gửi lại chậm nhất đến hết ngày ${formatDate(PLAN.deadline)}`);
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
    expect(all).not.toMatch(/\) \(/);
  }, 120_000);

  it('tells a late unit, everywhere alike, that its rows are late and not considered', async () => {
    const late = await lateFeedback(false);
    expect(late.verdict).toBe('✘ Chưa sẵn sàng: 4/4 đề nghị gửi muộn – không được xét');
    expect(late.all).toContain('4 đề nghị: 0 hợp lệ, 0 có lỗi, 4 gửi muộn.');
    expect(late.handling).toEqual(['Gửi muộn – không được xét']);
    expect(late.reasons).toHaveLength(4);
    for (const r of [...late.reasons, ...late.marked]) expect(r).toMatch(/^Gửi muộn – không được xét/);
    expect(late.marked.length).toBe(4);
    expect(late.all).not.toContain('Được dùng');
    // Lateness is not something to fix in the file: it is the secretariat's note.
    const fixAt = late.all.indexOf(FEEDBACK_SECTIONS.issues);
    const notesAt = late.all.indexOf(FEEDBACK_SECTIONS.notes);
    expect(notesAt).toBeGreaterThan(fixAt);
    expect(late.all.slice(notesAt)).toContain('Hồ sơ gửi muộn không được xét');
    expect(late.all.slice(fixAt, notesAt)).not.toContain('Hồ sơ nhận lúc');
  }, 120_000);

  it('tells a late unit its rows are considered when the secretariat included late files', async () => {
    const late = await lateFeedback(true);
    expect(late.verdict).toMatch(
      /^✘ Chưa sẵn sàng: 4\/4 đề nghị gửi muộn – Văn phòng Sở vẫn xét; \d\/4 đề nghị có lỗi/,
    );
    // The counts say the same: late, considered, some with other errors.
    expect(late.all).toMatch(
      /4 đề nghị: 0 hợp lệ, 0 có lỗi, 4 gửi muộn \(Văn phòng Sở vẫn xét: \d không có lỗi khác, \d có lỗi\)\./,
    );
    expect(late.handling).toEqual(['Gửi muộn – Văn phòng Sở vẫn xét']);
    for (const r of [...late.reasons, ...late.marked]) expect(r).toMatch(/^Gửi muộn – Văn phòng Sở vẫn xét/);
    // Nothing says the opposite: the late arrival is the secretariat's note, saying it considers the file.
    expect(late.all).not.toContain('không được xét');
    expect(late.all).toContain('Văn phòng Sở vẫn xét hồ sơ gửi muộn này.');
  }, 120_000);
});
