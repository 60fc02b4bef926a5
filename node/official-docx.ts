// The layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), the one home of
// it for every paper the Sở writes (Tờ trình, Quyết định, their lists, the achievement-report form, the list
// of what to settle): A4, Times New Roman, margins top/bottom 20 mm, left 30 mm, right 15 mm; the agency and
// the quốc hiệu/tiêu ngữ side by side, each with its line drawn under it; the trích yếu with its short line;
// page numbers from page 2 at the top centre; recipients on the left and the signature on the right.
// Word-safe: every run is tagged vi-VN, every table has a fixed layout whose cell widths equal its grid.
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';

export const FONT = 'Times New Roman';
/** Word's spell-checker and hyphenation follow the run's language: Vietnamese, not the machine's default. */
export const LANG = 'vi-VN';
/**
 * Half-points. 14 pt body; 13 pt agency lines, tables and page numbers; the quốc hiệu (12 pt) and the tiêu
 * ngữ (13 pt) as the pair Nghị định 30 sizes together; 12 pt "Nơi nhận" and 11 pt its items.
 */
export const SIZE = {
  body: 28,
  small: 26,
  table: 26,
  nationalName: 24,
  motto: 26,
  recipientsHead: 24,
  recipients: 22,
} as const;

export const PAGE = {
  size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
  margin: {
    top: convertMillimetersToTwip(20),
    bottom: convertMillimetersToTwip(20),
    left: convertMillimetersToTwip(30),
    right: convertMillimetersToTwip(15),
    header: convertMillimetersToTwip(10),
  },
};
/** Width between the margins, in twips. */
export const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Printed in the header of every page of a paper that is not ready to sign. */
export const DRAFT_MARK = 'DỰ THẢO';

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold,
    italics: style.italics,
    language: { value: LANG },
  });

export interface ParaStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in millimetres (body paragraphs: 10). */
  indent?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
  /** Not split across pages. */
  keepLines?: boolean;
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
    keepNext: style.keepNext,
    keepLines: style.keepLines,
    children: parts.map((p) => (typeof p === 'string' ? run(p, style) : p)),
  });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
export const bodyPara = (content: string | (string | ParagraphChild)[], style: ParaStyle = {}): Paragraph =>
  para(content, { align: 'justify', indent: 10, after: 120, ...style });

// Advance widths of Times New Roman (the Adobe Times metrics it shares), in thousandths of an em, for the
// letters Vietnamese uses once its diacritics are set aside: enough to size a line under a line of text.
const WIDTHS: Record<'regular' | 'bold', [string, number][]> = {
  regular: [
    ['…', 1000],
    ['–', 500],
    [' .,', 250],
    ['iljt:/', 278],
    ['fr-()I', 333],
    ['s', 389],
    ['J', 389],
    ['aceTz', 444],
    ['bdghknopquvxy0123456789', 500],
    ['FPS', 556],
    ['ELZ', 611],
    ['BCR', 667],
    ['ADGHKNOQUVXY', 722],
    ['m', 778],
    ['M', 889],
    ['W', 944],
  ],
  bold: [
    ['…', 1000],
    ['–', 500],
    [' .,', 250],
    ['il/', 278],
    ['fjt-():', 333],
    ['Is', 389],
    ['cez', 444],
    ['rJ', 500],
    ['agovxy0123456789', 500],
    ['bdhknpqu', 556],
    ['S', 556],
    ['FP', 611],
    ['BETLZ', 667],
    ['RACDNUVXY', 722],
    ['GHKOQ', 778],
    ['m', 833],
    ['M', 944],
    ['W', 1000],
  ],
};
const widthTables = Object.fromEntries(
  Object.entries(WIDTHS).map(([k, groups]) => [k, new Map(groups.flatMap(([cs, w]) => [...cs].map((c) => [c, w])))]),
) as Record<'regular' | 'bold', Map<string, number>>;

/** Printed width of a line of text, in twips (an estimate from the font's metrics, for drawn lines). */
export function textWidth(text: string, size: number, bold = false): number {
  const base = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const table = widthTables[bold ? 'bold' : 'regular'];
  const ems = [...base].reduce((sum, c) => sum + (table.get(c) ?? 556), 0) / 1000;
  // size is in half-points; a point is 20 twips.
  return Math.round((ems * size * 20) / 2);
}

/** A horizontal line of `length` twips, centred in a space `within` twips wide: drawn, not typed. */
export function rule(length: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 2, language: { value: LANG } })],
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

export interface GridCell {
  children: Paragraph[];
  /** Grid columns this cell spans (1 when absent). */
  span?: number;
  /** Cell margins in twips; 60/40 when absent. */
  padded?: boolean;
}

export interface GridRow {
  cells: GridCell[];
  header?: boolean;
  cantSplit?: boolean;
}

/**
 * A table Word lays out as written: fixed layout, and every cell declares exactly the width of the grid
 * columns it spans (Word's autofit otherwise redraws columns from the cells' declared widths).
 */
export function gridTable(widths: number[], rows: GridRow[], opts: { borders?: boolean } = {}): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: opts.borders === false ? NO_BORDERS : undefined,
    rows: rows.map((r) => {
      let col = 0;
      return new TableRow({
        tableHeader: r.header,
        cantSplit: r.cantSplit,
        children: r.cells.map((c) => {
          const span = c.span ?? 1;
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            columnSpan: span > 1 ? span : undefined,
            verticalAlign: VerticalAlign.TOP,
            width: { size: width, type: WidthType.DXA },
            margins: c.padded === false ? undefined : { left: 60, right: 60, top: 40, bottom: 40 },
            children: c.children,
          });
        }),
      });
    }),
  });
}

/** Widths in twips of columns sharing the text width in these proportions; the last takes the rounding. */
export function shareWidths(shares: number[], total = TEXT_WIDTH): number[] {
  const widths = shares.map((s) => Math.round(total * s));
  widths[widths.length - 1] = total - widths.slice(0, -1).reduce((a, b) => a + b, 0);
  return widths;
}

/** Two columns without borders: the layout of the heading and of the signature area. */
export function sideBySide(left: Paragraph[], right: Paragraph[], leftShare = 0.42): Table {
  return gridTable(
    shareWidths([leftShare, 1 - leftShare]),
    [{ cantSplit: true, cells: [{ children: left }, { children: right }] }],
    {
      borders: false,
    },
  );
}

/** "ngày 05 tháng 02 năm 2021": days under 10 and months under 3 take a leading zero (Nghị định 30). */
export function longDate(iso: string | null, blankYear?: number): string {
  if (!iso) return `ngày      tháng      năm ${blankYear ?? '        '}`;
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
  /** A công văn's trích yếu ("V/v …"), under its number (Nghị định 30: ô 5b). */
  excerpt?: string;
  /** "Quảng Ngãi, ngày 20 tháng 4 năm 2021". */
  placeDate: string;
}

const HEADING_LEFT = 0.4;

/** Ô số 1–4: the agency and number on the left, the quốc hiệu, tiêu ngữ and the place and date on the right. */
export function heading(h: Heading): Table {
  const { left: leftWidth, right: rightWidth, parentSize, agencySize, dateSize } = headingLayout(h);
  const inCell = (w: number, within: number) => Math.min(w, within - CELL_PADDING);
  // The line under the issuer: a third to a half of its name's line.
  const agencyLine = inCell(linesWidth(h.agency, agencySize, true), leftWidth) * 0.45;
  const lines = (text: string, style: ParaStyle) => text.split('\n').map((l) => para(l, { align: 'center', ...style }));
  const left = [
    ...(h.parent ? lines(h.parent, { size: parentSize }) : []),
    ...lines(h.agency, { bold: true, size: agencySize }),
    rule(agencyLine, leftWidth),
    ...(h.number ? [para(h.number, { align: 'center', size: SIZE.small, before: 120 })] : []),
    ...(h.excerpt ? [para(h.excerpt, { align: 'center', size: SIZE.nationalName, before: 60 })] : []),
  ];
  // The line under the tiêu ngữ is as long as the tiêu ngữ.
  const right = [
    para(NATIONAL_NAME, { align: 'center', bold: true, size: SIZE.nationalName }),
    para(MOTTO, { align: 'center', bold: true, size: SIZE.motto }),
    rule(inCell(textWidth(MOTTO, SIZE.motto, true), rightWidth), rightWidth),
    para(h.placeDate, { align: 'center', italics: true, size: dateSize, before: 180 }),
  ];
  return gridTable([leftWidth, rightWidth], [{ cantSplit: true, cells: [{ children: left }, { children: right }] }], {
    borders: false,
  });
}

/** What a table cell's margins take from its width, in twips. */
const CELL_PADDING = 240;

/** The widest of a text's lines (a name may carry its own line break, as the plan writes it). */
const linesWidth = (text: string, size: number, bold: boolean) =>
  Math.max(...text.split('\n').map((l) => textWidth(l, size, bold)));

/** Nghị định 30/2020 allows the issuer's names at 12–13 pt and the date line at 13–14 pt: the larger sizes
 *  first, a smaller one only where it lets a line stay whole. */
const HEADING_SIZES = [
  { names: SIZE.small, date: SIZE.body },
  { names: SIZE.small - 2, date: SIZE.body },
  { names: SIZE.small - 2, date: SIZE.body - 2 },
];

/** The heading's two cells and its sizes. The national name and the date line keep one line each; the
 *  issuer's side widens from its usual share as far as that leaves, at the first sizes that fit its names. A
 *  name longer still wraps where the plan breaks it (a line break in its text). */
function headingLayout(h: Heading) {
  const layouts = HEADING_SIZES.map(({ names, date }) => {
    const right = Math.max(textWidth(NATIONAL_NAME, SIZE.nationalName, true), textWidth(h.placeDate, date, false));
    const room = TEXT_WIDTH - right - 2 * CELL_PADDING;
    const sizeFor = (text: string, bold: boolean) => (linesWidth(text, SIZE.small, bold) <= room ? SIZE.small : names);
    const parentSize = h.parent ? sizeFor(h.parent, false) : SIZE.small;
    const agencySize = sizeFor(h.agency, true);
    const need = Math.max(
      h.parent ? linesWidth(h.parent, parentSize, false) : 0,
      linesWidth(h.agency, agencySize, true),
    );
    return { room, need, parentSize, agencySize, dateSize: date };
  });
  const chosen = layouts.find((l) => l.need <= l.room) ?? layouts[layouts.length - 1]!;
  const left = Math.min(Math.max(TEXT_WIDTH * HEADING_LEFT, chosen.need + CELL_PADDING), chosen.room + CELL_PADDING);
  const [l, r] = shareWidths([left / TEXT_WIDTH, 1 - left / TEXT_WIDTH]) as [number, number];
  return { ...chosen, left: l, right: r };
}

/** Ô 5: the kind of paper and its trích yếu, with the short line under it. */
export function titleBlock(title: string, subject: string): Paragraph[] {
  const line = Math.min(textWidth(subject, SIZE.body, true), TEXT_WIDTH) / 3;
  return [
    para(title, { align: 'center', bold: true, before: 360, keepNext: true }),
    para(subject, { align: 'center', bold: true, keepNext: true }),
    rule(line, TEXT_WIDTH),
    para('', { after: 120 }),
  ];
}

/**
 * The style of the paragraph just before the signature: whole, and on the signature's page, since a page
 * holding only "Nơi nhận" and the signature is not accepted (the signature page carries text).
 */
export const WITH_SIGNATURE: ParaStyle = { keepNext: true, keepLines: true };

/** Ô 9a and 7: "Nơi nhận" on the left, the signer's title lines and name on the right. */
export function closing(recipients: string[], signerLines: string[], signerName: string): Table {
  const left = [
    para('Nơi nhận:', { bold: true, italics: true, size: SIZE.recipientsHead, before: 240 }),
    ...recipients.map((r, i) => para(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: SIZE.recipients })),
  ];
  const right = [
    ...signerLines.map((l, i) => para(l, { align: 'center', bold: true, before: i === 0 ? 240 : 0 })),
    ...Array.from({ length: 4 }, () => para('')),
    para(signerName, { align: 'center', bold: true }),
  ];
  return sideBySide(left, right, 0.5);
}

/** Page numbers from the second page, top centre (13 pt); and the draft mark on every page of a draft. */
function headers(draft: boolean): { first: Header; default: Header } {
  const mark = (children: ParagraphChild[]) =>
    new Header({
      children: [
        new Paragraph({
          tabStops: [
            { type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH / 2) },
            { type: TabStopType.RIGHT, position: TEXT_WIDTH },
          ],
          children: [
            ...children,
            ...(draft
              ? [
                  new TextRun({
                    text: `\t${DRAFT_MARK}`,
                    font: FONT,
                    size: SIZE.small,
                    bold: true,
                    language: { value: LANG },
                  }),
                ]
              : []),
          ],
        }),
      ],
    });
  const number = new TextRun({
    children: ['\t', PageNumber.CURRENT],
    font: FONT,
    size: SIZE.small,
    language: { value: LANG },
  });
  return {
    first: mark(draft ? [new TextRun({ text: '\t', language: { value: LANG } })] : []),
    default: mark([number]),
  };
}

/**
 * The paragraph a section ends with, holding its section break: one point high, so a full last page never
 * pushes it onto a page of its own (the blank page before an annex).
 */
const sectionEnd = (): Paragraph =>
  new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' },
    children: [new TextRun({ text: '', size: 2, language: { value: LANG } })],
  });

export interface OfficialDocument {
  /** Each section starts on a new page and numbers its pages from 1 (an annex is numbered on its own). */
  sections: (Paragraph | Table)[][];
  title: string;
  /** The issuing body in full, e.g. "Sở Công Thương tỉnh Quảng Ngãi": the document's author. */
  author: string;
  subject?: string;
  /** Not ready to sign: "DỰ THẢO" in the header of every page. */
  draft?: boolean;
}

/** One A4 document of one or more sections, Times New Roman and Vietnamese throughout. */
export function officialDocument(d: OfficialDocument): Document {
  const h = headers(Boolean(d.draft));
  return new Document({
    title: d.title,
    subject: d.subject,
    creator: d.author,
    lastModifiedBy: d.author,
    description: d.draft ? DRAFT_MARK : undefined,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body, language: { value: LANG } } } } },
    sections: d.sections.map((children, i) => ({
      properties: { page: { ...PAGE, pageNumbers: { start: 1 } }, titlePage: true },
      headers: h,
      children: i < d.sections.length - 1 ? [...children, sectionEnd()] : children,
    })),
  });
}

export const toBuffer = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc);
