// A clerk types the characters of an XML entity ("&amp;&lt;") into a name or an achievement: they are text like
// any other and must come out as typed in the papers the Sở signs and in the Google Sheet — not decoded a
// second time into "&<" — and the push's rewrite of the master must keep them too.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validRowFor } from '../../dev/sample/rows.js';
import { readXlsxRows } from '../../node/xlsx-rows.js';
import { runPush } from '../../sync/google/push.js';
import { ID_HEADER, MASTER_SHEETS, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';
import { closeHarness, openHarness } from '../google/harness.js';
import { docxParagraphs } from '../zip.js';
import { PLAN, runSync, tmpDir, unit, writeInbox } from './inbox.js';

const NAME = 'Nguyễn Văn An &amp;&lt;';
const SUMMARY = 'Hoàn thành xuất sắc nhiệm vụ kiểm tra an toàn điện năm 2021 &amp;&lt;';
const BCT = PLAN.forms[0]!;

/** `dir`'s master, merged from one unit whose row carries the escaped-looking name and summary. */
async function mergedWithEntities(dir: string): Promise<string> {
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  const row = validRowFor(
    PLAN,
    'ca_nhan',
    { name: NAME, summary: SUMMARY, form: BCT.label, outstanding: BCT.requiresOutstanding ? 'Có' : 'Không' },
    'SCT-VP',
  );
  await writeInbox(inbox, [unit('SCT-VP', { collectives: 0, individuals: 0, extraRows: [row] })]);
  expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
  return master;
}

/** Tổng hợp's cells as the master holds them, read by our own reader (exceljs would decode them again). */
async function tallyTexts(master: string): Promise<string[]> {
  const texts: string[] = [];
  await readXlsxRows(master, {
    pick: () => [MASTER_SHEETS.tally],
    onRow: ({ cells }) => void texts.push(...cells.filter((c): c is string => typeof c === 'string')),
  });
  return texts;
}

describe('text typed with entity characters', () => {
  it('prints as typed in the Tờ trình', async () => {
    const dir = tmpDir('entities-docs');
    const master = await mergedWithEntities(dir);
    const out = path.join(dir, 'papers');
    const run = await runSync(['documents', '--master', master, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const paragraphs = await docxParagraphs(path.join(out, `to-trinh-${BCT.code}.docx`));
    expect(paragraphs).toContain(NAME);
    expect(paragraphs.join('\n')).toContain(SUMMARY);
    expect(paragraphs.join('\n')).not.toContain('&<');
  }, 120_000);

  it('reaches the Google Sheet as typed, and the master keeps it when push rewrites it', async () => {
    const h = await openHarness();
    try {
      const master = await mergedWithEntities(h.dir);
      h.fake.addSpreadsheet('sheet-1', [{ title: 'Trang tính1' }]);
      const push = () => runPush({ sheet: 'sheet-1', master }, h.deps);
      expect(await push(), h.log.text).toBe(0);
      const tally = () => h.fake.tab('sheet-1', MASTER_SHEETS.tally)!.values;
      expect(tally().flat()).toEqual(expect.arrayContaining([NAME, SUMMARY]));

      // A council decision typed in the Sheet makes the push rewrite the master.
      const header = tally()[0]!;
      const row = tally().findIndex((r) => r.includes(NAME));
      tally()[row]![header.indexOf(TALLY_TYPED_HEADERS.council)] = 'Đồng ý';
      expect(await push(), h.log.text).toBe(0);
      expect(h.log.text).toContain('Đã cập nhật sổ tổng hợp');
      expect(await tallyTexts(master)).toEqual(expect.arrayContaining([NAME, SUMMARY, 'Đồng ý']));
      expect(tally()[row]![header.indexOf(ID_HEADER)]).toBeTruthy();
      expect(tally().flat()).toEqual(expect.arrayContaining([NAME, SUMMARY]));
    } finally {
      await closeHarness(h);
    }
  }, 180_000);
});
