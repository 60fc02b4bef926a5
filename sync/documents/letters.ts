// The Sở's documents for one award form, from the plan's wording and the secretariat's Văn bản numbers:
// a Tờ trình to a decider outside the Sở (through the plan's route), or the Director's draft Quyết định,
// each followed by its list — exactly the nominations of the master's list for that form.
import { Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType, type Document } from 'docx';
import { isPerson, type Plan, type PlanForm } from '../../engine/index.js';
import {
  bodyPara,
  closing,
  heading,
  longDate,
  officialDocument,
  para,
  run,
  SIZE,
  TEXT_WIDTH,
} from '../../node/official-docx.js';
import {
  attachmentLine,
  documentRef,
  fillWording,
  meetingDate,
  signerName,
  type Register,
} from '../master/register.js';
import type { MasterNomination } from './master-read.js';

const NUMERALS = ['I', 'II', 'III', 'IV', 'V'];

/** The list as a table: parts by nominee type, STT, name, position, unit, summary. */
function listTable(plan: Plan, members: MasterNomination[]): (Paragraph | Table)[] {
  const unitName = new Map(plan.units.map((u) => [u.code, u.name]));
  const shares = [0.07, 0.24, 0.16, 0.2, 0.33];
  const widths = shares.map((s) => Math.round(TEXT_WIDTH * s));
  const cell = (text: string, opts: { bold?: boolean; center?: boolean; span?: number } = {}) =>
    new TableCell({
      columnSpan: opts.span,
      verticalAlign: VerticalAlign.CENTER,
      width: { size: opts.span ? TEXT_WIDTH : widths[0]!, type: WidthType.DXA },
      margins: { left: 60, right: 60, top: 40, bottom: 40 },
      children: [para(text, { size: SIZE.table, bold: opts.bold, align: opts.center ? 'center' : 'left' })],
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      children: ['STT', 'Tên tập thể / Họ và tên', 'Chức vụ', 'Đơn vị', 'Tóm tắt thành tích'].map((h) =>
        cell(h, { bold: true, center: true }),
      ),
    }),
  ];
  plan.nomineeTypes.forEach((t, p) => {
    const list = members.filter((n) => n.type === t.code);
    rows.push(
      new TableRow({
        children: [cell(`${NUMERALS[p] ?? p + 1}. ${t.label.toUpperCase()} (${list.length})`, { bold: true, span: 5 })],
      }),
    );
    list.forEach((n, i) => {
      const person = t.person;
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(String(i + 1), { center: true }),
            cell(n.name),
            cell(person ? n.position : ''),
            cell(person ? n.workplace : (unitName.get(n.unit) ?? n.unit)),
            cell(n.summary),
          ],
        }),
      );
    });
  });
  const table = new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows });
  const byType = plan.nomineeTypes
    .map((t) => `${members.filter((n) => n.type === t.code).length} ${t.label.toLowerCase()}`)
    .join(', ');
  return [table, para(`Tổng cộng: ${members.length} (${byType}).`, { bold: true, before: 120 })];
}

/** The list as the document's annex: agency heading, title, campaign, what it is attached to, the table. */
function annex(plan: Plan, register: Register, form: PlanForm, members: MasterNomination[]): (Paragraph | Table)[] {
  return [
    heading({ parent: plan.issuer.parent, agency: plan.issuer.agency, placeDate: '' }),
    para(form.listTitle, { align: 'center', bold: true, before: 240 }),
    para(`(${plan.title})`, { align: 'center', italics: true }),
    para(`(${attachmentLine(plan, register, form) ?? ''})`, { align: 'center', italics: true, after: 240 }),
    ...listTable(plan, members),
  ];
}

export interface Letter {
  file: string;
  doc: Document;
}

/** The Tờ trình or Quyết định of a form with its list; null when the plan gives the form no document. */
export function buildLetter(
  plan: Plan,
  register: Register,
  form: PlanForm,
  members: MasterNomination[],
): Letter | null {
  const kind = form.document?.kind;
  const docs = plan.documents;
  if (!kind || !docs) return null;
  const wording = docs[kind];
  const ref = documentRef(plan, register, form)!;
  const meeting = meetingDate(register);
  const values = {
    decider: form.decidedBy,
    award: form.label,
    collectives: members.filter((n) => !isPerson(plan, n.type)).length,
    individuals: members.filter((n) => isPerson(plan, n.type)).length,
    campaign: plan.title,
    council: docs.council,
    meetingDate: longDate(meeting),
  };
  const fill = (t: string) => fillWording(t, values);
  const basis = [...docs.basis.map((b) => `Căn cứ ${b};`), `${fill(docs.councilBasis)};`];
  // Agencies the dossier passes through between the Sở and the decider.
  const through = form.route.slice(1, -1);
  const signerTitle = plan.issuer.signer ?? '';

  const front: (Paragraph | Table)[] = [
    heading({
      parent: plan.issuer.parent,
      agency: plan.issuer.agency,
      number: `Số: ${ref.number}`,
      placeDate: `${plan.issuer.place}, ${longDate(ref.date)}`,
    }),
    para(wording.title, { align: 'center', bold: true, before: 360 }),
    para(form.document!.subject, { align: 'center', bold: true, after: 240 }),
  ];
  if (kind === 'to_trinh') {
    front.push(
      para(`Kính gửi: ${form.decidedBy}.`, { align: 'center', after: through.length ? 0 : 240 }),
      ...(through.length ? [para(`(qua ${through.join(', ')})`, { align: 'center', after: 240 })] : []),
      ...basis.map((b) => bodyPara(b)),
      ...(wording.body ?? []).map((p) => bodyPara(fill(p))),
      closing([wording.recipients[0]!, ...through, ...wording.recipients.slice(1)], signerTitle, signerName(register)),
    );
  } else {
    front.push(
      para(wording.authority ?? '', { align: 'center', bold: true, after: 240 }),
      ...basis.map((b) => bodyPara(b, { italics: true })),
      ...(wording.proposedBy ? [bodyPara(`${wording.proposedBy}.`, { italics: true })] : []),
      para('QUYẾT ĐỊNH:', { align: 'center', bold: true, before: 240, after: 240 }),
      ...(wording.articles ?? []).map((a, i) => bodyPara([run(`Điều ${i + 1}. `, { bold: true }), fill(a)])),
      closing(wording.recipients, signerTitle, signerName(register)),
    );
  }
  const file = `${kind === 'to_trinh' ? 'to-trinh' : 'quyet-dinh'}-${form.code}.docx`;
  return {
    file,
    doc: officialDocument([front, annex(plan, register, form, members)], `${wording.title} ${form.label}`),
  };
}
