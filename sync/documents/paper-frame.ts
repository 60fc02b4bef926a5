// The frame every paper after the Tờ trình shares (Nghị định 30/2020 layout, node/official-docx.ts): the
// heading with a dotted number and the place and date, the title and trích yếu (or, for a công văn, the
// trích yếu under the number), Kính gửi, the plan's paragraphs around the paper's own part, and the
// closing. Wording comes from the plan; a value nobody typed prints as dots, never as a guess.
import type { Paragraph, Table } from 'docx';
import type { PaperWording, Plan } from '../../engine/index.js';
import { bodyPara, closing, heading, longDate, officialDocument, para, titleBlock } from '../../node/official-docx.js';
import {
  documentYear,
  fillWording,
  meetingNames,
  membersPresent,
  type DocumentsSheet,
} from '../master/documents-sheet.js';
import { meetingDate, placeDate, referenceValues, signerLines, signerName } from './wording.js';

/** What a blank prints as: the secretariat fills it in by hand. */
export const DOTS = '……';
/** Room to write a name by hand. */
export const NAME_DOTS = DOTS.repeat(7);

/** The placeholders every such paper may use. */
export function commonValues(plan: Plan, documentsSheet: DocumentsSheet): Record<string, string> {
  const docs = plan.documents!;
  const year = documentYear(plan);
  const names = meetingNames(documentsSheet);
  return {
    ...referenceValues(plan, documentsSheet),
    campaign: plan.title,
    council: docs.council,
    issuerName: docs.issuerName,
    meetingDate: longDate(meetingDate(documentsSheet), year),
    membersPresent: String(membersPresent(documentsSheet) ?? DOTS),
    deadline: longDate(plan.deadline),
    // A name not typed stays a line of dots to write by hand: never a name the tool made up.
    chair: names.chair || NAME_DOTS,
    secretary: names.secretary || NAME_DOTS,
  };
}

export interface Frame {
  plan: Plan;
  documentsSheet: DocumentsSheet;
  wording: PaperWording;
  values: Record<string, string>;
  /** Kính gửi, for a letter to one unit. */
  addressee?: string;
  /** The paper's own part, between the plan's body and closing paragraphs. */
  middle: (Paragraph | Table)[];
  /** The heading's agency lines and date when not the Sở's own (the council's minutes). */
  issuer?: { parent: string; agency: string };
  date?: string | null;
  /** Replaces the Nơi nhận and the Sở's signature (the minutes' two signatures). */
  signature?: Table;
  title: string;
  draft: boolean;
}

export function framedPaper(f: Frame) {
  const { plan, documentsSheet, wording } = f;
  const fill = (t: string) => fillWording(t, f.values);
  const children: (Paragraph | Table)[] = [
    heading({
      parent: f.issuer?.parent ?? plan.issuer.parent,
      agency: f.issuer?.agency ?? plan.issuer.agency,
      number: `Số: ${DOTS}/${wording.symbol}`,
      excerpt: wording.title ? undefined : fill(wording.subject),
      placeDate: placeDate(plan, plan.issuer.place, f.date ?? null),
    }),
    ...(wording.title ? titleBlock(wording.title, fill(wording.subject)) : [para('', { after: 240 })]),
    ...(f.addressee ? [para(`Kính gửi: ${f.addressee}`, { align: 'center', after: 240 })] : []),
    ...wording.body.map((p) => bodyPara(fill(p))),
    ...f.middle,
    ...(wording.closing ?? []).map((p) => bodyPara(fill(p))),
    f.signature ??
      closing((wording.recipients ?? []).map(fill), signerLines(plan, documentsSheet), signerName(documentsSheet)),
  ];
  return officialDocument({
    sections: [children],
    title: f.title,
    subject: fill(wording.subject),
    author: plan.documents!.issuerFullName,
    draft: f.draft,
  });
}

/** A sentence followed by its reasons, one bulleted line each (a refused file with the merge's reason). */
export const reasonList = (sentence: string, reasons: string[]): Paragraph[] => [
  para(sentence, { align: 'justify', indent: 10, after: 60 }),
  ...reasons.map((r) => bodyPara(`- ${r}`)),
];
