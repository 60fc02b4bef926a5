// An amount in words, as the prize money list prints it under the total: checked on the cases an accountant
// would write by hand, and over many numbers by reading the words back with an independent reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from '../../engine/index.js';

const DIGIT: Record<string, number> = {
  không: 0,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
};

/** A group below a thousand: "[d trăm] [linh d | mười [d] | d mươi [d]]". */
function readGroup(words: string[]): number {
  let value = 0;
  let last = 0;
  for (const w of words) {
    if (w in DIGIT) last = DIGIT[w]!;
    else if (w === 'trăm' || w === 'mươi') {
      value += last * (w === 'trăm' ? 100 : 10);
      last = 0;
    } else if (w === 'mười') value += 10;
    else if (w !== 'linh' && w !== 'lẻ') throw new Error(`từ lạ: ${w}`);
  }
  return value + last;
}

/** Reads Vietnamese number words back to the number, knowing nothing of how they were made. */
function readBack(words: string | string[]): number {
  const ws = typeof words === 'string' ? words.toLowerCase().split(/\s+/).filter(Boolean) : words;
  for (const [word, size] of [
    ['tỷ', 1e9],
    ['triệu', 1e6],
    ['nghìn', 1e3],
  ] as const) {
    const at = ws.lastIndexOf(word);
    if (at >= 0) return readBack(ws.slice(0, at)) * size + readBack(ws.slice(at + 1));
  }
  return readGroup(ws);
}

describe('numbers in Vietnamese words', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [30, 'ba mươi'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [1_005, 'một nghìn không trăm linh năm'],
    [1_015, 'một nghìn không trăm mười lăm'],
    [450_000, 'bốn trăm năm mươi nghìn'],
    [900_000, 'chín trăm nghìn'],
    [1_000_000, 'một triệu'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [2_340_000, 'hai triệu ba trăm bốn mươi nghìn'],
    [1_490_000, 'một triệu bốn trăm chín mươi nghìn'],
    [21_000_000, 'hai mươi mốt triệu'],
    [1_000_000_000, 'một tỷ'],
    [2_001_000_000, 'hai tỷ không trăm linh một triệu'],
    [15_000_000_000, 'mười lăm tỷ'],
    [1_000_000_000_000, 'một nghìn tỷ'],
  ])('%d → "%s"', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('says an amount as an official list does: capitalised, in đồng', () => {
    expect(amountInWords(450_000)).toBe('Bốn trăm năm mươi nghìn đồng');
    expect(amountInWords(900_000)).toBe('Chín trăm nghìn đồng');
    expect(amountInWords(0)).toBe('Không đồng');
  });

  it('can say "lẻ" for an empty tens place where the accountant writes it so', () => {
    expect(numberInWords(105, { emptyTens: 'lẻ' })).toBe('một trăm lẻ năm');
  });

  it('refuses what is not a whole number of đồng', () => {
    expect(() => numberInWords(1.5)).toThrow(/số nguyên/);
    expect(() => numberInWords(-1)).toThrow(/số nguyên/);
  });

  it('reads back to the same number, for any amount up to a thousand billion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => readBack(numberInWords(n)) === n),
      { numRuns: 3000 },
    );
  });

  it('keeps the spoken rules over many numbers: mốt, lăm, mươi, mười, linh', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const w = ` ${numberInWords(n)} `;
        return (
          !/ mươi một /.test(w) && // 21, 31, …: "mốt"
          !/ (mươi|mười) năm /.test(w) && // 15, 25, …: "lăm"
          !/ linh (lăm|mốt|tư) /.test(w) && // 105: "linh năm", 101: "linh một"
          !/ một mươi /.test(w) && // 10–19: "mười"
          !/ mười (mốt|tư) /.test(w) && // 11, 14: "mười một", "mười bốn"
          !/ không mươi /.test(w) &&
          !/ {2}/.test(w.trim())
        );
      }),
      { numRuns: 3000 },
    );
  });
});
