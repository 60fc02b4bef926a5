// The plan's wording filled with what the secretariat typed in Văn bản: the papers' numbers and dates, the
// documents they cite by number, the signer. Whatever is still blank prints as dots (the year always
// printed) and is named in the list of things to settle.
import type { Plan, PlanForm, PlanReference } from '../../engine/index.js';
import { longDate } from '../../node/official-docx.js';
import {
  documentRef,
  documentYear,
  meetingDate,
  DOCUMENTS_KEYS,
  DOCUMENTS_SHEET,
  printedNumber,
  meetingNames,
  signerName,
  typedRow,
  type DocumentsSheet,
} from '../master/documents-sheet.js';

/** "số 12/KH-SCT ngày 03 tháng 02 năm 2021"; dots for what is not typed. */
export function referenceText(plan: Plan, documentsSheet: DocumentsSheet, ref: PlanReference): string {
  const typed = typedRow(documentsSheet, ref.code);
  const date = typed.date ?? ref.date ?? null;
  return `số ${printedNumber(typed.text, ref.symbol)} ${date ? longDate(date) : longDate(null)}`.trimEnd();
}

/** "Quyết định số 127/QĐ-SCT ngày 22 tháng 04 năm 2021": a decision as typed in Văn bản, its date dotted
 *  while not typed. */
export const decisionText = (plan: Plan, decision: { number: string; date: string | null }): string =>
  `${plan.documents!.quyet_dinh.name} số ${decision.number} ${longDate(decision.date)}`;

/** Values of the placeholders every paper may use: each reference by its code. */
export function referenceValues(plan: Plan, documentsSheet: DocumentsSheet): Record<string, string> {
  return Object.fromEntries(
    (plan.documents?.references ?? []).map((r) => [r.code, referenceText(plan, documentsSheet, r)]),
  );
}

/** The title lines above the signer's name, as picked in Văn bản (the plan's first way when blank). */
export function signerLines(plan: Plan, documentsSheet: DocumentsSheet): string[] {
  const signers = plan.documents?.signers ?? [];
  const typed = typedRow(documentsSheet, DOCUMENTS_KEYS.signerTitle).text.toLowerCase();
  const picked = signers.find((s) => s.label.toLowerCase() === typed) ?? signers[0];
  return picked?.lines ?? (plan.issuer.signer ? [plan.issuer.signer] : []);
}

export { meetingDate, signerName };

/** "Quảng Ngãi, ngày 20 tháng 4 năm 2021", the year printed even before the day is typed. */
export const placeDate = (plan: Plan, place: string, iso: string | null): string =>
  `${place}, ${longDate(iso, documentYear(plan))}`;

const where = (row: string) => `trang "${DOCUMENTS_SHEET}", dòng ${row}`;

/** What is still to type in Văn bản for these papers, each said as the secretariat would do it. */
export function blanksOf(
  plan: Plan,
  documentsSheet: DocumentsSheet,
  written: { forms: PlanForm[]; minutes: boolean },
): string[] {
  const { forms } = written;
  const out: string[] = [];
  // The wording these papers print: a reference counts only where it is cited.
  const text = JSON.stringify([forms.map((f) => f.document), plan.documents?.to_trinh, plan.documents?.quyet_dinh]);
  for (const form of forms) {
    const ref = documentRef(plan, documentsSheet, form);
    const name = plan.documents?.[form.document!.kind].name ?? '';
    if (ref && ref.number.startsWith('…')) out.push(`Số ${name} – ${form.label} (${where(form.code)}).`);
    if (ref && !ref.date) out.push(`Ngày ${name} – ${form.label} (${where(form.code)}).`);
  }
  if (!meetingDate(documentsSheet))
    out.push(`Ngày họp ${plan.documents?.council ?? 'Hội đồng'} (${where(DOCUMENTS_KEYS.meetingDate)}).`);
  if (!signerName(documentsSheet).trim()) out.push(`Họ và tên người ký (${where(DOCUMENTS_KEYS.signer)}).`);
  // The minutes name who chaired and who kept them, under their signatures.
  const names = meetingNames(documentsSheet);
  if (written.minutes && !names.chair) out.push(`Họ và tên người chủ trì cuộc họp (${where(DOCUMENTS_KEYS.chair)}).`);
  if (written.minutes && !names.secretary) out.push(`Họ và tên thư ký cuộc họp (${where(DOCUMENTS_KEYS.secretary)}).`);
  for (const r of plan.documents?.references ?? []) {
    if (!text.includes(`{${r.code}}`)) continue;
    const typed = typedRow(documentsSheet, r.code);
    if (!typed.text) out.push(`${r.label}: số (${where(r.code)}).`);
    if (!typed.date && !r.date) out.push(`${r.label}: ngày (${where(r.code)}).`);
  }
  return out;
}
