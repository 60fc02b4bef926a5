// How the workbook contract compares text: case, surrounding and repeated spaces, and NFC vs NFD do not
// matter; diacritics do ("Hùng" ≠ "Hưng").

// Most cells are already tidy: one test finds those that are not (combining marks that NFC would
// compose — Vietnamese typed in NFD — or whitespace runs), so the costly normalize/replace run only there.
const UNTIDY = /[\u0300-\u036f\u1100-\u11ff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]|[^\S\n]{2}|[\t\r\u00a0]/;
// Runs of whitespace other than line breaks: a summary's lines are the clerk's.
const SPACES = /[^\S\n]+/g;

// Code points String.prototype.trim removes above ASCII: NBSP, Ogham, the U+2000 block, separators, BOM.
const isWideSpace = (c: number): boolean =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
const isSpace = (c: number): boolean => c <= 32 || (c >= 0xa0 && isWideSpace(c));
const hasEdgeSpace = (s: string): boolean =>
  s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)));

/** Tidies text for display and storage: NFC, trimmed, inner runs of spaces collapsed (case and line breaks kept). */
export function tidy(text: string): string {
  let s = text;
  if (UNTIDY.test(s)) s = s.normalize('NFC').replace(SPACES, ' ');
  return hasEdgeSpace(s) ? s.trim() : s;
}

/** The comparison key of a header, label, list value or name. */
export function matchKey(text: string): string {
  const s = tidy(text).toLowerCase();
  return s.includes('\n') ? s.replace(/\s+/g, ' ') : s;
}

/** A typed cell: empty, a known value, or invalid; `text` is the tidied text as typed. */
export type Parsed<T> =
  { kind: 'empty'; text: '' } | { kind: 'ok'; value: T; text: string } | { kind: 'invalid'; text: string };
export const EMPTY: Parsed<never> = { kind: 'empty', text: '' };

/** A lookup from the texts a clerk may type to a value, built once per plan. */
export class Vocabulary<T> {
  private readonly map = new Map<string, T>();
  // Typed values repeat endlessly down a column: remember the answer for the exact text seen.
  private readonly seen = new Map<string, Parsed<T>>();
  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [text, value] of entries) this.map.set(matchKey(text), value);
  }
  get(text: string): T | undefined {
    const parsed = this.parse(text);
    return parsed.kind === 'ok' ? parsed.value : undefined;
  }
  /** Empty, a known value, or the invalid text; the same object for the same raw text. */
  parse(raw: string): Parsed<T> {
    let parsed = this.seen.get(raw);
    if (parsed) return parsed;
    const text = tidy(raw);
    const value = this.map.get(text.toLowerCase());
    parsed = text === '' ? EMPTY : value === undefined ? { kind: 'invalid', text } : { kind: 'ok', value, text };
    if (this.seen.size < 10_000) this.seen.set(raw, parsed);
    return parsed;
  }
}
