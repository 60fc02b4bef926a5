// A native column chart in an .xlsx written by exceljs, which cannot write charts: the DrawingML parts
// (xl/charts/chartN.xml, xl/drawings/drawingN.xml, their relationships and content types) are added to
// the written package. The chart reads its figures from the sheet's cells, so Excel and LibreOffice
// redraw it when the cells change; the cached values let a viewer show it before any recalculation.
import { columnName } from '../ooxml/facts.js';
import type { Package } from '../ooxml/package.js';
import { escapeXml as esc } from '../ooxml/xml-edit.js';
import { openPackageFile, savePackageFile } from './zip-codec.js';

/** A column chart over a table of a sheet: categories down one column, one series per column. */
export interface ColumnChart {
  sheet: string;
  title: string;
  /** 0-based row holding the series names (the table's header). */
  headerRow: number;
  /** 0-based rows of the categories, first to last. */
  firstRow: number;
  lastRow: number;
  /** 0-based column of the category labels. */
  categoryColumn: number;
  series: { column: number; name: string; values: number[] }[];
  categories: string[];
  /** Height of the room it is drawn in, in points (the master's row; the Sheet's row is made as tall). */
  height: number;
  /** The cells it covers, 0-based; `to` is the first row and column past it. */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

const NS = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
/** Series colours: blue, green, orange — told apart in grey print too. */
export const SERIES_COLOURS = ['2E75B6', '70AD47', 'ED7D31', '7F7F7F'];
const FONT = 'Times New Roman';

const cell = (sheet: string, col: number, row: number) =>
  `'${sheet.replace(/'/g, "''")}'!$${columnName(col)}$${row + 1}`;
const range = (sheet: string, col: number, first: number, last: number) =>
  `${cell(sheet, col, first)}:$${columnName(col)}$${last + 1}`;

const strCache = (values: string[]) =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
const numCache = (values: number[]) =>
  `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache>`;
const text = (size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;

function seriesXml(chart: ColumnChart, s: ColumnChart['series'][number], i: number): string {
  const { sheet } = chart;
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>
<c:tx><c:strRef><c:f>${esc(cell(sheet, s.column, chart.headerRow))}</c:f>${strCache([s.name])}</c:strRef></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></a:solidFill></c:spPr>
<c:invertIfNegative val="0"/>
<c:dLbls>${text(10, true)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>
<c:cat><c:strRef><c:f>${esc(range(sheet, chart.categoryColumn, chart.firstRow, chart.lastRow))}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>
<c:val><c:numRef><c:f>${esc(range(sheet, s.column, chart.firstRow, chart.lastRow))}</c:f>${numCache(s.values)}</c:numRef></c:val>
</c:ser>`;
}

/** The chart part: a clustered column chart, value labels on the columns, legend below. */
export function chartXml(chart: ColumnChart): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">
<c:lang val="vi-VN"/><c:roundedCorners val="0"/>
<c:chart>
<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:rPr><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/>
<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
${chart.series.map((s, i) => seriesXml(chart, s, i)).join('\n')}
<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>
<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(10)}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(10)}<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>
</c:plotArea>
<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(10)}</c:legend>
<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>
</c:chart>
${text(10)}
</c:chartSpace>`;
}

function drawingXml(chart: ColumnChart, chartRel: string, id: number): string {
  const at = (p: { row: number; col: number }) =>
    `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">
<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(chart.from)}</xdr:from><xdr:to>${at(chart.to)}</xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>
<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.rel}" r:id="${chartRel}"/></a:graphicData></a:graphic>
</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>
</xdr:wsDr>`;
}

/** The worksheet part of a sheet, found through the workbook's relationships. */
export async function worksheetPart(pkg: Package, sheet: string): Promise<string> {
  const part = (await pkg.worksheets()).find((w) => w.name === sheet)?.part;
  if (!part) throw new Error(`Sổ không có trang "${sheet}".`);
  return part;
}

// Elements a worksheet may hold after <drawing>, in schema order: the drawing goes before the first present.
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

function withDrawing(sheetXml: string, rid: string): string {
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml))
    xml = xml.replace(/<worksheet\b/, () => `<worksheet xmlns:r="${NS.rel}"`);
  const at = Math.min(...AFTER_DRAWING.map((t) => xml.indexOf(t)).filter((i) => i >= 0));
  return `${xml.slice(0, at)}<drawing r:id="${rid}"/>${xml.slice(at)}`;
}

/** Adds the charts to their sheets (at most one drawing per sheet: charts of a sheet share it). */
export async function addCharts(pkg: Package, charts: ColumnChart[]): Promise<void> {
  const bySheet = new Map<string, ColumnChart[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  for (const [sheet, list] of bySheet) {
    const sheetPart = await worksheetPart(pkg, sheet);
    const sheetXml = await pkg.text(sheetPart);
    if (sheetXml.includes('<drawing ')) throw new Error(`Trang "${sheet}" đã có hình vẽ.`);
    const drawingPart = pkg.freeName('xl/drawings/drawing#.xml');
    const anchors: string[] = [];
    for (const [i, chart] of list.entries()) {
      const chartPart = pkg.freeName('xl/charts/chart#.xml');
      pkg.set(chartPart, chartXml(chart));
      await pkg.addContentType(chartPart, TYPES.chart);
      anchors.push(drawingXml(chart, await pkg.addRel(drawingPart, '/chart', chartPart), i + 1));
    }
    pkg.set(drawingPart, mergeAnchors(anchors));
    await pkg.addContentType(drawingPart, TYPES.drawing);
    const rid = await pkg.addRel(sheetPart, '/drawing', drawingPart);
    pkg.set(sheetPart, withDrawing(sheetXml, rid));
  }
}

/** One drawing part holding every anchor of the sheet. */
function mergeAnchors(drawings: string[]): string {
  const anchor = (x: string) => /<xdr:twoCellAnchor[\s\S]*<\/xdr:twoCellAnchor>/.exec(x)![0];
  return drawings[0]!.replace(/<xdr:twoCellAnchor[\s\S]*<\/xdr:twoCellAnchor>/, () => drawings.map(anchor).join('\n'));
}

/** Adds the charts to the .xlsx at `file`, rewriting it in place (the caller's temporary file). */
export async function addChartsToFile(file: string, charts: ColumnChart[]): Promise<void> {
  if (charts.length === 0) return;
  const pkg = await openPackageFile(file);
  await addCharts(pkg, charts);
  await savePackageFile(pkg, file);
}
