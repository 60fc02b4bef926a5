// A native column chart added to a workbook exceljs wrote: the package stays valid (every relationship
// resolves, every part has its content type), LibreOffice draws the chart when printing and keeps it when
// it saves the workbook again.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChartsToFile, worksheetPart, type ColumnChart } from '../../node/xlsx-chart.js';
import { openPackageFile } from '../../node/zip-codec.js';
import { convert, haveOffice, printedPages } from '../print.js';
import { brokenLinks } from './package-links.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'xlsx-chart-'));
const file = path.join(dir, 'so-lieu.xlsx');
const SHEET = 'Thống kê';
const TABLE = [
  ['Hình thức', 'Tiếp nhận', 'Hợp lệ', 'Hội đồng đồng ý'],
  ['Bằng khen của Bộ trưởng', 60, 46, 12],
  ['Bằng khen của Chủ tịch UBND tỉnh', 19, 13, 5],
  ['Giấy khen của Giám đốc Sở', 51, 32, 30],
] as const;

const chart: ColumnChart = {
  sheet: SHEET,
  title: 'Đề nghị tiếp nhận, hợp lệ và được đồng ý',
  headerRow: 1,
  firstRow: 2,
  lastRow: 4,
  categoryColumn: 0,
  categories: TABLE.slice(1).map((r) => r[0]),
  series: [1, 2, 3].map((c) => ({
    column: c,
    name: String(TABLE[0][c]),
    values: TABLE.slice(1).map((r) => r[c] as number),
  })),
  height: 220,
  from: { row: 6, col: 0 },
  to: { row: 7, col: 4 },
};

beforeAll(async () => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  wb.addWorksheet('Tổng hợp').commit();
  const ws = wb.addWorksheet(SHEET);
  ws.columns = [{ width: 34 }, { width: 12 }, { width: 12 }, { width: 16 }];
  ws.addRow(['SỐ LIỆU']).commit();
  for (const r of TABLE) ws.addRow([...r]).commit();
  ws.addRow([]).commit();
  const room = ws.addRow([]);
  room.height = 220;
  room.commit();
  ws.commit();
  await wb.commit();
  await addChartsToFile(file, [chart]);
});

describe('a column chart written into an exceljs workbook', () => {
  it('is a valid package: the sheet points to a drawing, the drawing to the chart, all typed', async () => {
    expect(await brokenLinks(file)).toEqual([]);
    const pkg = await openPackageFile(file);
    const sheetXml = await pkg.text(await worksheetPart(pkg, SHEET));
    expect(sheetXml).toMatch(/<drawing r:id="[^"]+"\/><\/worksheet>|<drawing r:id="[^"]+"\/><(tableParts|extLst)/);
    const chartXml = await pkg.text('xl/charts/chart1.xml');
    expect(chartXml).toContain(`<c:f>'${SHEET}'!$B$2</c:f>`);
    expect(chartXml).toContain(`<c:f>'${SHEET}'!$A$3:$A$5</c:f>`);
    expect(chartXml).toContain(`<c:f>'${SHEET}'!$D$3:$D$5</c:f>`);
  });

  it.runIf(haveOffice)(
    'is drawn when LibreOffice prints it and kept when LibreOffice saves the workbook',
    async () => {
      const pages = await printedPages(await convert(file, path.join(dir, 'pdf')));
      const text = pages.map((p) => p.text).join(' ');
      // The chart's own title and legend are text only the chart draws.
      expect(text).toContain(chart.title);
      const resaved = await convert(file, path.join(dir, 'lai'), 'xlsx');
      const pkg = await openPackageFile(resaved);
      const charts = pkg.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
      expect(charts.length).toBe(1);
      expect(await pkg.text(charts[0]!)).toContain('$D$3:$D$5');
      expect(await brokenLinks(resaved)).toEqual([]);
    },
    300_000,
  );
});
