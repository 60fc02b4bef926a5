// The heading of every paper (Nghị định 30/2020, ô 1–4): each agency of both plans — the Sở, its council,
// every unit's letterhead — printed whole on its own line, beside the national name on one line, as
// LibreOffice lays it out. A name wrapped mid-phrase ("PHÒNG KINH TẾ VÀ HẠ / TẦNG") is not signable.
import { execFileSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan } from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { heading, NATIONAL_NAME, officialDocument, para, toBuffer } from '../../node/official-docx.js';
import { JSON_2026 } from '../../dev/plans/make-2026.js';
import { hasSoffice, soffice } from '../soffice.js';
import { tmpDir } from './inbox.js';

/** The longest date line a paper prints: dots to fill by hand. */
const MARK = 'Tiêu đề số';
const PLACE_DATE = 'Quảng Ngãi, ngày …… tháng …… năm 2026';
const PLANS: Plan[] = [DEFAULT_PLAN, parsePlan(JSON.parse(readFileSync(JSON_2026, 'utf8')), JSON_2026)];

/** Every heading the papers print: [parent, agency]. */
function headings(plan: Plan): [string, string][] {
  const minutes = plan.documents?.minutes;
  return [
    [plan.issuer.parent, plan.issuer.agency],
    ...(minutes?.agency ? [[plan.issuer.agency, minutes.agency] as [string, string]] : []),
    ...plan.units.flatMap((u) =>
      u.letterhead ? [[u.letterhead.parent, u.letterhead.agency] as [string, string]] : [],
    ),
  ];
}

describe.runIf(hasSoffice())('the heading of a paper', () => {
  it('prints every agency and parent whole, each line as written, and the national name on one line', async () => {
    const dir = tmpDir('letterhead');
    const all = [...new Map(PLANS.flatMap(headings).map((h) => [h.join('|'), h])).values()];
    const doc = officialDocument({
      // Each heading under a marker line, to find its printed lines by.
      sections: [
        all.flatMap(([parent, agency], i) => [
          para(`${MARK} ${i + 1}`, { before: 240 }),
          heading({ parent, agency, placeDate: PLACE_DATE }),
        ]),
      ],
      title: 'Thử tiêu đề',
      author: 'Bộ kiểm thử',
    });
    const file = path.join(dir, 'tieu-de.docx');
    await fs.writeFile(file, await toBuffer(doc));
    await soffice('pdf', dir, [file]);
    // Each printed line's letters, unspaced: pdftotext splits a word at a stacked diacritic, and its plain
    // text puts the two cells' lines side by side, so lines are read from its layout, heading by heading.
    const xml = execFileSync('pdftotext', ['-bbox-layout', path.join(dir, 'tieu-de.pdf'), '-'], { encoding: 'utf8' });
    const unspaced = (s: string) => s.replace(/\s+/g, '');
    const lines = [...xml.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((l) =>
      unspaced(l[1]!.replace(/<[^>]+>/g, '')),
    );
    const printed = all.map((_, i) => {
      expect(lines, 'each heading is printed under its marker').toContain(unspaced(`${MARK} ${i + 1}`));
      const from = lines.indexOf(unspaced(`${MARK} ${i + 1}`));
      const to = lines.indexOf(unspaced(`${MARK} ${i + 2}`));
      return lines.slice(from + 1, to < 0 ? undefined : to);
    });
    const cut = all.flatMap(([parent, agency], i) =>
      [...parent.split('\n'), ...agency.split('\n'), NATIONAL_NAME, PLACE_DATE].filter(
        (l) => !printed[i]!.includes(unspaced(l)),
      ),
    );
    expect(cut).toEqual([]);
  }, 240_000);
});
