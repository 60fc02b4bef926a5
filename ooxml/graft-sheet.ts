// A worksheet brought from one package into another, as the first sheet and the one that opens: the merge
// writes its Phản hồi sheet on its own, then puts it in front of the unit's marked workbook. The sheet comes
// with its formats (appended to the unit's styles) and its texts (written inline, so the unit's shared
// strings stay as they were); the unit's parts change only where a new first sheet must be named: the
// workbook's sheet list, its print areas' sheet numbers, which tab opens, and which tab is selected.
import { REL_NS, REL_TYPE, tags, type Package } from './package.js';
import { StyleBook, styleIndex } from './styles-patch.js';
import { escapeXml, nsPrefix, prefixOf, setAttr } from './xml-edit.js';
import { attr } from './xml-scan.js';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The shared strings of a package, each as the XML inside its <si>. */
async function sharedStrings(pkg: Package): Promise<string[]> {
  const rel = await pkg.relOfType(await pkg.workbookPart(), REL_TYPE.sharedStrings);
  const xml = rel ? await pkg.text(rel.target) : '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? '');
}

/** The source sheet with inline texts and the target's format indices. */
function translate(xml: string, strings: string[], formats: number[]): string {
  const restyle = (attrs: string, name: string) => {
    const s = styleIndex(attrs, name);
    return s === undefined ? attrs : setAttr(attrs, name, String(formats[s] ?? formats[0] ?? 0));
  };
  return xml
    .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end, inner: string | undefined) => {
      const a = restyle(attrs, 's');
      if (attr(attrs, 't') !== 's' || inner === undefined) return whole.replace(attrs, a);
      const index = Number(/<v>(\d+)<\/v>/.exec(inner)?.[1]);
      return `<c${setAttr(a, 't', 'inlineStr')}><is>${strings[index] ?? ''}</is></c>`;
    })
    .replace(/<row\b([^>]*)>/g, (_, attrs: string) => `<row${restyle(attrs, 's')}>`)
    .replace(/<col\b([^>]*)>/g, (_, attrs: string) => `<col${restyle(attrs, 'style')}>`);
}

/** Puts `source`'s first worksheet, named `name`, in front of `target`'s sheets, opening on it. */
export async function graftFirstSheet(target: Package, source: Package, name: string): Promise<void> {
  const [sheet] = await source.worksheets();
  if (!sheet) throw new Error('no sheet to graft');
  const styles = await StyleBook.open(target);
  const stylesRel = await source.relOfType(await source.workbookPart(), REL_TYPE.styles);
  const formats = styles.adopt(stylesRel ? await source.text(stylesRel.target) : '');
  const xml = translate(await source.text(sheet.part), await sharedStrings(source), formats);
  if (/\sr:id=/.test(xml)) throw new Error('the grafted sheet refers to parts of its own');
  await deselectTabs(target);
  const part = target.freeName('xl/worksheets/sheet#.xml');
  target.set(part, xml);
  await target.addContentType(part, WORKSHEET_TYPE);
  const workbook = await target.workbookPart();
  const rid = await target.addRel(workbook, REL_TYPE.worksheet, part);
  target.set(workbook, firstInWorkbook(await target.text(workbook), name, rid));
  styles.save();
}

/** Only the new first sheet is selected: several selected tabs would group them in Excel. */
async function deselectTabs(pkg: Package): Promise<void> {
  for (const { part } of await pkg.worksheets()) {
    const xml = await pkg.text(part);
    const next = xml.replace(/(<(?:[\w.-]+:)?sheetView\b[^>]*?)\s+tabSelected\s*=\s*["'](?:1|true)["']/g, '$1');
    if (next !== xml) pkg.set(part, next);
  }
}

/** The workbook part with the sheet listed first: sheet-local names shift by one, and it opens there. */
function firstInWorkbook(xml: string, name: string, rid: string): string {
  const p = prefixOf(xml, 'workbook');
  const r = nsPrefix(xml, REL_NS);
  const ids = [...tags(xml, 'sheet')].map((t) => Number(attr(t.attrs, 'sheetId')) || 0);
  const idAttr = r ? `${r}:id="${rid}"` : `xmlns:r="${REL_NS}" r:id="${rid}"`;
  const element = `<${p}sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" ${idAttr}/>`;
  const sheets = new RegExp(`<${p}sheets\\b[^>]*>`).exec(xml);
  if (!sheets) throw new Error('no sheet list');
  // A sheet of that name already there (a feedback workbook sent back) keeps its content under another name.
  for (const t of tags(xml, 'sheet'))
    if ((attr(t.attrs, 'name') ?? '').toLowerCase() === name.toLowerCase())
      xml = xml.slice(0, t.at) + `<${p}sheet${setAttr(t.attrs, 'name', `${name} (trước)`)}/>` + xml.slice(t.end);
  let out = xml.slice(0, sheets.index + sheets[0].length) + element + xml.slice(sheets.index + sheets[0].length);
  out = out.replace(
    /(<(?:[\w.-]+:)?definedName\b[^>]*?\slocalSheetId\s*=\s*["'])(\d+)(["'])/g,
    (_, a, n, b) => `${a}${Number(n) + 1}${b}`,
  );
  const view = new RegExp(`<${p}workbookView\\b([^>]*?)(/?)>`).exec(out);
  if (!view)
    return out.replace(sheets[0], `<${p}bookViews><${p}workbookView activeTab="0"/></${p}bookViews>${sheets[0]}`);
  const attrs = setAttr(setAttr(view[1]!, 'activeTab', '0'), 'firstSheet', undefined);
  return out.slice(0, view.index) + `<${p}workbookView${attrs}${view[2]}>` + out.slice(view.index + view[0].length);
}
