// Notes on cells, as Excel stores them: a comments part listing the texts, and the legacy VML drawing whose
// hidden shapes Excel (and LibreOffice) need to show them, both related from the sheet, which points at the
// drawing with <legacyDrawing>. A sheet that already has notes keeps them: ours are added to its parts, and
// on a cell that already has a note our text is added under the unit's.
import { cellRef } from './facts.js';
import { insertBeforeClose, REL_NS, REL_TYPE, tags, type Package } from './package.js';
import { escapeText, nsPrefix, prefixOf } from './xml-edit.js';
import { attr } from './xml-scan.js';

export interface CellNote {
  row: number;
  col: number;
  text: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CONTENT = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};
/** Elements that follow <legacyDrawing> in a worksheet (ECMA-376 §18.3.1.99): it goes before the first. */
const AFTER_LEGACY = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

const run = (p: string, text: string) => `<${p}r><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;

/** Adds the notes to a sheet; returns the sheet's XML with its <legacyDrawing> when it had none. */
export async function addNotes(
  pkg: Package,
  sheetPart: string,
  sheetXml: string,
  author: string,
  notes: CellNote[],
): Promise<string> {
  const rels = await pkg.rels(sheetPart);
  const commentsRel = rels.find((r) => !r.external && r.type.endsWith(REL_TYPE.comments));
  const legacy = [...tags(sheetXml, 'legacyDrawing')][0];
  const vmlPart = legacy && rels.find((r) => r.id === attr(legacy.attrs, 'id'))?.target;
  const commentsPart = commentsRel?.target ?? pkg.freeName('xl/comments#.xml');
  const fresh = await writeComments(pkg, commentsPart, author, notes);
  if (!commentsRel) {
    await pkg.addRel(sheetPart, REL_TYPE.comments, commentsPart);
    await pkg.addContentType(commentsPart, CONTENT.comments);
  }
  if (vmlPart) {
    pkg.set(vmlPart, appendShapes(await pkg.text(vmlPart), fresh));
    return sheetXml;
  }
  const newVml = pkg.freeName('xl/drawings/vmlDrawing#.vml');
  pkg.set(newVml, vmlDrawing(Number(/(\d+)\.vml$/.exec(newVml)![1]), fresh));
  await pkg.addContentType('.vml', CONTENT.vml);
  const id = await pkg.addRel(sheetPart, REL_TYPE.vmlDrawing, newVml);
  return withLegacyDrawing(sheetXml, id);
}

/** Writes the notes into the comments part; returns the cells that had none (they need a shape). */
async function writeComments(pkg: Package, part: string, author: string, notes: CellNote[]): Promise<CellNote[]> {
  let xml = await pkg.text(part);
  if (!xml)
    xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
  const p = prefixOf(xml, 'comments');
  const authors = [...xml.matchAll(new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>`, 'g'))].map((m) => m[1]);
  let authorId = authors.indexOf(escapeText(author));
  if (authorId < 0) {
    authorId = authors.length;
    xml = xml.replace(
      new RegExp(`(</${p}authors>|<${p}authors\\s*/>)`),
      `<${p}author>${escapeText(author)}</${p}author></${p}authors>`,
    );
    if (!xml.includes(`<${p}authors>`)) xml = xml.replace(`<${p}author>`, `<${p}authors><${p}author>`);
  }
  const fresh: CellNote[] = [];
  const added: string[] = [];
  for (const n of notes) {
    const ref = cellRef(n.row, n.col);
    const theirs = new RegExp(`(<${p}comment\\b[^>]*\\sref="${ref}"[^>]*>[\\s\\S]*?)(</${p}text>)`).exec(xml);
    if (theirs) {
      xml =
        xml.slice(0, theirs.index) + theirs[1] + run(p, `\n${n.text}`) + xml.slice(theirs.index + theirs[1]!.length);
      continue;
    }
    fresh.push(n);
    added.push(`<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${run(p, n.text)}</${p}text></${p}comment>`);
  }
  xml = /<(?:[\w.-]+:)?commentList\s*\/>/.test(xml)
    ? xml.replace(/<((?:[\w.-]+:)?)commentList\s*\/>/, `<$1commentList>${added.join('')}</$1commentList>`)
    : xml.replace(new RegExp(`</${p}commentList>`), `${added.join('')}</${p}commentList>`);
  pkg.set(part, xml);
  return fresh;
}

/** One hidden note shape, anchored beside its cell as Excel anchors a new note. */
function shape(id: number, n: CellNote): string {
  const anchor = [n.col + 1, 15, Math.max(0, n.row - 1), 10, n.col + 3, 15, n.row + 3, 4].join(', ');
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:74pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

function vmlDrawing(block: number, notes: CellNote[]): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    notes.map((n, i) => shape(block * 1024 + 1 + i, n)).join('') +
    '</xml>'
  );
}

/** Our shapes added to a drawing the sheet already has (its form controls or notes), with unused ids. */
function appendShapes(vml: string, notes: CellNote[]): string {
  const used = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  const first = Math.max(1024, ...used) + 1;
  const type = vml.includes('id="_x0000_t202"')
    ? ''
    : '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
  return insertBeforeClose(vml, 'xml', type + notes.map((n, i) => shape(first + i, n)).join(''));
}

/** The sheet with <legacyDrawing r:id> where the schema's order puts it. */
function withLegacyDrawing(xml: string, id: string): string {
  const p = prefixOf(xml, 'worksheet');
  const r = nsPrefix(xml, REL_NS);
  const element = r ? `<${p}legacyDrawing ${r}:id="${id}"/>` : `<${p}legacyDrawing xmlns:r="${REL_NS}" r:id="${id}"/>`;
  const data = new RegExp(`</${p}sheetData>|<${p}sheetData\\b[^>]*/>`).exec(xml);
  const at = data ? firstChildOf(xml, AFTER_LEGACY, data.index + data[0].length) : -1;
  return at >= 0 ? xml.slice(0, at) + element + xml.slice(at) : insertBeforeClose(xml, 'worksheet', element);
}

/** Where the first of the worksheet's own children named in `names` starts, looking from `from` (a point
 *  between two of its children); -1 when none. Nested elements of the same name (a rule's extLst) are not it. */
function firstChildOf(xml: string, names: string[], from: number): number {
  const tag = /<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g;
  tag.lastIndex = Math.max(0, from);
  let depth = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1]) {
      if (--depth < 0) return -1;
    } else if (depth === 0 && names.includes(m[2]!)) return m.index;
    else if (!m[3]) depth++;
  }
  return -1;
}
