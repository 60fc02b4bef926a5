// A whole number of đồng in Vietnamese words, as an official money list writes its total ("Bằng chữ: Bốn
// trăm năm mươi nghìn đồng"). Read in groups of three digits under nghìn, triệu, tỷ (and nghìn tỷ above);
// a group after the first reads all its places ("một nghìn không trăm linh năm"), an all-zero group is
// left out ("một triệu không trăm linh năm"). The spoken rules: 10–19 are "mười …"; after "mươi" a one is
// "mốt" and a four "tư"; after "mười" or "mươi" a five is "lăm"; an empty tens place before a digit is "linh"
// (or "lẻ", as some accountants write it).

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const SCALES = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

export interface NumberWordsOptions {
  /** The word for an empty tens place before a units digit (105): "linh" unless told "lẻ". */
  emptyTens?: 'linh' | 'lẻ';
}

/** The units digit after a tens digit: the spoken forms "mốt", "tư", "lăm". */
function unitsAfterTens(tens: number, units: number): string {
  if (units === 5) return 'lăm';
  if (tens >= 2 && units === 1) return 'mốt';
  if (tens >= 2 && units === 4) return 'tư';
  return DIGITS[units]!;
}

/** One group of three digits; `full` when a group comes before it, so its empty hundreds are said. */
function groupWords(n: number, full: boolean, emptyTens: string): string[] {
  const [hundreds, tens, units] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const words: string[] = [];
  if (hundreds || full) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units && words.length) words.push(emptyTens);
    if (units) words.push(DIGITS[units]!);
  } else {
    words.push(...(tens === 1 ? ['mười'] : [DIGITS[tens]!, 'mươi']));
    if (units) words.push(unitsAfterTens(tens, units));
  }
  return words;
}

/** Below a billion: the groups of thousands and millions, all-zero groups left out. */
function belowBillion(n: number, full: boolean, emptyTens: string): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (!groups[i]) continue;
    const said = full || words.length > 0;
    words.push(...groupWords(groups[i]!, said, emptyTens));
    if (SCALES[i]) words.push(SCALES[i]!);
  }
  return words;
}

/** A whole number (0 … any safe integer) in Vietnamese words, lower case. */
export function numberInWords(n: number, options: NumberWordsOptions = {}): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Phải là số nguyên không âm: ${n}.`);
  if (n === 0) return DIGITS[0];
  const emptyTens = options.emptyTens ?? 'linh';
  const billions = Math.floor(n / BILLION);
  const rest = n % BILLION;
  const words = billions ? [numberInWords(billions, options), 'tỷ'] : [];
  if (rest) words.push(...belowBillion(rest, billions > 0, emptyTens));
  return words.join(' ');
}

/** An amount of money as a list's "Bằng chữ" line says it: "Bốn trăm năm mươi nghìn đồng". */
export function amountInWords(dong: number, options?: NumberWordsOptions): string {
  const words = `${numberInWords(dong, options)} đồng`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
