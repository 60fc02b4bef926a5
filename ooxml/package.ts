// An OOXML package (xlsx) to patch: parts read as text on demand, parts replaced or added, and every part
// left alone written back exactly as it came. Parts are found as the format says, through relationships
// (the workbook from the package's root, its sheets, styles and shared strings from the workbook), and
// names compare case-insensitively, as Office compares them.
import { attr, xmlDecoder, XmlScanner, type XmlHandler } from './xml-scan.js';
import { escapeXml } from './xml-edit.js';
import { entryData, entryPieces, newEntry, readZip, writeZip, type ZipCodec, type ZipEntry } from './zip.js';

export const REL_TYPE = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
  comments: '/comments',
  vmlDrawing: '/vmlDrawing',
} as const;

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = '[Content_Types].xml';

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to, resolved to a package path without a leading slash. */
  target: string;
  external: boolean;
}

/** A part name as the package map keys it: no leading slash, forward slashes, lower case. */
export const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/** The relationships part of a part ('' is the package itself). */
export const relsOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** A relationship target resolved against the folder of the part that holds it. */
export function resolveTarget(from: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : from.slice(0, from.lastIndexOf('/') + 1) + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The target to write in `from`'s relationships for the part `to`. */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let same = 0;
  while (same < a.length && same < b.length - 1 && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => '..'), ...b.slice(same)].join('/');
}

/** Each element `<name …>` or `<name …/>` (any namespace prefix) of an XML text, with its raw attributes. */
export function* tags(xml: string, name: string): Generator<{ attrs: string; at: number; end: number }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs = m[1]!.endsWith('/') ? m[1]!.slice(0, -1) : m[1]!;
    yield { attrs, at: m.index, end: m.index + m[0].length };
  }
}

/** How a part's text is decoded. */
export interface PackageOptions {
  /** What a byte sequence that is not UTF-8 becomes when a part is read (scan): 'error' (the default) refuses the part, so our own
   *  master is never read as something it does not say; 'replace' reads it as U+FFFD, for a clerk's file,
   *  which is read as Excel shows it rather than refused for one stray byte. */
  badText?: 'error' | 'replace';
}

export class Package {
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  /** The name each added part is written under, as its creator spelled it. */
  private readonly added = new Map<string, string>();

  private constructor(
    private readonly entries: Map<string, ZipEntry>,
    private readonly codec: ZipCodec,
    private readonly fatal: boolean,
  ) {}

  static open(bytes: Uint8Array, codec: ZipCodec, opts: PackageOptions = {}): Package {
    const entries = new Map(readZip(bytes).map((e) => [partKey(e.name), e]));
    return new Package(entries, codec, (opts.badText ?? 'error') === 'error');
  }

  /** Every part's name as written in the package, in its order; added parts last. */
  names(): string[] {
    return [...[...this.entries.values()].map((e) => e.name), ...[...this.added.values()]];
  }

  has(part: string): boolean {
    return this.texts.has(partKey(part)) || this.entries.has(partKey(part));
  }

  /** A part's text ('' when absent). */
  async text(part: string): Promise<string> {
    const key = partKey(part);
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const entry = this.entries.get(key);
    if (!entry) return '';
    const data = await entryData(entry, this.codec);
    // Lenient, as a clerk's file is patched as its program wrote it (see PackageOptions.badText).
    const text = xmlDecoder(data, false).decode(data);
    this.texts.set(key, text);
    return text;
  }

  /** Streams a part's XML through a scanner, decoded a piece at a time (never one string of the whole part,
   *  and never inflated whole when the codec streams); damaged text is an error or U+FFFD as the package was
   *  opened (PackageOptions.badText); its size and CRC checked when it is read to the end. False when absent. */
  async scan(part: string, handler: XmlHandler): Promise<boolean> {
    const key = partKey(part);
    const scanner = new XmlScanner(handler, { fatal: this.fatal });
    const edited = this.texts.get(key);
    const entry = edited === undefined ? this.entries.get(key) : undefined;
    if (edited !== undefined) scanner.write(edited);
    if (!entry) return edited !== undefined;
    for await (const piece of entryPieces(entry, this.codec)) {
      scanner.write(piece);
      if (scanner.done) return true;
    }
    scanner.end();
    return true;
  }

  /** A part's bytes as its program wrote them, inflated; undefined when absent. Parts set() are not here. */
  async bytes(part: string): Promise<Uint8Array | undefined> {
    const entry = this.entries.get(partKey(part));
    return entry && entryData(entry, this.codec);
  }

  /** Replaces or adds a part. */
  set(part: string, text: string): void {
    const key = partKey(part);
    this.texts.set(key, text);
    this.changed.add(key);
    if (!this.entries.has(key)) this.added.set(key, part.replace(/^\/+/, ''));
  }

  /** A part name not yet taken, from a pattern such as "xl/comments#.xml". */
  freeName(pattern: string): string {
    for (let n = 1; ; n++) {
      const name = pattern.replace('#', String(n));
      if (!this.has(name)) return name;
    }
  }

  async rels(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsOf(part));
    return [...tags(xml, 'Relationship')].map(({ attrs }) => {
      const external = attr(attrs, 'TargetMode') === 'External';
      const target = attr(attrs, 'Target') ?? '';
      return {
        id: attr(attrs, 'Id') ?? '',
        type: attr(attrs, 'Type') ?? '',
        target: external ? target : resolveTarget(part, target),
        external,
      };
    });
  }

  async relOfType(part: string, type: string): Promise<Relationship | undefined> {
    return (await this.rels(part)).find((r) => !r.external && r.type.endsWith(type));
  }

  /** Adds a relationship from `part` to `target` and returns its id. */
  async addRel(part: string, type: string, target: string): Promise<string> {
    const relsPart = relsOf(part);
    const taken = new Set((await this.rels(part)).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const line = `<Relationship Id="${id}" Type="${REL_NS}${type}" Target="${escapeXml(relativeTarget(part, target))}"/>`;
    const xml = await this.text(relsPart);
    this.set(
      relsPart,
      xml
        ? insertBeforeClose(xml, 'Relationships', line)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}">${line}</Relationships>`,
    );
    return id;
  }

  /** Declares a part's content type (an Override), or an extension's (a Default) when `part` starts with ".". */
  async addContentType(part: string, type: string): Promise<void> {
    const xml = await this.text(CONTENT_TYPES);
    const isDefault = part.startsWith('.');
    const key = isDefault ? part.slice(1).toLowerCase() : `/${partKey(part)}`;
    for (const t of tags(xml, isDefault ? 'Default' : 'Override')) {
      const v = attr(t.attrs, isDefault ? 'Extension' : 'PartName') ?? '';
      if (v.toLowerCase() === key) return;
    }
    const line = isDefault
      ? `<Default Extension="${key}" ContentType="${type}"/>`
      : `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
    this.set(CONTENT_TYPES, insertBeforeClose(xml, 'Types', line));
  }

  /** The workbook part, found from the package's root relationships. */
  async workbookPart(): Promise<string> {
    return (await this.relOfType('', REL_TYPE.officeDocument))?.target ?? 'xl/workbook.xml';
  }

  /** The worksheets by name, in the workbook's order, each with its part. */
  async worksheets(): Promise<{ name: string; part: string; rid: string }[]> {
    const workbook = await this.workbookPart();
    const rels = await this.rels(workbook);
    return [...tags(await this.text(workbook), 'sheet')].flatMap(({ attrs }) => {
      const rid = attr(attrs, 'id') ?? '';
      const rel = rels.find((r) => r.id === rid);
      return rel && rel.type.endsWith(REL_TYPE.worksheet) && this.has(rel.target)
        ? [{ name: attr(attrs, 'name') ?? '', part: rel.target, rid }]
        : [];
    });
  }

  /** The package as bytes: changed and added parts deflated anew, every other entry copied as it came. */
  async save(): Promise<Uint8Array> {
    const enc = new TextEncoder();
    const out: ZipEntry[] = [];
    const written = new Set<string>();
    for (const [key, entry] of this.entries) {
      written.add(key);
      out.push(
        this.changed.has(key) ? await newEntry(entry.name, enc.encode(this.texts.get(key)!), this.codec, entry) : entry,
      );
    }
    for (const [key, name] of this.added)
      if (!written.has(key)) out.push(await newEntry(name, enc.encode(this.texts.get(key)!), this.codec));
    return writeZip(out);
  }
}

/** Inserts `content` just before the closing tag of the document's root `name` (any prefix). */
export function insertBeforeClose(xml: string, name: string, content: string): string {
  const m = new RegExp(`</(?:[\\w.-]+:)?${name}>\\s*$`).exec(xml);
  if (!m) throw new Error(`no </${name}>`);
  return xml.slice(0, m.index) + content + xml.slice(m.index);
}
