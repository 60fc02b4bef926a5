// Following an .xlsx package's relationships as Excel does: whether every link resolves, and which chart a
// sheet shows (sheet → drawing → chart), for the tests of charts added to workbooks exceljs wrote.
import path from 'node:path';
import { worksheetPart } from '../../node/xlsx-chart.js';
import { PackageParts } from '../../node/zip-parts.js';

/** The parts a part's relationships point to, resolved against the part's folder. */
function targets(parts: PackageParts, rels: string): { type: string; part: string }[] {
  // xl/worksheets/_rels/sheet2.xml.rels → xl/worksheets/; _rels/.rels → the package root.
  const base = rels.replace(/(^|\/)_rels\/[^/]*$/, '$1');
  return [...(parts.text(rels) ?? '').matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((r) => !r.includes('TargetMode="External"'))
    .map((r) => {
      const target = /Target="([^"]+)"/.exec(r)![1]!;
      return {
        type: /Type="([^"]+)"/.exec(r)![1]!,
        part: path.posix.normalize(target.startsWith('/') ? target.slice(1) : base + target),
      };
    });
}
const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');

/** Every relationship of every part names a part the package has, and every part a content type. */
export async function brokenLinks(xlsx: string): Promise<string[]> {
  const parts = await PackageParts.open(xlsx);
  const types = parts.text('[Content_Types].xml')!;
  const broken: string[] = [];
  for (const rels of parts.names().filter((n) => n.endsWith('.rels')))
    for (const t of targets(parts, rels)) if (!parts.has(t.part)) broken.push(`${rels} → ${t.part}`);
  // Folder entries (exceljs's Workbook writes them) are not parts.
  for (const name of parts.names().filter((n) => !n.endsWith('/'))) {
    const ext = name.split('.').pop()!;
    if (!types.includes(`PartName="/${name}"`) && !types.includes(`Extension="${ext}"`))
      broken.push(`${name}: no content type`);
  }
  return broken;
}

/** The chart parts' XML a sheet shows, reached through its drawing's relationships. */
export async function sheetCharts(xlsx: string, sheet: string): Promise<string[]> {
  const parts = await PackageParts.open(xlsx);
  const drawings = targets(parts, relsOf(worksheetPart(parts, sheet))).filter((t) => t.type.endsWith('/drawing'));
  return drawings
    .flatMap((d) => targets(parts, relsOf(d.part)).filter((t) => t.type.endsWith('/chart')))
    .map((c) => parts.text(c.part) ?? '');
}
