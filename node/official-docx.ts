// The layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), shared by
// the Sở's Tờ trình and Quyết định and by the achievement-report form: A4, Times New Roman 13–14, margins
// top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the agency and the national motto side by side over
// the number and the place and date; recipients on the left and the signature on the right.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';

export const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 13 pt agency lines and tables, 12 pt the motto's first line and "Nơi nhận", 11 pt its items. */
export const SIZE = { body: 28, small: 26, table: 26, recipientsHead: 24, recipients: 22 } as const;

export const PAGE = {
  size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
  margin: {
    top: convertMillimetersToTwip(20),
    bottom: convertMillimetersToTwip(20),
    left: convertMillimetersToTwip(30),
    right: convertMillimetersToTwip(15),
  },
};
/** Width between the margins, in twips. */
export const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({ text, font: FONT, size: style.size ?? SIZE.body, bold: style.bold, italics: style.italics });

export interface ParaStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in millimetres (body paragraphs: 10). */
  indent?: number;
  before?: number;
  after?: number;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** A paragraph of one or more runs; plain strings take the paragraph's style. */
export function para(content: string | (string | ParagraphChild)[], style: ParaStyle = {}): Paragraph {
  const parts = typeof content === 'string' ? [content] : content;
  return new Paragraph({
    alignment: ALIGN[style.align ?? 'left'],
    indent: style.indent ? { firstLine: convertMillimetersToTwip(style.indent) } : undefined,
    spacing: { before: style.before ?? 0, after: style.after ?? 0, line: 300 },
    children: parts.map((p) => (typeof p === 'string' ? run(p, style) : p)),
  });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
export const bodyPara = (content: string | (string | ParagraphChild)[], style: RunStyle = {}): Paragraph =>
  para(content, { align: 'justify', indent: 10, after: 120, ...style });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

/** Two columns without borders: the layout of the heading and of the signature area. */
export function sideBySide(left: Paragraph[], right: Paragraph[], leftShare = 0.42): Table {
  const l = Math.round(TEXT_WIDTH * leftShare);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [l, TEXT_WIDTH - l],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: l, type: WidthType.DXA }, children: left }),
          new TableCell({ width: { size: TEXT_WIDTH - l, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}

/** "ngày 05 tháng 02 năm 2021": days under 10 and months under 3 take a leading zero (Nghị định 30). */
export function longDate(iso: string | null): string {
  if (!iso) return 'ngày      tháng      năm        ';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

export interface Heading {
  /** Agency above the issuer, e.g. "UBND TỈNH QUẢNG NGÃI"; may be empty. */
  parent: string;
  /** Issuer, e.g. "SỞ CÔNG THƯƠNG". */
  agency: string;
  /** "Số: 125/TTr-SCT"; omitted for forms without a number. */
  number?: string;
  /** "Quảng Ngãi, ngày 20 tháng 4 năm 2021". */
  placeDate: string;
}

/** Ô số 1–4: the agency and number on the left, the national motto and the place and date on the right. */
export function heading(h: Heading): Table {
  const short = (text: string) => para(text, { align: 'center', size: SIZE.small });
  const left = [
    ...(h.parent ? [short(h.parent)] : []),
    para(h.agency, { align: 'center', bold: true, size: SIZE.small }),
    para('———', { align: 'center', size: SIZE.small }),
    ...(h.number ? [para(h.number, { align: 'center', size: SIZE.small, before: 120 })] : []),
  ];
  const right = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', bold: true, size: SIZE.recipientsHead }),
    para('Độc lập - Tự do - Hạnh phúc', { align: 'center', bold: true, size: SIZE.body }),
    para('——————————', { align: 'center', size: SIZE.small }),
    para(h.placeDate, { align: 'center', italics: true, size: SIZE.body, before: 120 }),
  ];
  return sideBySide(left, right, 0.38);
}

/** Ô 9a and 7: "Nơi nhận" on the left, the signer's title and name on the right. */
export function closing(recipients: string[], signerTitle: string, signerName: string): Table {
  const left = [
    para('Nơi nhận:', { bold: true, italics: true, size: SIZE.recipientsHead, before: 240 }),
    ...recipients.map((r, i) => para(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: SIZE.recipients })),
  ];
  const right = [
    para(signerTitle, { align: 'center', bold: true, before: 240 }),
    ...Array.from({ length: 4 }, () => para('')),
    para(signerName, { align: 'center', bold: true }),
  ];
  return sideBySide(left, right, 0.5);
}

/** One A4 document of one or more sections, Times New Roman throughout. */
export function officialDocument(sections: ISectionOptions['children'][], title: string): Document {
  return new Document({
    title,
    creator: '',
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: sections.map((children) => ({ properties: { page: PAGE }, children })),
  });
}

export const toBuffer = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc);
