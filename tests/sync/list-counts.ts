// What a signer checks first in a Tờ trình or Quyết định with its list: the counts the body states, each
// part's heading and the total all equal the rows the list prints, and no group of none is named ("0 tập
// thể" in the sentence, an empty "I. TẬP THỂ (0)" part, "(0 tập thể, …)" in the total).
import { expect } from 'vitest';

export interface PrintedPart {
  numeral: string;
  /** The part's title as printed: "CÁ NHÂN". */
  title: string;
  /** The count its heading states. */
  count: number;
  /** Rows numbered under it (STT 1, 2, …). */
  rows: number;
}

/** The list's parts read from a paper's paragraphs: each heading "II. CÁ NHÂN (3)" and the rows under it. */
export function printedParts(paragraphs: string[]): PrintedPart[] {
  const parts: PrintedPart[] = [];
  let current: PrintedPart | undefined;
  for (const p of paragraphs) {
    const heading = /^([IVX]+)\. ([^()]+) \((\d+)\)$/.exec(p);
    if (heading) {
      current = { numeral: heading[1]!, title: heading[2]!, count: Number(heading[3]), rows: 0 };
      parts.push(current);
    } else if (p.startsWith('Tổng cộng')) current = undefined;
    else if (current && p === String(current.rows + 1)) current.rows++;
  }
  return parts;
}

/** "4 cá nhân" or "2 tập thể, 1 cá nhân", as the parts count them. */
const counted = (parts: PrintedPart[], join: string) =>
  parts.map((p) => `${p.count} ${p.title.toLowerCase()}`).join(join);

/** The Tổng cộng line of a list of these parts: "Tổng cộng: 4 cá nhân." / "Tổng cộng: 3 (2 tập thể, 1 cá nhân)." */
export function totalLine(parts: PrintedPart[]): string {
  const total = parts.reduce((a, p) => a + p.count, 0);
  return parts.length === 1 ? `Tổng cộng: ${counted(parts, ', ')}` : `Tổng cộng: ${total} (${counted(parts, ', ')})`;
}

/**
 * A list's counts agree with its rows, and nothing is counted as none: parts numbered I, II, … each with
 * rows, each heading's count its rows, the total theirs. `lines`: the paper's paragraphs, or a sheet's first
 * cells.
 */
export function expectListCounts(lines: string[], label: string): PrintedPart[] {
  const parts = printedParts(lines);
  expect(parts.length, label).toBeGreaterThan(0);
  parts.forEach((p, i) => {
    expect(p.numeral, label).toBe(['I', 'II', 'III'][i]);
    expect(p.count, `${label}: ${p.title}`).toBeGreaterThan(0);
    expect(p.rows, `${label}: ${p.title}, rows printed`).toBe(p.count);
  });
  expect(lines.join('\n'), label).toContain(totalLine(parts));
  expect(lines.join('\n'), label).not.toMatch(/(^|\D)0 (tập thể|cá nhân)|\(0\)/);
  return parts;
}

/** A paper's list counted as printed (above), and its body's "cho … tập thể và … cá nhân" the same figures. */
export function expectCountsAsPrinted(paragraphs: string[]): PrintedPart[] {
  const parts = expectListCounts(paragraphs, paragraphs.find((p) => p.startsWith('DANH SÁCH')) ?? 'paper');
  const text = paragraphs.join('\n');
  expect(text).toContain(`${totalLine(parts)}.`);
  expect(text).toContain(`cho ${counted(parts, ' và ')} `);
  return parts;
}
