// Formats added to a workbook's styles without touching its own: a marked cell gets a copy of its own cell
// format (number format, font, border, alignment, protection kept) with a solid fill, and a sheet brought
// in from another workbook brings its formats along. Everything is appended after what the unit's program
// wrote, so every index already in use keeps its meaning.
import { REL_TYPE, type Package } from './package.js';
import { attr } from './xml-scan.js';
import { prefixOf, setAttr } from './xml-edit.js';

type Section = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs';
const SECTIONS: Section[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'];
const ITEM: Record<Section, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellXfs: 'xf',
};
/** The first custom number format id. */
const FIRST_CUSTOM_FORMAT = 164;

/** The elements of one section of a styles part, each whole. */
function items(xml: string, p: string, section: Section): string[] {
  const s = sectionOf(xml, p, section);
  if (!s) return [];
  const name = `${p}${ITEM[section]}`;
  return [...s.inner.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g'))].map(
    (m) => m[0],
  );
}

/** An element's opening tag with some attributes changed. */
function withAttrs(element: string, changes: Record<string, string | undefined>): string {
  const open = /^<([\w.:-]+)([^>]*?)(\/?)>/.exec(element)!;
  let attrs = open[2]!;
  for (const [name, value] of Object.entries(changes)) attrs = setAttr(attrs, name, value);
  return `<${open[1]}${attrs}${open[3]}>${element.slice(open[0].length)}`;
}

export class StyleBook {
  private readonly added: Record<Section, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly base: Record<Section, string[]>;
  private readonly fillIds = new Map<string, number>();
  private readonly xfIds = new Map<string, number>();

  private constructor(
    private readonly pkg: Package,
    private readonly part: string,
    private readonly xml: string,
    private readonly p: string,
  ) {
    this.base = Object.fromEntries(SECTIONS.map((s) => [s, items(xml, p, s)])) as Record<Section, string[]>;
  }

  static async open(pkg: Package): Promise<StyleBook> {
    const part = (await pkg.relOfType(await pkg.workbookPart(), REL_TYPE.styles))?.target;
    if (!part || !pkg.has(part)) throw new Error('no styles part');
    const xml = await pkg.text(part);
    const p = prefixOf(xml, 'styleSheet');
    if (!sectionOf(xml, p, 'fills') || !sectionOf(xml, p, 'cellXfs'))
      throw new Error('styles without fills or cell formats');
    return new StyleBook(pkg, part, xml, p);
  }

  /** Appends an element to a section; returns its index there. */
  private add(section: Section, element: string): number {
    this.added[section].push(element);
    return this.base[section].length + this.added[section].length - 1;
  }

  /** Whether cell format `s` wraps its text (those added here keep their source's alignment). */
  wraps(s: number): boolean {
    const xfs = this.base.cellXfs;
    const xf = s < xfs.length ? xfs[s] : this.added.cellXfs[s - xfs.length];
    return /\bwrapText\s*=\s*["'](1|true)["']/.test(xf ?? '');
  }

  /** The index of a cell format like `s` but with a solid fill of `colour` ("#RRGGBB"). */
  withFill(s: number, colour: string): number {
    const key = `${s}\u0000${colour}`;
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    const p = this.p;
    const fillId =
      this.fillIds.get(colour) ??
      this.add(
        'fills',
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${colour.replace('#', '').toUpperCase()}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
    this.fillIds.set(colour, fillId);
    const base =
      this.base.cellXfs[s] ?? this.base.cellXfs[0] ?? `<${p}xf numFmtId="0" fontId="0" borderId="0" xfId="0"/>`;
    const id = this.add('cellXfs', withAttrs(base, { fillId: String(fillId), applyFill: '1' }));
    this.xfIds.set(key, id);
    return id;
  }

  /** Brings in every cell format of another styles part (with its fonts, fills, borders and number
   *  formats); returns where each of its formats now is. Its named cell styles are not brought: the
   *  formats hang on this workbook's Normal style. */
  adopt(styles: string): number[] {
    const sp = prefixOf(styles, 'styleSheet');
    // Elements written without a prefix into a prefixed part get the part's prefix.
    const own = (el: string) =>
      sp === this.p ? el : el.replace(new RegExp(`<(/?)${sp}(?=[\\w])`, 'g'), `<$1${this.p}`);
    const offset = (section: Section) => {
      const at = this.base[section].length + this.added[section].length;
      for (const el of items(styles, sp, section)) this.add(section, own(el));
      return at;
    };
    const [fonts, fills, borders] = [offset('fonts'), offset('fills'), offset('borders')];
    const formats = new Map<string, string>();
    let next =
      Math.max(
        FIRST_CUSTOM_FORMAT - 1,
        ...[...this.base.numFmts, ...this.added.numFmts].map((f) => Number(attr(f, 'numFmtId')) || 0),
      ) + 1;
    for (const f of items(styles, sp, 'numFmts')) {
      const id = String(next++);
      formats.set(attr(f, 'numFmtId') ?? '', id);
      this.add('numFmts', own(withAttrs(f, { numFmtId: id })));
    }
    const shift = (el: string, name: string, by: number) => String((Number(attr(el, name)) || 0) + by);
    return items(styles, sp, 'cellXfs').map((xf) => {
      const numFmt = attr(xf, 'numFmtId') ?? '0';
      return this.add(
        'cellXfs',
        own(
          withAttrs(xf, {
            numFmtId: formats.get(numFmt) ?? numFmt,
            fontId: shift(xf, 'fontId', fonts),
            fillId: shift(xf, 'fillId', fills),
            borderId: shift(xf, 'borderId', borders),
            xfId: '0',
          }),
        ),
      );
    });
  }

  /** Writes the styles part when formats were added. */
  save(): void {
    if (!SECTIONS.some((s) => this.added[s].length)) return;
    let xml = this.xml;
    for (const s of SECTIONS)
      if (this.added[s].length) xml = append(xml, this.p, s, this.added[s], this.base[s].length + this.added[s].length);
    this.pkg.set(this.part, xml);
  }
}

function sectionOf(xml: string, p: string, name: string): { open: RegExpExecArray; inner: string } | undefined {
  const open = new RegExp(`<${p}${name}\\b([^>]*?)(/?)>`).exec(xml);
  if (!open) return undefined;
  if (open[2]) return { open, inner: '' };
  const close = xml.indexOf(`</${p}${name}>`, open.index);
  return close < 0 ? undefined : { open, inner: xml.slice(open.index + open[0].length, close) };
}

/** Appends elements at the end of a section and sets its count; a missing numFmts section is created first
 *  in the part, where the schema wants it. */
function append(xml: string, p: string, name: Section, added: string[], count: number): string {
  const s = sectionOf(xml, p, name);
  if (!s) {
    const root = new RegExp(`<${p}styleSheet\\b[^>]*>`).exec(xml)!;
    const at = root.index + root[0].length;
    return `${xml.slice(0, at)}<${p}${name} count="${count}">${added.join('')}</${p}${name}>${xml.slice(at)}`;
  }
  const { open } = s;
  const attrs = setAttr(open[1]!, 'count', String(count));
  const after = open.index + open[0].length;
  const close = open[2] ? after : xml.indexOf(`</${p}${name}>`, open.index);
  const rest = open[2] ? `</${p}${name}>${xml.slice(after)}` : xml.slice(close);
  return `${xml.slice(0, open.index)}<${p}${name}${attrs}>${xml.slice(after, close)}${added.join('')}${rest}`;
}

/** The number of a style attribute value ("3" → 3; absent or odd → undefined). */
export const styleIndex = (attrs: string, name = 's'): number | undefined => {
  const v = attr(attrs, name);
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
};
