// The master's per-form lists as the secretariat prints them: A4 fitted to the width at no less than 80 %,
// each page carrying the whole table header, every listed name on paper.
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoInbox } from '../../dev/sample/demo-inbox.js';
import { fitToWidthScale } from '../../node/print.js';
import { convert, haveOffice, overprintedWords, printedPages, type PrintedPage } from '../print.js';
import { openWorkbook, PLAN, rowsOf, runSync, tmpDir } from './inbox.js';

const MIN_SCALE = 80;
/** The lists' body type, in points, before scaling. */
const BODY_SIZE = 13;
const HEADER = ['STT', 'Tên tập thể / Họ và tên', 'Chức vụ', 'Đơn vị', 'Tóm tắt thành tích'];
/** The header as a printed page shows it: each label's first words (a wrapped label is split by the lines beside it). */
const PRINTED_HEADER = HEADER.map((h) => h.split(' / ')[0]!);

const dir = tmpDir('annex-print');
const master = path.join(dir, 'master.xlsx');
let wb: ExcelJS.Workbook;
beforeAll(async () => {
  await writeDemoInbox(PLAN, path.join(dir, 'inbox'));
  // The demo inbox holds nominations with errors: exit 2, the master written.
  expect((await runSync(['merge', '--inbox', path.join(dir, 'inbox'), '--out', master])).code).toBe(2);
  wb = await openWorkbook(master);
}, 240_000);

/** Listed names: the rows numbered in STT. */
const listedNames = (rows: unknown[][]) => rows.filter((r) => typeof r[0] === 'number').map((r) => String(r[1]));

describe('the per-form lists of the master', () => {
  it(`are A4 fitted to the width at ${MIN_SCALE} % or more, as Excel computes it from the column widths`, async () => {
    for (const form of PLAN.forms) {
      const ws = wb.getWorksheet(form.listSheet)!;
      expect(ws.pageSetup, form.listSheet).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1 });
      const widths = ws.columns.map((c) => c.width ?? 9);
      expect(widths).toHaveLength(HEADER.length);
      expect(fitToWidthScale(widths, ws.pageSetup), form.listSheet).toBeGreaterThanOrEqual(MIN_SCALE);
    }
  });
});

describe('the titles of the per-form lists', () => {
  it('propose while nothing is decided: "DANH SÁCH ĐỀ NGHỊ … TẶNG …", never "được tặng"', () => {
    for (const form of PLAN.forms) {
      const texts = rowsOf(wb.getWorksheet(form.listSheet)!).map((r) => String(r[0] ?? ''));
      const title = texts.find((t) => t.startsWith('DANH SÁCH'));
      expect(title, form.listSheet).toMatch(/^DANH SÁCH ĐỀ NGHỊ .* TẶNG /);
      expect(title, form.listSheet).not.toMatch(/ĐƯỢC TẶNG/);
    }
  });
});

describe('the rows of the per-form lists', () => {
  it('give each summary as the unit meant it, without the formula sign a clerk typed before it', () => {
    const cells = PLAN.forms.flatMap((f) =>
      rowsOf(wb.getWorksheet(f.listSheet)!)
        .flat()
        .map((c) => String(c ?? '')),
    );
    // The demo inbox has a summary typed "=Hoàn thành 100% chỉ tiêu kiểm tra an toàn điện…".
    expect(cells.some((c) => c.startsWith('Hoàn thành 100% chỉ tiêu kiểm tra an toàn điện'))).toBe(true);
    expect(cells.filter((c) => /^\s*[=+@]/.test(c))).toEqual([]);
  });

  it('name every unit in full from the plan and each collective with its unit, with no bracket inside a bracket', async () => {
    const shortOnly = PLAN.units.filter((u) => u.letterhead && u.letterhead.fullName !== u.name).map((u) => u.name);
    expect(shortOnly).toContain('Văn phòng Sở');
    const collectives: string[] = [];
    for (const form of PLAN.forms) {
      const rows = rowsOf(wb.getWorksheet(form.listSheet)!).filter((r) => typeof r[0] === 'number');
      for (const r of rows) {
        const [name, position, unit] = [1, 2, 3].map((i) => String(r[i] ?? ''));
        for (const cell of [name, unit]) {
          expect(cell, form.listSheet).not.toMatch(/\([^()]*\(/);
          expect(shortOnly, `${form.listSheet}: "${cell}"`).not.toContain(cell);
        }
        // A collective's row: named in full in the name cell, like the documents' annex.
        if (!position && !unit) collectives.push(`${form.listSheet}: ${name}`);
      }
    }
    expect(collectives.length).toBeGreaterThan(0);
    const ownTeams = collectives.filter((c) => PLAN.units.some((u) => c.endsWith(`, ${u.letterhead?.fullName}`)));
    expect(ownTeams.length).toBeGreaterThan(0);
    // Two teams of one name in different units are told apart.
    expect(new Set(collectives).size).toBe(collectives.length);
  });
});

describe.runIf(haveOffice)('the per-form lists printed through LibreOffice', () => {
  let pages: PrintedPage[];
  let names: string[];
  beforeAll(async () => {
    names = PLAN.forms.flatMap((f) => listedNames(rowsOf(wb.getWorksheet(f.listSheet)!)));
    // The lists' pages are those with their table header (repeated on every page).
    pages = (await printedPages(await convert(master, path.join(dir, 'pdf')))).filter(
      (p) => p.text.includes('STT') && p.text.includes('Tóm tắt thành tích'),
    );
  }, 240_000);

  it(`print the body at ${MIN_SCALE} % of its size or more, every page with the whole header`, () => {
    expect(pages.length).toBeGreaterThanOrEqual(PLAN.forms.length);
    for (const p of pages) {
      for (const h of PRINTED_HEADER) expect(p.text).toContain(h);
      // Most words are body text: their printed size is the body's times the scale.
      const sizes = p.wordHeights.map((h) => h / 1.3).sort((a, b) => a - b);
      expect(sizes[Math.floor(sizes.length / 2)]!).toBeGreaterThanOrEqual((BODY_SIZE * MIN_SCALE) / 100 - 0.1);
    }
  });

  it('print the headings and the table header whole, no line over another', () => {
    const firsts = pages.filter((p) => p.text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(firsts).toHaveLength(PLAN.forms.length);
    for (const p of firsts) {
      // The agency's two lines, each on one line of paper.
      expect(p.text).toContain(`${PLAN.issuer.parent} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`);
      expect(p.text).toContain(`${PLAN.issuer.agency} Độc lập - Tự do - Hạnh phúc`);
    }
    for (const p of pages) expect(overprintedWords(p)).toEqual([]);
  });

  it('print every listed name, on a sane number of pages', () => {
    expect(names.length).toBeGreaterThan(0);
    // Word by word: a name wrapped in its cell is printed line by line, between the lines of the cells beside it.
    const words = new Set(pages.flatMap((p) => p.text.split(' ')));
    for (const n of names) for (const w of n.split(/\s+/)) expect(words, n).toContain(w);
    // Rows as tall as their text, no taller: a page holds fifteen names or so, no list spills a column onto
    // pages of its own.
    expect(pages.length).toBeLessThanOrEqual(PLAN.forms.length + Math.ceil(names.length / 15));
  });
});
