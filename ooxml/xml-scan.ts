// A streaming XML tokenizer for the few parts of an xlsx package the checker reads. It keeps no tree:
// each tag and text run goes to a handler as it passes, so a sheet of any size costs the memory of one
// chunk, and the handler can end the scan (a sheet's cells end at </sheetData>; what follows, such as
// whole-column validations or 50,000 merged ranges, is never looked at). Element names lose their
// namespace prefix ("x:c" → "c"), as some writers prefix every element.

export interface XmlHandler {
  /** An element starts; `attrs` is the raw attribute text, read with `attr()`. */
  open(name: string, attrs: string, selfClosing: boolean): void;
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

/** The value of an attribute by local name (`attr(raw, 'id')` finds `r:id="…"` too); undefined when absent. */
export function attr(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = raw.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? ' ' : raw[at - 1]!;
    if (before !== ' ' && before !== ':' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    let i = from;
    while (raw[i] === ' ') i++;
    if (raw[i] !== '=') continue;
    i++;
    while (raw[i] === ' ') i++;
    const quote = raw[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = raw.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    return decodeEntities(raw.slice(i + 1, end));
  }
}

const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/** The end of the tag starting at `lt`: the first '>' outside quoted attribute values; -1 when not yet here. */
function tagEnd(buf: string, lt: number): number {
  let i = lt + 1;
  for (;;) {
    const gt = buf.indexOf('>', i);
    if (gt < 0) return -1;
    // Quotes before this '>' must pair up; if one is open, the '>' is inside a value. Only the tag's own
    // characters are looked at: searching the rest of the buffer for a quote made each tag cost the buffer.
    let q = i;
    while (q < gt && buf.charCodeAt(q) !== 0x22 && buf.charCodeAt(q) !== 0x27) q++;
    if (q === gt) return gt;
    const close = buf.indexOf(buf[q]!, q + 1);
    if (close < 0) return -1;
    i = close + 1;
  }
}

export class XmlScanner {
  private buf = '';

  constructor(private readonly handler: XmlHandler) {}

  /** True once the handler has all it needs: later input is ignored. */
  get done(): boolean {
    return Boolean(this.handler.finished);
  }

  // eslint-disable-next-line max-lines-per-function -- the tokenizer loop, allowed whole: one pass per chunk, state in locals
  write(chunk: string): void {
    if (this.done) return;
    const buf = this.buf ? this.buf + chunk : chunk;
    const h = this.handler;
    let i = 0;
    while (!this.done) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        // Text running on past this chunk: hand over what is here when it is long, keep it otherwise.
        if (buf.length - i > TEXT_PIECE) {
          if (h.wantsText()) h.text(decodeEntities(buf.slice(i, cutBeforeEntity(buf, i))));
          i = cutBeforeEntity(buf, i);
        }
        break;
      }
      if (lt > i && h.wantsText()) h.text(decodeEntities(buf.slice(i, lt)));
      const next = buf.charCodeAt(lt + 1);
      let end: number;
      if (next === 0x21 /* ! */) {
        if (buf.startsWith('<![CDATA[', lt)) {
          end = buf.indexOf(']]>', lt + 9);
          if (end < 0) {
            i = lt;
            break;
          }
          if (h.wantsText()) h.text(buf.slice(lt + 9, end));
          i = end + 3;
          continue;
        }
        if (buf.startsWith('<!--', lt)) {
          end = buf.indexOf('-->', lt + 4);
          if (end < 0) {
            i = lt;
            break;
          }
          i = end + 3;
          continue;
        }
        end = buf.indexOf('>', lt);
      } else if (next === 0x3f /* ? */) {
        end = buf.indexOf('?>', lt);
        if (end >= 0) end++;
      } else {
        end = tagEnd(buf, lt);
      }
      if (end < 0) {
        i = lt;
        break;
      }
      if (next === 0x2f /* / */) {
        h.close(localName(buf.slice(lt + 2, end).trim()));
      } else if (next !== 0x21 && next !== 0x3f) {
        const selfClosing = buf.charCodeAt(end - 1) === 0x2f;
        const body = buf.slice(lt + 1, selfClosing ? end - 1 : end);
        let n = 0;
        while (n < body.length && body.charCodeAt(n) > 0x20) n++;
        const name = localName(body.slice(0, n));
        h.open(name, body.slice(n), selfClosing);
        if (selfClosing && !this.done) h.close(name);
      }
      i = end + 1;
    }
    if (this.done) {
      this.buf = '';
      return;
    }
    this.buf = buf.slice(i);
    if (this.buf.length > MAX_TAG && this.buf.charCodeAt(0) === 0x3c) throw new XmlTooLarge();
  }
}

/** Where to cut a long text run so that no entity ("&amp;") is split between two pieces. */
function cutBeforeEntity(buf: string, from: number): number {
  const amp = buf.lastIndexOf('&');
  return amp >= from && amp > buf.length - 12 && !buf.includes(';', amp) ? amp : buf.length;
}
