// How the workbook contract compares text: case, surrounding and repeated spaces, and NFC vs NFD do not
// matter; diacritics do ("Hùng" ≠ "Hưng").

/** The comparison key of a header, label, list value or name. */
export function matchKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Tidies text for display and storage: NFC, trimmed, inner runs of spaces collapsed (case kept). */
export function tidy(text: string): string {
  return text.normalize('NFC').trim().replace(/[ \t]+/g, ' ');
}

/** A lookup from the texts a clerk may type to a value, built once per plan. */
export class Vocabulary<T> {
  private readonly map = new Map<string, T>();
  // Typed values repeat endlessly down a column: remember the answer for the exact text seen.
  private readonly seen = new Map<string, T | undefined>();
  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [text, value] of entries) this.map.set(matchKey(text), value);
  }
  get(text: string): T | undefined {
    if (this.seen.has(text)) return this.seen.get(text);
    const value = this.map.get(matchKey(text));
    if (this.seen.size < 10_000) this.seen.set(text, value);
    return value;
  }
}
