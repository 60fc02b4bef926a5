// Thống kê's chart in the Google Sheet: the same column chart the master carries (node/xlsx-chart.ts), built
// from the same description (sync/master/stats.ts), so it reads the same cells of the tab push just wrote.
// Each push removes the chart it drew before and draws it again over the rows as they are now, so a
// re-push never stacks a second chart and a table that grew a row is still read whole.
import type { sheets_v4 } from './api.js';
import { SERIES_COLOURS, type ColumnChart } from '../../node/xlsx-chart.js';

/** Sheets measures rows in pixels; the master's room row is in points. */
const PIXELS_PER_POINT = 96 / 72;
/** Sheets' default column width: the chart spans the table's columns as a fresh tab draws them. */
const DEFAULT_COLUMN_PIXELS = 100;

const gridRange = (sheetId: number, chart: ColumnChart, column: number): sheets_v4.Schema$GridRange => ({
  sheetId,
  // The header row comes first: with headerCount 1 it names each series (and the category column).
  startRowIndex: chart.headerRow,
  endRowIndex: chart.lastRow + 1,
  startColumnIndex: column,
  endColumnIndex: column + 1,
});

const rgb = (hex: string): sheets_v4.Schema$Color => ({
  red: parseInt(hex.slice(0, 2), 16) / 255,
  green: parseInt(hex.slice(2, 4), 16) / 255,
  blue: parseInt(hex.slice(4, 6), 16) / 255,
});

/** The chart as Sheets draws it: clustered columns, value labels, legend below, over the room row. */
export function sheetsChart(chart: ColumnChart, sheetId: number): sheets_v4.Schema$EmbeddedChart {
  const font = { fontFamily: 'Times New Roman', fontSize: 10 };
  return {
    spec: {
      title: chart.title,
      titleTextFormat: { ...font, fontSize: 12, bold: true },
      fontName: font.fontFamily,
      basicChart: {
        chartType: 'COLUMN',
        legendPosition: 'BOTTOM_LEGEND',
        headerCount: 1,
        axis: [{ position: 'BOTTOM_AXIS' }, { position: 'LEFT_AXIS' }],
        domains: [{ domain: { sourceRange: { sources: [gridRange(sheetId, chart, chart.categoryColumn)] } } }],
        series: chart.series.map((s, i) => ({
          series: { sourceRange: { sources: [gridRange(sheetId, chart, s.column)] } },
          targetAxis: 'LEFT_AXIS',
          colorStyle: { rgbColor: rgb(SERIES_COLOURS[i % SERIES_COLOURS.length]!) },
          dataLabel: { type: 'DATA', placement: 'OUTSIDE_END', textFormat: { ...font, bold: true } },
        })),
      },
    },
    position: {
      overlayPosition: {
        anchorCell: { sheetId, rowIndex: chart.from.row, columnIndex: chart.from.col },
        widthPixels: (chart.to.col - chart.from.col) * DEFAULT_COLUMN_PIXELS,
        heightPixels: roomPixels(chart),
      },
    },
  };
}

const roomPixels = (chart: ColumnChart) => Math.round(chart.height * PIXELS_PER_POINT);

/**
 * One batch: delete the charts of that title push drew before (on any tab: a renamed tab keeps them), make
 * the room row as tall as the chart so it covers no table below, and add the chart.
 */
export function chartRequests(
  chart: ColumnChart,
  sheets: sheets_v4.Schema$Sheet[],
): sheets_v4.Schema$Request[] | undefined {
  const sheetId = sheets.find((s) => s.properties?.title === chart.sheet)?.properties?.sheetId;
  if (sheetId === undefined || sheetId === null) return undefined;
  const previous = sheets.flatMap((s) => s.charts ?? []).filter((c) => c.spec?.title === chart.title);
  return [
    ...previous.map((c) => ({ deleteEmbeddedObject: { objectId: c.chartId } })),
    {
      updateDimensionProperties: {
        range: { sheetId, dimension: 'ROWS', startIndex: chart.from.row, endIndex: chart.from.row + 1 },
        properties: { pixelSize: roomPixels(chart) },
        fields: 'pixelSize',
      },
    },
    { addChart: { chart: sheetsChart(chart, sheetId) } },
  ];
}
