// A streaming XML tokenizer for the few parts of an xlsx package the readers read. It works on the part's
// bytes as they inflate and keeps no tree: each tag and text run goes to a handler as it passes, so a sheet of
// any size costs the memory of one chunk, and the handler can end the scan (a sheet's cells end at
// </sheetData>; what follows, such as whole-column validations or 50,000 merged ranges, is never looked at).
// Only what a handler asks for becomes a string: element names come from a small table of those already
// met, an attribute value is decoded when it is asked for, and text only while the handler wants text. A
// sheet of 5,000 rows is some 300,000 tags; making a string of each was most of its reading time.
// Element names lose their namespace prefix ("x:c" → "c"), as some writers prefix every element.

/** An element's attributes while its open() runs; read them there, the bytes move on after it. */
export interface XmlAttrs {
  /** The value of an attribute by local name (`get('id')` finds `r:id="…"` too), entities decoded. */
  get(name: string): string | undefined;
  /** The attribute text as written. */
  raw(): string;
}

export interface XmlHandler {
  /** An element starts. */
  open(name: string, attrs: XmlAttrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Text inside the current element, entities decoded; may arrive in several pieces. */
  text(text: string): void;
  /** Whether text is wanted now: text nobody reads is skipped without decoding. */
  wantsText(): boolean;
  /** Set by the handler when it has read all it needs: the scan ends there. */
  readonly finished?: boolean;
}

/** Thrown when a single tag is larger than any real package holds. */
export class XmlTooLarge extends Error {
  constructor() {
    super('XML tag too large');
  }
}

/** A tag longer than this is not from a spreadsheet writer. */
const MAX_TAG = 1024 * 1024;
/** Text without a tag in sight is handed over in pieces of this size, so no run is buffered whole. */
const TEXT_PIECE = 256 * 1024;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '';
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, e: string) =>
    e[0] !== '#'
      ? NAMED[e]!
      : codePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)),
  );
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const AMP = 0x26;
const QUOT = 0x22;
const APOS = 0x27;

const encoder = new TextEncoder();
const bytesOf = (s: string) => encoder.encode(s);
const CDATA_OPEN = bytesOf('<![CDATA[');
const CDATA_CLOSE = bytesOf(']]>');
const COMMENT_OPEN = bytesOf('<!--');
const COMMENT_CLOSE = bytesOf('-->');
const PI_CLOSE = bytesOf('?>');

function startsWith(buf: Uint8Array, at: number, what: Uint8Array): boolean {
  if (at + what.length > buf.length) return false;
  for (let k = 0; k < what.length; k++) if (buf[at + k] !== what[k]) return false;
  return true;
}

function indexOfBytes(buf: Uint8Array, what: Uint8Array, from: number): number {
  for (let at = buf.indexOf(what[0]!, from); at >= 0; at = buf.indexOf(what[0]!, at + 1))
    if (startsWith(buf, at, what)) return at;
  return -1;
}

/** The first `byte` at or after `from`, or -1. A loop, not indexOf: between tags the distance is a few bytes,
 *  and a call of the typed array's indexOf cost more than the walk. */
function find(buf: Uint8Array, byte: number, from: number): number {
  for (let k = from; k < buf.length; k++) if (buf[k] === byte) return k;
  return -1;
}

/** The end of the tag starting at `lt`: the first '>' outside quoted attribute values; -1 when not yet here. */
function tagEnd(buf: Uint8Array, lt: number): number {
  for (let k = lt + 1; k < buf.length; k++) {
    const b = buf[k];
    if (b === GT) return k;
    if (b === QUOT || b === APOS) {
      k = find(buf, b, k + 1);
      if (k < 0) return -1;
    }
  }
  return -1;
}

const isNameEnd = (b: number) => b <= 0x20 || b === GT || b === SLASH || b === EQUALS;

/** Bytes to text: short ASCII runs (numbers, shared-string indexes, codes) without a decoder call. */
class Text {
  constructor(private readonly decoder: TextDecoder) {}

  of(buf: Uint8Array, from: number, to: number): string {
    if (to - from <= 32) {
      let s = '';
      let k = from;
      for (; k < to && buf[k]! < 0x80; k++) s += String.fromCharCode(buf[k]!);
      if (k === to) return s;
    }
    return this.decoder.decode(buf.subarray(from, to));
  }
}

/** Element names met so far, by their bytes: the same name is the same string, made once. */
class Names {
  private readonly known = new Map<number, string>();

  constructor(private readonly text: Text) {}

  of(buf: Uint8Array, from: number, to: number): string {
    let hash = to - from;
    for (let k = from; k < to; k++) hash = (Math.imul(hash, 31) + buf[k]!) | 0;
    const cached = this.known.get(hash);
    if (cached !== undefined && cached.length === to - from && sameAscii(cached, buf, from)) return cached;
    const name = this.text.of(buf, from, to);
    // Bounded: a hostile part with a million different names gets no table of them.
    if (cached === undefined && this.known.size < 512) this.known.set(hash, name);
    return name;
  }
}

function sameAscii(s: string, buf: Uint8Array, from: number): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== buf[from + k]) return false;
  return true;
}

/** The attributes of the tag being handed over: a window on the buffer, read only when asked. */
class AttrWindow implements XmlAttrs {
  buf: Uint8Array = new Uint8Array(0);
  from = 0;
  to = 0;

  constructor(private readonly text: Text) {}

  get(name: string): string | undefined {
    const { buf, to } = this;
    let i = this.from;
    while (i < to) {
      while (i < to && buf[i]! <= 0x20) i++;
      const start = i;
      let local = i;
      while (i < to && !isNameEnd(buf[i]!)) if (buf[i++] === COLON) local = i;
      const nameEnd = i;
      while (i < to && buf[i]! <= 0x20) i++;
      if (i >= to || buf[i] !== EQUALS) {
        i = Math.max(i, start + 1);
        continue;
      }
      i++;
      while (i < to && buf[i]! <= 0x20) i++;
      const quote = buf[i];
      if (quote !== QUOT && quote !== APOS) continue;
      const end = find(buf, quote, i + 1);
      if (end < 0 || end >= to) return undefined;
      if (nameEnd - local === name.length && sameAscii(name, buf, local))
        return decodeEntities(this.text.of(buf, i + 1, end));
      i = end + 1;
    }
    return undefined;
  }

  raw(): string {
    return this.text.of(this.buf, this.from, this.to);
  }
}

/** The value of an attribute in a tag's text by local name, read by the scanner's own rule; for the editors,
 *  which hold a part as text. */
export function attr(raw: string, name: string): string | undefined {
  const bytes = bytesOf(raw);
  const window = new AttrWindow(TEXT_AS_IS);
  window.buf = bytes;
  window.to = bytes.length;
  return window.get(name);
}

/** Text as written, a stray byte shown as U+FFFD: an editor's part is already a string. */
const TEXT_AS_IS = new Text(new TextDecoder('utf-8', { ignoreBOM: true }));

/** The decoder for a part whose first bytes are these: a UTF-16 part announces itself by its byte-order mark
 *  (which the decoder drops); anything else is UTF-8. `fatal`: damaged text is an error, not U+FFFD. */
export const xmlDecoder = (first: Uint8Array, fatal: boolean): TextDecoder =>
  new TextDecoder(first[0] === 0xff && first[1] === 0xfe ? 'utf-16le' : 'utf-8', { fatal });

/** How a part's bytes become UTF-8: as they are, or re-encoded when its first bytes say it is UTF-16. */
class Encoding {
  private utf16?: TextDecoder;
  private started = false;

  toUtf8(chunk: Uint8Array, fatal: boolean): Uint8Array {
    if (!this.started) {
      this.started = true;
      const decoder = xmlDecoder(chunk, fatal);
      if (decoder.encoding !== 'utf-8') this.utf16 = decoder;
    }
    return this.utf16 ? bytesOf(this.utf16.decode(chunk, { stream: true })) : chunk;
  }

  flush(): Uint8Array {
    return this.utf16 ? bytesOf(this.utf16.decode()) : new Uint8Array(0);
  }
}

export interface XmlScannerOptions {
  /** A byte sequence that is not UTF-8 in what is read is an error (true) or U+FFFD (false). */
  fatal?: boolean;
}

export class XmlScanner {
  private carry: Uint8Array = new Uint8Array(0);
  private readonly fatal: boolean;
  private readonly text: Text;
  private readonly names: Names;
  private readonly attrs: AttrWindow;
  private readonly encoding = new Encoding();

  constructor(
    private readonly handler: XmlHandler,
    opts: XmlScannerOptions = {},
  ) {
    this.fatal = opts.fatal ?? false;
    // Never in stream mode: every call decodes a whole run (cut only between characters), and a U+FEFF
    // inside a cell's text is kept, as the whole part's decoding kept it.
    this.text = new Text(new TextDecoder('utf-8', { fatal: this.fatal, ignoreBOM: true }));
    this.names = new Names(this.text);
    this.attrs = new AttrWindow(this.text);
  }

  /** True once the handler has all it needs: later input is ignored. */
  get done(): boolean {
    return Boolean(this.handler.finished);
  }

  /** The next piece of the part, bytes as inflated (or text, which is what an edited part holds). */
  write(chunk: Uint8Array | string): void {
    if (this.done) return;
    const bytes = typeof chunk === 'string' ? bytesOf(chunk) : this.encoding.toUtf8(plain(chunk), this.fatal);
    this.scan(this.carry.length ? join(this.carry, bytes) : bytes);
  }

  /** The part has ended: a UTF-16 part's last character goes through. */
  end(): void {
    if (!this.done) this.scan(join(this.carry, this.encoding.flush()));
  }

  // eslint-disable-next-line max-lines-per-function -- the tokenizer loop, allowed whole: one pass per chunk, state in locals
  private scan(buf: Uint8Array): void {
    const h = this.handler;
    let i = 0;
    while (!this.done) {
      const lt = find(buf, LT, i);
      if (lt < 0) {
        // Text running on past this chunk: hand over what is here when it is long, keep it otherwise.
        if (buf.length - i > TEXT_PIECE) {
          const cut = cutText(buf, i);
          if (h.wantsText()) h.text(decodeEntities(this.text.of(buf, i, cut)));
          i = cut;
        }
        break;
      }
      if (lt > i && h.wantsText()) h.text(decodeEntities(this.text.of(buf, i, lt)));
      if (lt + 1 >= buf.length) {
        i = lt;
        break;
      }
      const next = buf[lt + 1]!;
      let end: number;
      if (next === BANG) {
        if (startsWith(buf, lt, CDATA_OPEN)) {
          end = indexOfBytes(buf, CDATA_CLOSE, lt + 9);
          if (end < 0) {
            i = lt;
            break;
          }
          if (h.wantsText()) h.text(this.text.of(buf, lt + 9, end));
          i = end + 3;
          continue;
        }
        if (startsWith(buf, lt, COMMENT_OPEN)) {
          end = indexOfBytes(buf, COMMENT_CLOSE, lt + 4);
          if (end < 0) {
            i = lt;
            break;
          }
          i = end + 3;
          continue;
        }
        end = buf.indexOf(GT, lt);
      } else if (next === QUESTION) {
        end = indexOfBytes(buf, PI_CLOSE, lt);
        if (end >= 0) end++;
      } else {
        end = tagEnd(buf, lt);
      }
      if (end < 0) {
        i = lt;
        break;
      }
      if (next === SLASH) this.closeTag(buf, lt + 2, end);
      else if (next !== BANG && next !== QUESTION) this.openTag(buf, lt + 1, end);
      i = end + 1;
    }
    if (this.done) {
      this.carry = new Uint8Array(0);
      return;
    }
    // Kept by copy: a view would hold the whole inflated piece alive.
    this.carry = buf.slice(i);
    if (this.carry.length > MAX_TAG && this.carry[0] === LT) throw new XmlTooLarge();
  }

  /** `<name attrs>` or `<name attrs/>`, from just after '<' to the '>' at `end`. */
  private openTag(buf: Uint8Array, from: number, end: number): void {
    const selfClosing = buf[end - 1] === SLASH;
    let n = from;
    let local = from;
    while (n < end && buf[n]! > 0x20 && buf[n] !== SLASH) if (buf[n++] === COLON) local = n;
    const name = this.names.of(buf, local, n);
    const attrs = this.attrs;
    attrs.buf = buf;
    attrs.from = n;
    attrs.to = selfClosing ? end - 1 : end;
    this.handler.open(name, attrs, selfClosing);
    if (selfClosing && !this.done) this.handler.close(name);
  }

  /** `</name >`, from just after "</" to the '>' at `end`. */
  private closeTag(buf: Uint8Array, from: number, end: number): void {
    while (from < end && buf[from]! <= 0x20) from++;
    let n = from;
    let local = from;
    while (n < end && buf[n]! > 0x20) if (buf[n++] === COLON) local = n;
    this.handler.close(this.names.of(buf, local, n));
  }
}

/** The same bytes as a plain Uint8Array: Node's Buffer has its own indexOf, a call into C++ that cost more
 *  per tag than the rest of the scan. */
const plain = (b: Uint8Array): Uint8Array =>
  Object.getPrototypeOf(b) === Uint8Array.prototype ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Where to cut a long text run: never inside a UTF-8 character, nor inside an entity ("&amp;"). */
function cutText(buf: Uint8Array, from: number): number {
  let cut = buf.length;
  // A UTF-8 character's continuation bytes are 10xxxxxx: step back to the byte that starts it.
  while (cut > from && (buf[cut - 1]! & 0xc0) === 0x80) cut--;
  if (cut > from && buf[cut - 1]! >= 0xc0) cut--;
  const amp = buf.lastIndexOf(AMP, cut - 1);
  if (amp >= from && amp > cut - 12 && buf.indexOf(0x3b /* ; */, amp) < 0) cut = amp;
  return cut;
}
