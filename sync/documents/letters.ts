// The Sở's documents for one award form, from the plan's wording and the secretariat's Văn bản: a Tờ trình
// to a decider outside the Sở (through the unit that receives it), or the Director's draft Quyết định, each
// followed by its list. A draft does not claim the council's decision; a name listed twice is marked.
import type { Paragraph, Table } from 'docx';
import type { Plan, PlanDocuments, PlanForm } from '../../engine/index.js';
import {
  bodyPara,
  closing,
  gridTable,
  heading,
  longDate,
  officialDocument,
  para,
  run,
  shareWidths,
  SIZE,
  titleBlock,
  WITH_SIGNATURE,
  type GridRow,
} from '../../node/official-docx.js';
import {
  countByType,
  countedNominees,
  countedTotal,
  countOfKind,
  documentText,
  heldTypes,
  listCells,
  partHeading,
  unitFullName,
} from '../master/list-names.js';
import { attachmentLine, documentRef, fillWording, type DocumentsSheet } from '../master/documents-sheet.js';
import type { MasterNomination } from './master-read.js';
import { meetingDate, placeDate, referenceValues, signerLines, signerName } from './wording.js';

/** Marks a row whose person is listed more than once; explained under the table. */
export const DUPLICATE_MARK = '(*)';

// How lists name nominees lives with the master's lists, which print the same rows.

export interface PaperContext {
  plan: Plan;
  documentsSheet: DocumentsSheet;
  /** Every listed name decided by the council: the papers may cite its meeting. */
  settled: boolean;
  draft: boolean;
  duplicateIds: Set<string>;
}

/** The list as a table: parts by nominee type, STT, name, position, unit, summary. */
function listTable(ctx: PaperContext, members: MasterNomination[]): (Paragraph | Table)[] {
  const { plan } = ctx;
  const widths = shareWidths([0.07, 0.25, 0.15, 0.2, 0.33]);
  const text = (t: string, opts: { bold?: boolean; center?: boolean; keepNext?: boolean } = {}) => [
    para(t, { size: SIZE.table, bold: opts.bold, align: opts.center ? 'center' : 'left', keepNext: opts.keepNext }),
  ];
  const rows: GridRow[] = [
    {
      header: true,
      cells: ['STT', 'Tên tập thể / Họ và tên', 'Chức vụ', 'Đơn vị', 'Tóm tắt thành tích'].map((h) => ({
        children: text(h, { bold: true, center: true }),
      })),
    },
  ];
  const counts = countByType(plan, members);
  // A type the list has none of gets no part: the parts are numbered as printed.
  heldTypes(plan, counts).forEach((t, p) => {
    const list = members.filter((n) => n.type === t.code);
    const part = partHeading(p, t.label.toUpperCase(), list.length);
    // Kept with the part's first row: a heading is never left alone at the foot of a page.
    rows.push({ cantSplit: true, cells: [{ span: 5, children: text(part, { bold: true, keepNext: true }) }] });
    list.forEach((n, i) => {
      const mark = ctx.duplicateIds.has(n.id) ? ` ${DUPLICATE_MARK}` : '';
      const [name, position, unit] = listCells(plan, n, t.person);
      const cells = [name + mark, position, unit];
      rows.push({
        cantSplit: true,
        cells: [String(i + 1), ...cells, documentText(n.summary)].map((c, k) => ({
          children: text(c, { center: k === 0 }),
        })),
      });
    });
  });
  const dupNote = members.some((n) => ctx.duplicateIds.has(n.id))
    ? [
        para(
          `${DUPLICATE_MARK} Cùng một người có tên hơn một lần trong danh sách này hoặc danh sách khác: chỉ được đề nghị một lần, Văn phòng Sở xử lý trước khi trình ký (xem can-xu-ly.docx).`,
          { italics: true, size: SIZE.table, before: 60 },
        ),
      ]
    : [];
  return [
    gridTable(widths, rows),
    para(`Tổng cộng: ${countedTotal(plan, counts)}.`, { bold: true, before: 120 }),
    ...dupNote,
  ];
}

/** The list as the document's annex: agency heading, title, campaign, what it is attached to, the table. */
function annex(ctx: PaperContext, form: PlanForm, members: MasterNomination[]): (Paragraph | Table)[] {
  const { plan } = ctx;
  return [
    heading({ parent: plan.issuer.parent, agency: plan.issuer.agency, placeDate: '' }),
    para(form.listTitle, { align: 'center', bold: true, before: 240 }),
    // The campaign's title has brackets of its own: not wrapped in more.
    para(plan.title, { align: 'center', italics: true }),
    para(`(${attachmentLine(plan, ctx.documentsSheet, form) ?? ''})`, { align: 'center', italics: true, after: 240 }),
    ...listTable(ctx, members),
  ];
}

/** Căn cứ lines: the signer's power, the common laws, the form's own, and the council once it has met. */
function basisLines(ctx: PaperContext, form: PlanForm, fill: (t: string) => string): string[] {
  const docs = ctx.plan.documents!;
  const d = form.document!;
  const lines = [...(d.powers ?? []), ...docs.basis, ...(d.basis ?? [])].map((b) => `Căn cứ ${fill(b)};`);
  return ctx.settled ? [...lines, `${fill(docs.councilBasis)};`] : lines;
}

export interface Letter {
  file: string;
  data: ReturnType<typeof officialDocument>;
}

export const letterFile = (form: PlanForm): string =>
  `${form.document!.kind === 'to_trinh' ? 'to-trinh' : 'quyet-dinh'}-${form.code}.docx`;

type FormDocument = NonNullable<PlanForm['document']>;
type KindWording = PlanDocuments['to_trinh'];
type Front = (Paragraph | Table)[];

/** The Tờ trình or Quyết định of a form with its list. */
export function buildLetter(ctx: PaperContext, form: PlanForm, members: MasterNomination[]): Letter {
  const { plan, documentsSheet } = ctx;
  const d = form.document!;
  const docs = plan.documents!;
  const wording = docs[d.kind];
  const fill = letterFill(ctx, form, members);
  const signature = closing(d.recipients, signerLines(plan, documentsSheet), signerName(documentsSheet));
  const front: Front = [
    ...letterHeading(ctx, form, wording),
    ...(d.kind === 'to_trinh' ? toTrinhBody : quyetDinhBody)(ctx, form, wording, fill),
    signature,
  ];
  return {
    file: letterFile(form),
    data: officialDocument({
      sections: [front, annex(ctx, form, members)],
      title: `${wording.title} – ${form.label}`,
      subject: d.subject,
      author: docs.issuerFullName,
      draft: ctx.draft,
    }),
  };
}

/** Fills the plan's wording for this form: decider, award, counts, campaign, council and its result. */
function letterFill(ctx: PaperContext, form: PlanForm, members: MasterNomination[]): (t: string) => string {
  const { plan, documentsSheet } = ctx;
  const d: FormDocument = form.document!;
  const docs = plan.documents!;
  const counts = countByType(plan, members);
  const year = Number(plan.deadline.slice(0, 4));
  const base = {
    ...referenceValues(plan, documentsSheet),
    decider: d.addressee ?? form.decidedBy,
    award: d.award ?? form.label,
    merit: d.merit,
    nominees: countedNominees(plan, counts),
    // What plans written before {nominees} say instead: "{collectives} tập thể và {individuals} cá nhân".
    collectives: countOfKind(plan, counts, false),
    individuals: countOfKind(plan, counts, true),
    listedUnits: plan.units
      .filter((u) => members.some((n) => n.unit === u.code))
      .map((u) => unitFullName(plan, u.code))
      .join(', '),
    campaign: plan.title,
    council: docs.council,
    meetingDate: longDate(meetingDate(documentsSheet), year),
  };
  return (t: string) =>
    fillWording(t, {
      ...base,
      councilResult: fillWording(ctx.settled ? docs.councilResult : docs.councilPending, base),
    });
}

/** The agency heading with the document's number and place-date, then its title and trích yếu. */
function letterHeading({ plan, documentsSheet }: PaperContext, form: PlanForm, wording: KindWording): Front {
  const ref = documentRef(plan, documentsSheet, form)!;
  return [
    heading({
      parent: plan.issuer.parent,
      agency: plan.issuer.agency,
      number: `Số: ${ref.number}`,
      placeDate: placeDate(plan, plan.issuer.place, ref.date),
    }),
    ...titleBlock(wording.title, form.document!.subject),
  ];
}

/** A Tờ trình: to the decider (through the unit that receives it), its căn cứ and its body. */
function toTrinhBody(ctx: PaperContext, form: PlanForm, wording: KindWording, fill: (t: string) => string): Front {
  const d = form.document!;
  return [
    para(`Kính gửi: ${d.addressee ?? form.decidedBy}`, { align: 'center', after: d.through ? 0 : 240 }),
    ...(d.through ? [para(`(qua ${d.through})`, { align: 'center', after: 240 })] : []),
    ...basisLines(ctx, form, fill).map((b) => bodyPara(b)),
    ...(wording.body ?? []).map((p, i, all) => bodyPara(fill(p), i === all.length - 1 ? WITH_SIGNATURE : {})),
  ];
}

/** A Quyết định: the Director's authority, its căn cứ, who proposed it and its articles. */
function quyetDinhBody(ctx: PaperContext, form: PlanForm, wording: KindWording, fill: (t: string) => string): Front {
  return [
    para(wording.authority ?? '', { align: 'center', bold: true, after: 240 }),
    ...basisLines(ctx, form, fill).map((b) => bodyPara(b, { italics: true })),
    ...(wording.proposedBy ? [bodyPara(`${wording.proposedBy}.`, { italics: true })] : []),
    para('QUYẾT ĐỊNH:', { align: 'center', bold: true, before: 240, after: 240 }),
    ...(wording.articles ?? []).map((a, i, all) =>
      bodyPara([run(`Điều ${i + 1}. `, { bold: true }), fill(a)], i === all.length - 1 ? WITH_SIGNATURE : {}),
    ),
  ];
}
