// Following an .xlsx package's relationships as Excel does: whether every link resolves, and which chart a
// sheet shows (sheet → drawing → chart), for the tests of charts added to workbooks exceljs wrote.
import { worksheetPart } from '../../node/xlsx-chart.js';
import { openPackageFile } from '../../node/zip-codec.js';
import type { Package } from '../../ooxml/package.js';

/** The part a relationships part belongs to ('' for the package's own). */
const ownerOf = (rels: string) => rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');

/** Every relationship of every part names a part the package has, and every part a content type. */
export async function brokenLinks(xlsx: string): Promise<string[]> {
  const pkg = await openPackageFile(xlsx);
  const types = await pkg.text('[Content_Types].xml');
  const broken: string[] = [];
  for (const rels of pkg.names().filter((n) => n.endsWith('.rels')))
    for (const r of await pkg.rels(ownerOf(rels)))
      if (!r.external && !pkg.has(r.target)) broken.push(`${rels} → ${r.target}`);
  // Folder entries (exceljs's Workbook writes them) are not parts.
  for (const name of pkg.names().filter((n) => !n.endsWith('/'))) {
    const ext = name.split('.').pop()!;
    if (!types.includes(`PartName="/${name}"`) && !types.includes(`Extension="${ext}"`))
      broken.push(`${name}: no content type`);
  }
  return broken;
}

const linked = async (pkg: Package, part: string, type: string) =>
  (await pkg.rels(part)).filter((r) => !r.external && r.type.endsWith(type)).map((r) => r.target);

/** The chart parts' XML a sheet shows, reached through its drawing's relationships. */
export async function sheetCharts(xlsx: string, sheet: string): Promise<string[]> {
  const pkg = await openPackageFile(xlsx);
  const charts: string[] = [];
  for (const drawing of await linked(pkg, await worksheetPart(pkg, sheet), '/drawing'))
    for (const chart of await linked(pkg, drawing, '/chart')) charts.push(await pkg.text(chart));
  return charts;
}
