// can-xu-ly.docx read as the one preparing the signing reads it: its opening sentence points at the sections
// that keep the papers a draft by the numbers they are printed under, whichever sections there are.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBuffer } from '../../node/official-docx.js';
import { settleDocument, settleOf } from '../../sync/documents/settle.js';
import type { Papers } from '../../sync/documents/papers.js';
import { docxParagraphs } from '../zip.js';
import { masterNominee } from './campaign.js';
import { PLAN, tmpDir } from './inbox.js';

/** The same person of unit `unit`, at `line`. */
const nominee = (unit: string, line: number) =>
  masterNominee({
    unit,
    line,
    form: PLAN.forms[0]!.code,
    name: 'Phạm Văn Đồng',
    birthYear: '1976',
    summary: 'Hoàn thành xuất sắc nhiệm vụ được giao trong đợt thi đua',
    group: 'so_unit',
  });

async function opening(papers: Papers): Promise<{ first: string; sections: string[] }> {
  const file = path.join(tmpDir('settle'), 'can-xu-ly.docx');
  await fs.writeFile(file, await toBuffer(settleDocument(PLAN, settleOf(PLAN, papers, []))));
  const paras = await docxParagraphs(file);
  return { first: paras.find((p) => p.includes('DỰ THẢO'))!, sections: paras.filter((p) => /^\d+\. /.test(p)) };
}

describe('can-xu-ly.docx', () => {
  const pair = [nominee('H-BATO', 3), nominee('SCT-VP', 4)];
  const base = { lists: [], duplicateIds: new Set<string>(), draft: true };

  it('points at the one section that keeps the papers a draft when nothing is pending', async () => {
    const { first, sections } = await opening({ ...base, pending: [], duplicates: [pair] });
    expect(sections[0]).toMatch(/^1\. Cùng một người/);
    expect(first).toContain('cho đến khi hết mục 1 dưới đây');
  });

  it('points at both when names are pending and one is listed twice', async () => {
    const { first, sections } = await opening({ ...base, pending: [nominee('H-LYSON', 2)], duplicates: [pair] });
    expect(sections.map((s) => s.slice(0, 2))).toEqual(['1.', '2.']);
    expect(first).toContain('cho đến khi hết các mục 1 và 2 dưới đây');
  });
});
