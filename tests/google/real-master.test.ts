// The push with the master the real merge writes: every contract sheet reaches the Sheet, and a council
// decision typed in the Sheet survives push → merge → push.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPush } from '../../sync/google/push.js';
import { compactValidations } from '../../sync/google/validations.js';
import { UNMATCHED_HEADERS, UNMATCHED_REASONS } from '../../sync/typed-values/master.js';
import { ID_HEADER, MASTER_SHEETS, RECEIVED_BY_OFFICE_HEADER, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';
import { DOCUMENTS_HEADERS } from '../../sync/master/documents-sheet.js';
import { KEY_CHART_TITLE, KEY_FIGURES } from '../../sync/master/stats.js';
import { openWorkbook, PLAN, readReport, rowsOf, runSync, unit, unmatchedOf, writeInbox } from '../sync/inbox.js';
import { brokenLinks, sheetCharts } from '../sync/package-links.js';
import { zipEntry } from '../zip.js';
import type { ChartPart, GridRange } from './fake-google.js';
import { closeHarness, openHarness, type Harness } from './harness.js';

/**
 * Thống kê's tab carries exactly one chart, the key figures per form in columns, reading the tab's own cells:
 * the header row names the series, the rows below hold the forms. Returns the chart's id.
 */
function expectKeyChart(h: Harness, spreadsheet: string, nominations: number): number {
  const stats = h.fake.tab(spreadsheet, MASTER_SHEETS.stats)!;
  expect(stats.charts).toHaveLength(1);
  const { spec, chartId, position } = stats.charts[0]!;
  expect(spec.title).toBe(KEY_CHART_TITLE);
  expect(spec.basicChart.chartType).toBe('COLUMN');
  expect(spec.basicChart.headerCount).toBe(1);
  const cells = (source: GridRange) => {
    expect(source.sheetId).toBe(stats.sheetId);
    expect(source.endColumnIndex - source.startColumnIndex).toBe(1);
    return stats.values.slice(source.startRowIndex, source.endRowIndex).map((r) => r[source.startColumnIndex]);
  };
  const domain = spec.basicChart.domains[0].domain.sourceRange.sources[0] as GridRange;
  expect(cells(domain).slice(1)).toEqual(PLAN.forms.map((f) => f.label));
  const series = spec.basicChart.series.map((s: ChartPart) => cells(s.series.sourceRange.sources[0]!));
  expect(series.map((s: unknown[]) => s[0])).toEqual(Object.values(KEY_FIGURES));
  // Received, per form, adds up to the nominations sent; none is approved before the council meets.
  const sum = (s: unknown[]) => s.slice(1).reduce((a: number, v) => a + Number(v), 0);
  expect(sum(series[0])).toBe(nominations);
  expect(sum(series[2])).toBe(0);
  // It floats in the row after the total, made as tall as the chart, so it hides no table below.
  const { anchorCell, heightPixels } = position.overlayPosition;
  expect(stats.values[domain.endRowIndex]![0]).toBe('Tổng cộng');
  expect(anchorCell.rowIndex).toBe(domain.endRowIndex + 1);
  expect(stats.rowPixels.get(anchorCell.rowIndex)).toBe(heightPixels);
  return chartId;
}

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => closeHarness(h));

describe('push with a master written by merge', () => {
  it("writes every master sheet with Thống kê's chart and keeps a decision typed in the Sheet across a re-merge", async () => {
    const inbox = path.join(h.dir, 'inbox');
    const master = path.join(h.dir, 'master.xlsx');
    await writeInbox(inbox, [
      unit('H-BATO', { collectives: 1, individuals: 2 }),
      unit('SCT-VP', { collectives: 0, individuals: 1 }),
    ]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const merged0 = path.join(h.dir, 'merged.xlsx');
    await copyFile(master, merged0);
    h.fake.addSpreadsheet('sheet-1', [{ title: 'Trang tính1' }]);
    const push = () => runPush({ sheet: 'sheet-1', master }, h.deps);

    expect(await push()).toBe(0);
    const wb = await openWorkbook(master);
    const visible = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    const titles = h.fake.spreadsheets.get('sheet-1')!.tabs.map((t) => t.title);
    expect(titles).toEqual(['Trang tính1', ...visible]);
    expect(titles).toEqual(expect.arrayContaining(Object.values(MASTER_SHEETS)));
    const tally = h.fake.tab('sheet-1', MASTER_SHEETS.tally)!;
    expect(tally.frozenRowCount).toBe(1);
    expect(tally.values).toHaveLength(rowsOf(wb.getWorksheet(MASTER_SHEETS.tally)!).length);
    const chart = expectKeyChart(h, 'sheet-1', 4);
    expect(h.log.text).toContain(`Vẽ biểu đồ "${KEY_CHART_TITLE}" trên trang "${MASTER_SHEETS.stats}"`);

    // A council member marks the first nomination in the Sheet.
    const header = tally.values[0]!;
    const councilCol = header.indexOf(TALLY_TYPED_HEADERS.council);
    const id = tally.values[1]![header.indexOf(ID_HEADER)];
    tally.values[1]![councilCol] = 'Không đồng ý';
    expect(await push()).toBe(0);
    // The next push draws it again over the rewritten tab instead of adding a second one.
    expect(expectKeyChart(h, 'sheet-1', 4)).not.toBe(chart);

    // The rewritten master keeps the council dropdown as one range (exceljs alone would write overlaps).
    const tallyXml = `xl/worksheets/sheet${visible.indexOf(MASTER_SHEETS.tally) + 1}.xml`;
    const sqrefs = [...(await zipEntry(master, tallyXml)).matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(sqrefs.length).toBeGreaterThan(0);
    expect(new Set(sqrefs.map((r) => r!.replace(/\d+/g, ''))).size).toBe(sqrefs.length);
    // exceljs drops charts when it writes: Thống kê's key-figures chart is drawn again, reading the same cells.
    expect(await brokenLinks(master)).toEqual([]);
    const [before, after] = [
      await sheetCharts(merged0, MASTER_SHEETS.stats),
      await sheetCharts(master, MASTER_SHEETS.stats),
    ];
    expect(after).toHaveLength(1);
    const refs = (xml: string) => [...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1]);
    expect(refs(after[0]!)).toEqual(refs(before[0]!));

    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const merged = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.tally)!);
    const mergedHeader = merged[0]!;
    expect(
      merged.find((r) => r[mergedHeader.indexOf(ID_HEADER)] === id)?.[
        mergedHeader.indexOf(TALLY_TYPED_HEADERS.council)
      ],
    ).toBe('Không đồng ý');

    expect(await push()).toBe(0);
    const again = h.fake.tab('sheet-1', MASTER_SHEETS.tally)!.values;
    expect(again.find((r) => r[header.indexOf(ID_HEADER)] === id)?.[councilCol]).toBe('Không đồng ý');
  }, 360_000); // two merges and three pushes of a real master: minutes on a busy machine
});

describe('received times typed in the Sheet', () => {
  it('come back into the master by unit code and decide lateness; a clash with the master is set aside, not lost', async () => {
    const inbox = path.join(h.dir, 'inbox');
    const master = path.join(h.dir, 'master.xlsx');
    const report = path.join(h.dir, 'report.json');
    // Saved from an e-mail on 16/04: late by the file's time; the e-mail came on 15/04 at 16:30.
    await writeInbox(inbox, [
      unit('H-SONTAY', { collectives: 0, individuals: 1, receivedAt: new Date('2021-04-16T09:00:00+07:00') }),
      unit('H-BATO', { collectives: 0, individuals: 1 }),
    ]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const merged0 = path.join(h.dir, 'merged.xlsx');
    await copyFile(master, merged0);
    h.fake.addSpreadsheet('sheet-1', [{ title: 'Trang tính1' }]);
    const push = () => runPush({ sheet: 'sheet-1', master }, h.deps);
    expect(await push(), h.log.text).toBe(0);

    const units = () => h.fake.tab('sheet-1', MASTER_SHEETS.units)!.values;
    const col = units()[0]!.indexOf(RECEIVED_BY_OFFICE_HEADER);
    const rowOf = (code: string) => units().findIndex((r) => r[0] === code);
    units()[rowOf('H-SONTAY')]![col] = '15/04/2021 16:30';
    expect(await push(), h.log.text).toBe(0);
    expect(h.log.text).toContain(
      `Lấy từ Google Sheet: mã H-SONTAY, "${RECEIVED_BY_OFFICE_HEADER}" = "15/04/2021 16:30" (trong sổ tổng hợp trước đó: trống).`,
    );
    const typedIn = async (file: string, code: string) => {
      const rows = rowsOf((await openWorkbook(file)).getWorksheet(MASTER_SHEETS.units)!);
      return rows.find((r) => r[0] === code)?.[rows[0]!.indexOf(RECEIVED_BY_OFFICE_HEADER)];
    };
    expect(await typedIn(master, 'H-SONTAY')).toBe('15/04/2021 16:30');

    const run = await runSync(['merge', '--inbox', inbox, '--out', master, '--report', report]);
    expect(run.code, run.stderr).toBe(0);
    expect((await readReport(report)).units.find((u: { unit: string }) => u.unit === 'H-SONTAY')).toMatchObject({
      status: 'submitted',
      receivedFrom: 'secretariat',
      receivedAt: '2021-04-15T09:30:00.000Z',
    });
    expect(await push(), h.log.text).toBe(0);
    expect(units()[rowOf('H-SONTAY')]![col]).toBe('15/04/2021 16:30');

    // Both sides typed a different time for H-BATO since the last push: the Sheet's is taken, the master's set aside.
    const wb = await openWorkbook(master);
    const ws = wb.getWorksheet(MASTER_SHEETS.units)!;
    const masterRow = rowsOf(ws).findIndex((r) => r[0] === 'H-BATO') + 1;
    ws.getRow(masterRow).getCell(col + 1).value = '09/04/2021 08:00';
    // Folded back as the push does, or exceljs writes the council list's million cells one by one.
    for (const sheet of wb.worksheets) compactValidations(sheet);
    await wb.xlsx.writeFile(master);
    units()[rowOf('H-BATO')]![col] = '10/04/2021 07:45';
    h.log.lines.length = 0;
    expect(await push(), h.log.text).toBe(0);
    expect(await typedIn(master, 'H-BATO')).toBe('10/04/2021 07:45');
    expect(await unmatchedOf(master)).toEqual([
      expect.objectContaining({
        [UNMATCHED_HEADERS.sheet]: MASTER_SHEETS.units,
        [UNMATCHED_HEADERS.key]: 'H-BATO',
        [UNMATCHED_HEADERS.column]: RECEIVED_BY_OFFICE_HEADER,
        [UNMATCHED_HEADERS.value]: '09/04/2021 08:00',
        [UNMATCHED_HEADERS.reason]: UNMATCHED_REASONS.bothEdited,
      }),
    ]);
    expect(h.log.text).toContain(`"09/04/2021 08:00" chuyển sang trang "${MASTER_SHEETS.unmatched}"`);
    expect(h.fake.tab('sheet-1', MASTER_SHEETS.unmatched)!.values.flat()).toContain('09/04/2021 08:00');
  }, 180_000);
});

describe('Văn bản typed in the Sheet', () => {
  it('comes back into the master by code, and the next merge prints it in the list', async () => {
    const inbox = path.join(h.dir, 'inbox-vb');
    const master = path.join(h.dir, 'master-vb.xlsx');
    await writeInbox(inbox, [unit('SCT-VP', { collectives: 0, individuals: 1 })]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    h.fake.addSpreadsheet('sheet-vb', [{ title: 'Trang tính1' }]);
    const push = () => runPush({ sheet: 'sheet-vb', master }, h.deps);
    expect(await push(), h.log.text).toBe(0);

    const gk = PLAN.forms.find((f) => f.document?.kind === 'quyet_dinh')!;
    const register = h.fake.tab('sheet-vb', MASTER_SHEETS.documents)!.values;
    const header = register.findIndex((r) => r[0] === DOCUMENTS_HEADERS[0]);
    const row = register.findIndex((r) => r[0] === gk.code);
    expect(row).toBeGreaterThan(header);
    register[row]![register[header]!.indexOf(DOCUMENTS_HEADERS[2])] = '45';
    expect(await push(), h.log.text).toBe(0);

    const typed = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.documents)!).find(
      (r) => r[0] === gk.code,
    );
    expect(String(typed?.[2])).toBe('45');
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const list = rowsOf((await openWorkbook(master)).getWorksheet(gk.listSheet)!).flat();
    expect(list.some((v) => typeof v === 'string' && v.startsWith('(Kèm theo Quyết định số 45/QĐ-SCT'))).toBe(true);
    // And the Sheet keeps it after the next push.
    expect(await push(), h.log.text).toBe(0);
    const again = h.fake.tab('sheet-vb', MASTER_SHEETS.documents)!.values;
    expect(String(again.find((r) => r[0] === gk.code)?.[2])).toBe('45');
  }, 180_000);
});
