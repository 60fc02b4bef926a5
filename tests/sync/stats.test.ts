// Thống kê as a leader reads it, on the demo inbox: the key figures first, one word for where each unit
// stands (the same in Thống kê, Theo đơn vị, the feedback and the terminal), a per-unit table whose zeros
// explain themselves, the time written as an official paper writes it, and text no smaller than 10 pt on paper.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoInbox } from '../../dev/sample/demo-inbox.js';
import { MASTER_SHEETS } from '../../sync/master/layout.js';
import {
  KEY_CHART_TITLE,
  KEY_FIGURES,
  STATS_FORM_HEADERS,
  STATS_MIN_FONT_SIZE,
  STATS_SECTIONS,
  STATS_UNIT_HEADERS,
} from '../../sync/master/stats.js';
import { UNIT_STATUS_LABELS } from '../../sync/master/units.js';
import { convert, haveOffice, printedPages, smallestPrintedSize, type PrintedPage } from '../print.js';
import { brokenLinks, sheetCharts } from './package-links.js';
import { openWorkbook, PLAN, readReport, rowsOf, runSync, tmpDir, type CliResult } from './inbox.js';

type Nom = { unit: string; form: string | null; status: string; council: string; listed: boolean };

const dir = tmpDir('stats');
const inbox = path.join(dir, 'inbox');
const master = path.join(dir, 'master.xlsx');
let run: CliResult;
let report: { nominations: Nom[] };
let stats: unknown[][];

beforeAll(async () => {
  await writeDemoInbox(PLAN, inbox);
  run = await runSync([
    'merge',
    '--inbox',
    inbox,
    '--out',
    master,
    '--report',
    path.join(dir, 'report.json'),
    '--feedback',
    path.join(dir, 'phan-hoi'),
  ]);
  report = await readReport(path.join(dir, 'report.json'));
  stats = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.stats)!);
}, 120_000);

const text = (r: unknown[]) => r.map((v) => String(v ?? ''));
const rowOf = (label: string, from = 0) => stats.slice(from).find((r) => r[0] === label)!;
const sectionAt = (title: string) => stats.findIndex((r) => r[0] === title);
const figures = (r: unknown[]) => r.slice(1).filter((v) => typeof v === 'number');
/** The key table's label spans three columns and each figure two. */
const keyFigures = (r: unknown[]) => [r[3], r[5], r[7]];

// The demo's units: one that sent nothing, one whose only file was refused, one late, one on time.
const STANDINGS = {
  'H-LYSON': UNIT_STATUS_LABELS.missing,
  'SCT-QLNL': UNIT_STATUS_LABELS.refused,
  'H-SONTAY': UNIT_STATUS_LABELS.late,
  'H-BATO': UNIT_STATUS_LABELS.onTime,
};
const unitName = (code: string) => PLAN.units.find((u) => u.code === code)!.name;

describe('Thống kê', () => {
  it('opens on the key figures per form: received, valid, approved by the council', () => {
    const at = sectionAt(STATS_SECTIONS.key);
    // Nothing but the title lines comes before them.
    expect(at).toBeLessThanOrEqual(4);
    // Merged cells read back with the value repeated: one of each.
    expect([...new Set(text(stats[at + 1]!))]).toEqual(['Hình thức khen thưởng', ...Object.values(KEY_FIGURES)]);
    for (const form of PLAN.forms) {
      const mine = report.nominations.filter((n) => n.form === form.code);
      const eligible = mine.filter((n) => n.status === 'valid');
      expect(keyFigures(rowOf(form.label, at))).toEqual([
        mine.length,
        eligible.length,
        eligible.filter((n) => n.council === 'approved').length,
      ]);
    }
    expect(keyFigures(rowOf('Tổng cộng', at))[0]).toBe(report.nominations.length);
  });

  it('draws the key figures as a native column chart that reads the key table, so it follows a corrected figure', async () => {
    expect(await brokenLinks(master)).toEqual([]);
    const charts = await sheetCharts(master, MASTER_SHEETS.stats);
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    expect(chart).toContain('<c:grouping val="clustered"/>');
    expect(chart).toContain(KEY_CHART_TITLE);
    // One series per key figure, named by and reading the key table's header and figure cells (1-based rows).
    const ws = (await openWorkbook(master)).getWorksheet(MASTER_SHEETS.stats)!;
    let section = 0;
    ws.eachRow((r, n) => (section ||= r.getCell(1).value === STATS_SECTIONS.key ? n : 0));
    const [header, first, last] = [section + 1, section + 2, section + 1 + PLAN.forms.length];
    expect(ws.getRow(last + 1).getCell(1).value).toBe('Tổng cộng');
    const ref = (cell: string) => `<c:f>'${MASTER_SHEETS.stats}'!${cell}</c:f>`;
    expect(chart).toContain(ref(`$A$${first}:$A$${last}`));
    for (const [i, name] of Object.values(KEY_FIGURES).entries()) {
      const col = 'DFH'[i]!;
      expect(chart).toContain(ref(`$${col}$${header}`));
      expect(chart).toContain(ref(`$${col}$${first}:$${col}$${last}`));
      expect(chart).toContain(`<c:v>${name}</c:v>`);
    }
  });

  it('writes the time as an official paper does', () => {
    expect(
      text(stats.flat()).some((t) => /lập lúc \d{2} giờ \d{2} phút, ngày \d{2} tháng \d{1,2} năm \d{4};/.test(t)),
    ).toBe(true);
  });

  it('counts the units by one vocabulary and names those not on time', () => {
    const at = sectionAt(STATS_SECTIONS.units);
    expect(text(stats[at + 1]!).slice(1)).toEqual(Object.values(STATS_UNIT_HEADERS));
    expect(figures(stats[at + 2]!)).toEqual([PLAN.units.length, 17, 1, 1, 1]);
    const notes = text(stats.slice(at + 3, at + 6).flat());
    expect(notes).toContain(`${UNIT_STATUS_LABELS.refused}: ${unitName('SCT-QLNL')}.`);
    expect(notes).toContain(`${UNIT_STATUS_LABELS.missing}: ${unitName('H-LYSON')}.`);
  });

  it('shows per unit what was received, valid, with errors and late; a unit without a file says why', () => {
    const at = sectionAt(STATS_SECTIONS.perUnit);
    expect(text(stats[at + 2]!).slice(1, 5)).toEqual([
      'Tổng số',
      STATS_FORM_HEADERS.valid,
      STATS_FORM_HEADERS.invalid,
      STATS_FORM_HEADERS.late,
    ]);
    for (const code of ['H-SONTAY', 'H-BATO', 'TX-DUCPHO']) {
      const mine = report.nominations.filter((n) => n.unit === code);
      const count = (s: string) => mine.filter((n) => n.status === s).length;
      expect(figures(rowOf(unitName(code), at)).slice(0, 4), code).toEqual([
        mine.length,
        count('valid'),
        count('invalid'),
        count('late'),
      ]);
    }
    for (const code of ['H-LYSON', 'SCT-QLNL'] as const)
      expect(rowOf(unitName(code), at)[1], code).toBe(STANDINGS[code]);
  });

  it('uses the same words for a unit in Theo đơn vị, the feedback and the terminal', async () => {
    const units = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.units)!);
    const statusCol = units[0]!.indexOf('Tình trạng');
    for (const [code, label] of Object.entries(STANDINGS)) {
      expect(units.find((r) => r[0] === code)![statusCol], code).toBe(label);
      expect(run.stdout).toMatch(new RegExp(`${code}\\s+${label}`));
    }
    for (const code of ['H-SONTAY', 'H-BATO'] as const) {
      const feedback = rowsOf((await openWorkbook(path.join(dir, 'phan-hoi', `${code}.xlsx`))).worksheets[0]!);
      // The label spans two columns (each reads back as the label): the value is the next one.
      const line = feedback.find((r) => r[0] === 'Tình trạng')!;
      expect(
        line.find((v) => v && v !== 'Tình trạng'),
        code,
      ).toBe(STANDINGS[code]);
    }
  });

  it('prints at 100 % with no cell under 10 pt', async () => {
    const ws = (await openWorkbook(master)).getWorksheet(MASTER_SHEETS.stats)!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', scale: 100 });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value !== null && cell.value !== '')
          expect(cell.font?.size ?? 11, String(cell.value)).toBeGreaterThanOrEqual(STATS_MIN_FONT_SIZE);
      }),
    );
  });
});

describe.runIf(haveOffice)('Thống kê printed through LibreOffice', () => {
  let pages: PrintedPage[];
  beforeAll(async () => {
    const all = await printedPages(await convert(master, path.join(dir, 'pdf')));
    const first = all.findIndex((p) => p.text.includes('THỐNG KÊ ĐỀ NGHỊ KHEN THƯỞNG'));
    // Theo đơn vị follows: its header row ends the sheet's pages.
    const next = all.findIndex((p, i) => i > first && p.text.includes('Mã đơn vị Tên đơn vị'));
    pages = all.slice(first, next);
  }, 240_000);

  it('takes two A4 pages at most, the key figures on the first, no text under 10 pt', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(pages[0]!.text).toContain(STATS_SECTIONS.key);
    expect(pages[0]!.text).toContain(PLAN.forms[0]!.label);
    for (const p of pages) expect(smallestPrintedSize(p)).toBeGreaterThanOrEqual(STATS_MIN_FONT_SIZE - 0.1);
  });

  it('draws the chart on page 1, under the key figures and above the units', () => {
    // Its title is text only the chart prints; compared without spaces, as pdftotext splits some words.
    const squeezed = pages[0]!.text.replace(/\s/g, '');
    const at = (t: string) => squeezed.indexOf(t.replace(/\s/g, ''));
    expect(at(KEY_CHART_TITLE)).toBeGreaterThan(at(STATS_SECTIONS.key));
    expect(at(KEY_CHART_TITLE)).toBeLessThan(at(STATS_SECTIONS.units));
    // Its room takes nothing off page 1: the per-form table still ends it.
    expect(at(STATS_SECTIONS.forms)).toBeGreaterThan(at(KEY_CHART_TITLE));
  });

  it('prints every section and every unit whole, the last table included', () => {
    const all = pages.map((p) => p.text).join(' ');
    for (const title of Object.values(STATS_SECTIONS)) expect(all).toContain(title);
    // Names are compared without spaces: pdftotext splits some words of a wrapped cell.
    const squeezed = all.replace(/\s/g, '');
    for (const u of PLAN.units) expect(squeezed).toContain(u.name.split(' ').slice(0, 5).join(''));
    const lastTotal = stats.filter((r) => r[0] === 'Tổng cộng').at(-1)!;
    expect(all).toContain(`Tổng cộng ${figures(lastTotal).join(' ')}`);
  });
});
