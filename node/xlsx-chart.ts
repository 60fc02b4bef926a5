// A native column chart in an .xlsx written by exceljs, which cannot write charts: the DrawingML parts
// (xl/charts/chartN.xml, xl/drawings/drawingN.xml, their relationships and content types) are added to
// the written package. The chart reads its figures from the sheet's cells, so Excel and LibreOffice
// redraw it when the cells change; the cached values let a viewer show it before any recalculation.
import { PackageParts } from './zip-parts.js';

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
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const TYPES = {
  drawingRel: `${NS.rel}/drawing`,
  chartRel: `${NS.rel}/chart`,
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
/** Series colours: blue, green, orange — told apart in grey print too. */
export const SERIES_COLOURS = ['2E75B6', '70AD47', 'ED7D31', '7F7F7F'];
const FONT = 'Times New Roman';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
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

const relsXml = (rels: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rels.join('')}</Relationships>`;
const relXml = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;

/** The worksheet part of a sheet, through workbook.xml and its relationships. */
export function worksheetPart(parts: PackageParts, sheet: string): string {
  const workbook = parts.text('xl/workbook.xml') ?? '';
  const rels = parts.text('xl/_rels/workbook.xml.rels') ?? '';
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${esc(sheet)}"`));
  const rid = tag && /\br:id="([^"]+)"/.exec(tag)?.[1];
  const rel =
    rid && [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`Sổ không có trang "${sheet}".`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');

/** A relationship id not yet used in a relationships part. */
function freeId(rels: string, stem: string): string {
  let n = 1;
  while (rels.includes(`Id="${stem}${n}"`)) n++;
  return `${stem}${n}`;
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

function nextIndex(parts: PackageParts, dir: string, stem: string): number {
  let n = 1;
  while (parts.has(`xl/${dir}/${stem}${n}.xml`)) n++;
  return n;
}

/** Adds the charts to their sheets (at most one drawing per sheet: charts of a sheet share it). */
export function addCharts(parts: PackageParts, charts: ColumnChart[]): void {
  const bySheet = new Map<string, ColumnChart[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  for (const [sheet, list] of bySheet) {
    const sheetPart = worksheetPart(parts, sheet);
    const sheetXml = parts.text(sheetPart)!;
    if (sheetXml.includes('<drawing ')) throw new Error(`Trang "${sheet}" đã có hình vẽ.`);
    const d = nextIndex(parts, 'drawings', 'drawing');
    const drawingPart = `xl/drawings/drawing${d}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    for (const [i, chart] of list.entries()) {
      const n = nextIndex(parts, 'charts', 'chart');
      parts.set(`xl/charts/chart${n}.xml`, chartXml(chart));
      addContentType(parts, `/xl/charts/chart${n}.xml`, TYPES.chart);
      drawingRels.push(relXml(`rId${i + 1}`, TYPES.chartRel, `../charts/chart${n}.xml`));
      anchors.push(drawingXml(chart, `rId${i + 1}`, i + 1));
    }
    parts.set(drawingPart, mergeAnchors(anchors));
    parts.set(relsOf(drawingPart), relsXml(drawingRels));
    addContentType(parts, `/${drawingPart}`, TYPES.drawing);
    const sheetRels = parts.text(relsOf(sheetPart)) ?? relsXml([]);
    const rid = freeId(sheetRels, 'rIdDrawing');
    parts.set(
      relsOf(sheetPart),
      sheetRels.replace(
        '</Relationships>',
        () => `${relXml(rid, TYPES.drawingRel, `../drawings/drawing${d}.xml`)}</Relationships>`,
      ),
    );
    parts.set(sheetPart, withDrawing(sheetXml, rid));
  }
}

/** One drawing part holding every anchor of the sheet. */
function mergeAnchors(drawings: string[]): string {
  const anchor = (x: string) => /<xdr:twoCellAnchor[\s\S]*<\/xdr:twoCellAnchor>/.exec(x)![0];
  return drawings[0]!.replace(/<xdr:twoCellAnchor[\s\S]*<\/xdr:twoCellAnchor>/, () => drawings.map(anchor).join('\n'));
}

function addContentType(parts: PackageParts, partName: string, type: string): void {
  const types = parts.text('[Content_Types].xml')!;
  if (types.includes(`PartName="${partName}"`)) return;
  parts.set(
    '[Content_Types].xml',
    types.replace('</Types>', () => `<Override PartName="${partName}" ContentType="${type}"/></Types>`),
  );
}

/** Adds the charts to the .xlsx at `file`, rewriting it in place. */
export async function addChartsToFile(file: string, charts: ColumnChart[]): Promise<void> {
  if (charts.length === 0) return;
  const parts = await PackageParts.open(file);
  addCharts(parts, charts);
  await parts.save(file);
}
