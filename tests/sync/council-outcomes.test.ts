// After the meeting (SPEC §8): the council's votes and what the deciders above the Sở decided are typed
// in Tổng hợp, kept across re-merges like Kết quả Hội đồng, checked against the members present (typed once
// in Văn bản) and the plan's share, and counted stage by stage in Thống kê and the report.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '../../ooxml/xml-scan.js';
import { readVotes } from '../../sync/typed-values/council.js';
import { HIGHER_VALUES, MASTER_SHEETS, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';
import { higherKey, DOCUMENTS_KEYS, DOCUMENTS_SHEET } from '../../sync/master/documents-sheet.js';
import { STAGE_HEADERS, STAGES_TITLE } from '../../sync/master/stage-stats.js';
import { BCT, GK, person, tallyCells, typeTally, UBND } from './campaign.js';
import { typeRegister } from './council-counts.js';
import { openWorkbook, readReport, rowsOf, runSync, tmpDir, unit, writeInbox } from './inbox.js';
import { convert, haveOffice, overprintedWords, printedPages, type PrintedPage } from '../print.js';
import { readEntries, sheetPart } from './zip-entries.js';

const H = TALLY_TYPED_HEADERS;

/** A sheet's rows as the cells a reader sees: a merged range once, by its first cell. */
function cellsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const cells: unknown[] = [];
    row.eachCell((c) => {
      if (!c.isMerged || c.master === c) cells.push(c.value);
    });
    rows.push(cells);
  });
  return rows;
}

describe('Số phiếu đồng ý', () => {
  it('reads a number of votes or a percentage, and says when it is neither', () => {
    expect(readVotes(7)).toEqual({ kind: 'count', votes: 7 });
    expect(readVotes('7 phiếu')).toEqual({ kind: 'count', votes: 7 });
    expect(readVotes(0.75)).toEqual({ kind: 'share', share: 0.75 });
    expect(readVotes('62,5%')).toEqual({ kind: 'share', share: 0.625 });
    expect(readVotes('bảy')).toEqual({ kind: 'unreadable', text: 'bảy' });
    expect(readVotes('  ')).toBeNull();
  });
});

describe('votes and higher results typed in the master', () => {
  const dir = tmpDir('outcomes');
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  const reportFile = path.join(dir, 'report.json');
  type Nom = { name: string; votes: number | null; voteShare: number | null; higher: string | null };
  let report: { nominations: Nom[]; membersPresent: number; stages: Record<string, unknown>[] };

  beforeAll(async () => {
    await writeInbox(inbox, [
      unit('H-BATO', {
        collectives: 0,
        individuals: 0,
        extraRows: [
          person('Lê Văn Cường', BCT),
          person('Phạm Thị Dung', BCT),
          person('Võ Minh Em', BCT),
          person('Hồ Thị Giang', UBND),
          person('Đinh Văn Khoa', GK),
        ],
      }),
    ]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const wb = await openWorkbook(master);
    typeRegister(wb, {
      [DOCUMENTS_KEYS.membersPresent]: { value: 9 },
      [higherKey(BCT)]: { value: '2345/QĐ-BCT', date: new Date(Date.UTC(2021, 4, 10)) },
    });
    typeTally(wb, {
      'Lê Văn Cường': { [H.council]: 'Đồng ý', [H.votes]: 8, [H.higher]: HIGHER_VALUES.awarded },
      // 4 of 9 is under half: an approval the plan's share does not carry.
      'Phạm Thị Dung': { [H.council]: 'Đồng ý', [H.votes]: 4, [H.higher]: HIGHER_VALUES.notAwarded },
      // More votes than members present.
      'Võ Minh Em': { [H.council]: 'Đồng ý', [H.votes]: 12 },
      'Hồ Thị Giang': { [H.council]: 'Đồng ý', [H.votes]: 0.75 },
      'Đinh Văn Khoa': { [H.council]: 'Không đồng ý', [H.votes]: '30%' },
    });
    await wb.xlsx.writeFile(master);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master, '--report', reportFile])).code).toBe(0);
    report = await readReport(reportFile);
  }, 480_000);

  it('keeps both columns and the Văn bản lines across re-merges', async () => {
    const wb = await openWorkbook(master);
    expect(tallyCells(wb, 'Lê Văn Cường').get(H.votes)!.value).toBe(8);
    expect(tallyCells(wb, 'Lê Văn Cường').get(H.higher)!.value).toBe(HIGHER_VALUES.awarded);
    expect(tallyCells(wb, 'Hồ Thị Giang').get(H.votes)!.value).toBe(0.75);
    const register = rowsOf(wb.getWorksheet(DOCUMENTS_SHEET)!);
    expect(register.find((r) => r[0] === DOCUMENTS_KEYS.membersPresent)![2]).toBe(9);
    const above = register.find((r) => r[0] === higherKey(BCT))!;
    expect(above[1]).toContain(BCT.decidedBy);
    expect(above[2]).toBe('2345/QĐ-BCT');
    // The Director's own form has no decision above the Sở to record.
    expect(register.some((r) => r[0] === higherKey(GK))).toBe(false);
  });

  it('flags a vote that cannot be right and an approval short of the plan’s share, without changing it', async () => {
    const wb = await openWorkbook(master);
    const note = (name: string) => String(tallyCells(wb, name).get(H.votes)!.note ?? '');
    expect(note('Phạm Thị Dung')).toMatch(/dưới mức 50%/);
    expect(note('Võ Minh Em')).toMatch(/12 phiếu, nhiều hơn số thành viên dự họp \(9/);
    expect(note('Lê Văn Cường')).toBe('');
    // Refused with few votes: nothing to flag.
    expect(note('Đinh Văn Khoa')).toBe('');
    expect(tallyCells(wb, 'Võ Minh Em').get(H.votes)!.value).toBe(12);
    const higherCell = tallyCells(wb, 'Võ Minh Em').get(H.higher)!;
    // The dropdown read from the sheet's XML: exceljs would expand its whole column into a million cells.
    const entries = await readEntries(await fs.readFile(master));
    const xml = entries.get(sheetPart(entries, MASTER_SHEETS.tally))!.toString('utf8');
    const rules = xml.matchAll(/<dataValidation [^>]*sqref="([A-Z]+)(\d+):\1(\d+)"[^>]*>([\s\S]*?)<\/dataValidation>/g);
    const rule = [...rules].find(
      ([, col, from, to]) =>
        col === higherCell.address.replace(/\d+/g, '') && +from! <= +higherCell.row && +higherCell.row <= +to!,
    );
    expect(decodeEntities(rule?.[4] ?? '')).toContain(`"${HIGHER_VALUES.awarded},${HIGHER_VALUES.notAwarded}"`);
  });

  it('checks what is typed on every nomination row of Tổng hợp, and on no row below them', async () => {
    const ws = (await openWorkbook(master)).getWorksheet(MASTER_SHEETS.tally)!;
    const rules = (ws as unknown as { dataValidations: { find(a: string): unknown } }).dataValidations;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const last = ws.actualRowCount;
    for (const title of [H.council, H.votes, H.higher]) {
      const col = ws.getColumn(header.indexOf(title)).letter;
      expect(rules.find(`${col}2`), title).toBeDefined();
      expect(rules.find(`${col}${last}`), title).toBeDefined();
      // A rule over the whole column would make every reader of the master expand a million cells.
      expect(rules.find(`${col}${last + 1}`), title).toBeUndefined();
    }
  });

  it('gives votes and the higher result in the report', () => {
    const byName = new Map(report.nominations.map((n) => [n.name, n]));
    expect(report.membersPresent).toBe(9);
    expect(byName.get('Lê Văn Cường')).toMatchObject({ votes: 8, higher: 'awarded' });
    expect(byName.get('Phạm Thị Dung')).toMatchObject({ votes: 4, higher: 'not_awarded' });
    expect(byName.get('Hồ Thị Giang')).toMatchObject({ votes: null, voteShare: 0.75, higher: null });
    expect(byName.get('Đinh Văn Khoa')).toMatchObject({ votes: null, higher: null });
  });

  it('counts proposed → approved → decided above per form and unit, in the report and Thống kê', async () => {
    const bct = report.stages.find((s) => s.form === BCT.code)!;
    expect(bct).toMatchObject({ proposed: 3, approved: 3, awarded: 1, notAwarded: 1, awaiting: 1 });
    expect((bct.units as { unit: string }[]).find((u) => u.unit === 'H-BATO')).toMatchObject({ awarded: 1 });
    expect(report.stages.find((s) => s.form === GK.code)).toMatchObject({ proposed: 1, approved: 0 });

    const rows = cellsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.stats)!);
    const at = rows.findIndex((r) => r[0] === STAGES_TITLE);
    expect(rows[at + 1]).toEqual(['Hình thức', ...Object.values(STAGE_HEADERS)]);
    expect(rows[at + 2]).toEqual([BCT.label, 3, 3, 1, 1, 1]);
    expect(rows[at + 4]).toEqual([GK.label, 1, 0, '–', '–', '–']);
    const bato = rows.slice(at).find((r) => r[0] === 'Phòng Kinh tế và Hạ tầng huyện Ba Tơ')!;
    expect(bato.slice(1)).toEqual(['3 → 3 → 1', '1 → 1 → 0', '1 → 0']);
  });

  describe.runIf(haveOffice)('printed through LibreOffice', () => {
    let page: PrintedPage;
    beforeAll(async () => {
      const pages = await printedPages(await convert(master, path.join(dir, 'pdf')));
      page = pages.find((p) => p.text.includes(STAGES_TITLE))!;
    }, 240_000);

    it('prints section 7 on a page of its own, headers and figures whole, each on its lines', () => {
      // Its heading opens the page, its tables under it.
      expect(page.text.trim().startsWith(STAGES_TITLE)).toBe(true);
      // Headers are compared word by word: a wrapped header is split by the lines beside it.
      const words = new Set(page.text.split(' '));
      for (const h of Object.values(STAGE_HEADERS)) for (const word of h.split(' ')) expect(words, h).toContain(word);
      expect(page.text).toContain(`${BCT.label} 3 3 1 1 1`);
      // A unit's stages on one line each: "3 → 3 → 1", not "3 → 3 →" over "1".
      // Compared without spaces: pdftotext joins the arrows to their figures.
      const squeezed = page.text.replace(/\s/g, '');
      expect(squeezed).toContain('PhòngKinhtếvàHạtầnghuyệnBaTơ3→3→11→1→01→0');
      expect(overprintedWords(page)).toEqual([]);
    });
  });
});
