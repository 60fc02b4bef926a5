// The master's working sheets and the award register as the secretariat uses them after the meeting: typed in
// on screen (the name stays in view, long texts wrap, a filter on every table) and printed through LibreOffice
// (readable type, nothing printed over anything else, every route and summary whole, an empty sheet on one page).
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { typeCouncilDecisions } from '../../dev/sample/demo-council.js';
import { writeDemoInbox } from '../../dev/sample/demo-inbox.js';
import { AWARD_SHEET } from '../../sync/award-register.js';
import { MASTER_SHEETS } from '../../sync/master/layout.js';
import { UNMATCHED_HEADERS } from '../../sync/typed-values/master.js';
import { convert, haveOffice, overprintedWords, printedPages, type PrintedPage } from '../print.js';
import { openWorkbook, PLAN, rowsOf, runSync, tmpDir } from './inbox.js';

const dir = tmpDir('master-print');
const inbox = path.join(dir, 'inbox');
const master = path.join(dir, 'master.xlsx');
const register = path.join(dir, 'so-theo-doi-khen-thuong.xlsx');
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  await writeDemoInbox(PLAN, inbox);
  // The demo inbox holds a refused file: exit 2, the master written.
  expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(2);
  await typeCouncilDecisions(PLAN, master);
  expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(2);
  expect((await runSync(['register', '--master', master, '--register', register])).code).toBe(0);
  wb = await openWorkbook(master);
}, 240_000);

const TALLY_NAME = 'Tên tập thể / Họ và tên';

describe('the master on screen', () => {
  it('keeps the nominee in view while the clerk types in Kết quả Hội đồng: frozen through the name column', () => {
    const ws = wb.getWorksheet(MASTER_SHEETS.tally)!;
    const nameCol = rowsOf(ws)[0]!.indexOf(TALLY_NAME) + 1;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: nameCol });
  });

  it('offers a filter on Theo đơn vị and on the award register, as on Tổng hợp and Lỗi', async () => {
    for (const sheet of [MASTER_SHEETS.tally, MASTER_SHEETS.units, MASTER_SHEETS.issues])
      expect(wb.getWorksheet(sheet)!.autoFilter, sheet).toBeTruthy();
    expect((await openWorkbook(register)).getWorksheet(AWARD_SHEET)!.autoFilter).toBeTruthy();
  });
});

/** Pages from the first holding `from` to the one before the first after it holding `to`. */
function pagesOf(pages: PrintedPage[], from: string, to: string): PrintedPage[] {
  const first = pages.findIndex((p) => p.text.includes(from));
  const next = pages.findIndex((p, i) => i > first && p.text.includes(to));
  expect(first, from).toBeGreaterThanOrEqual(0);
  return pages.slice(first, next < 0 ? pages.length : next);
}

/** Most words are body text: their printed size, in points. */
const bodySize = (p: PrintedPage) =>
  p.wordHeights.map((h) => h / 1.3).sort((a, b) => a - b)[p.wordHeights.length >> 1]!;

const squeeze = (s: string) => s.replace(/\s/g, '');

describe.runIf(haveOffice)('the master and the register printed through LibreOffice', () => {
  let pages: PrintedPage[];
  let registerPages: PrintedPage[];
  beforeAll(async () => {
    pages = await printedPages(await convert(master, path.join(dir, 'pdf')));
    registerPages = await printedPages(await convert(register, path.join(dir, 'pdf')));
  }, 240_000);

  it('prints Tổng hợp landscape in readable type, every route and summary whole, nothing over anything', () => {
    // The workbook's first sheet: its pages run to Văn bản's title.
    const tally = pages.slice(
      0,
      pages.findIndex((p) => p.text.includes('SỐ, NGÀY VĂN BẢN')),
    );
    expect(tally.length).toBeGreaterThan(1);
    for (const p of tally) {
      expect(bodySize(p)).toBeGreaterThanOrEqual(9);
      expect(overprintedWords(p)).toEqual([]);
    }
    const printed = squeeze(tally.map((p) => p.text).join(''));
    const rows = rowsOf(wb.getWorksheet(MASTER_SHEETS.tally)!);
    const col = (h: string) => rows[0]!.indexOf(h);
    const texts = (h: string) => [...new Set(rows.slice(1).map((r) => String(r[col(h)] ?? '')))].filter(Boolean);
    expect(texts('Tuyến trình').length).toBeGreaterThan(0);
    // Word by word (a wrapped cell is printed line by line, between the lines of the cells beside it): a cell
    // cut at its column's edge loses its last words.
    for (const text of [...texts('Tuyến trình'), ...texts('Tóm tắt thành tích')])
      for (const word of text.split(' ')) expect(printed, text).toContain(squeeze(word));
  });

  it('prints Theo đơn vị with its headers whole and no text over another', () => {
    const units = pagesOf(pages, 'Mã đơn vị Tên đơn vị', 'Mức độ');
    for (const p of units) expect(overprintedWords(p)).toEqual([]);
    const words = new Set(units.flatMap((p) => p.text.split(' ')));
    for (const h of rowsOf(wb.getWorksheet(MASTER_SHEETS.units)!)[0]!)
      for (const w of String(h).split(' ')) expect(words, String(h)).toContain(w);
  });

  it('prints Văn bản, where the secretariat types every number, with no text over another', () => {
    const documents = pagesOf(pages, 'SỐ, NGÀY VĂN BẢN', 'THỐNG KÊ ĐỀ NGHỊ KHEN THƯỞNG');
    expect(documents.length).toBeGreaterThan(0);
    for (const p of documents) expect(overprintedWords(p)).toEqual([]);
  });

  it('prints an empty Ghi chú không khớp on one page, its header whole', () => {
    const headers = Object.values(UNMATCHED_HEADERS);
    const holding = pages.filter((p) => headers.some((h) => p.text.includes(h)) && p.text.includes('Ghi nhận lúc'));
    expect(holding).toHaveLength(1);
    for (const h of headers) expect(holding[0]!.text).toContain(h);
  });

  it('prints the award register with no text over another', () => {
    expect(registerPages.length).toBeGreaterThan(0);
    for (const p of registerPages) expect(overprintedWords(p)).toEqual([]);
  });
});
