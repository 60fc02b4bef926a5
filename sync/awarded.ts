// Who was awarded, form by form, and under which decision: approved by the council and, for a form decided
// above the Sở, "Được khen" there; the decision is the decider's (typed in Văn bản as <FORM>_CAP_TREN) or
// the Sở's own Quyết định. One home for this fact, read by the award register and by the lists printed once
// a decision is signed (certificates, prize money). Members come in the decision's order: the order of the
// list attached to it (nominee type, then unit, then line).
import { isDecidedAbove, type Plan, type PlanForm } from '../engine/index.js';
import { keyOf } from './typed-values/master.js';
import { membersOf } from './documents/papers.js';
import type { MasterNomination, MasterSnapshot } from './documents/master-read.js';
import {
  documentRef,
  higherDecision,
  documentsIncludeLate,
  typedNumberDate,
  type DocumentsSheet,
} from './master/documents-sheet.js';

export interface Decision {
  /** As the papers print it: "45/QĐ-SCT", "2345/QĐ-BCT". */
  number: string;
  /** ISO date; null while not typed. */
  date: string | null;
}

export interface AwardedList {
  form: PlanForm;
  /** Null while its number is not typed in Văn bản. */
  decision: Decision | null;
  members: MasterNomination[];
}

/** The decision that awarded a form: the decider's above the Sở, else the Sở's own Quyết định; null while
 *  its number is not typed in Văn bản. */
export function decisionOf(plan: Plan, documentsSheet: DocumentsSheet, form: PlanForm): Decision | null {
  if (isDecidedAbove(form)) return higherDecision(documentsSheet, form);
  return typedNumberDate(documentsSheet, form.code) && documentRef(plan, documentsSheet, form);
}

/** A form's names the council approved, as the lists hold them (late ones as Văn bản says). */
const approvedOf = (plan: Plan, master: MasterSnapshot, form: PlanForm): MasterNomination[] =>
  membersOf(plan, master, form, { includeLate: documentsIncludeLate(master.documentsSheet), approvedOnly: true });

/** Kết quả cấp trên typed for a nomination; empty (null or undefined) while blank. */
const higherOf = (master: MasterSnapshot, n: MasterNomination) => master.outcomes.get(keyOf(n.id))?.higher;

/** Every form with awarded nominees in the master read into `master`, in the plan's order. */
export function awardedLists(plan: Plan, master: MasterSnapshot): AwardedList[] {
  return plan.forms
    .map((form) => ({
      form,
      decision: decisionOf(plan, master.documentsSheet, form),
      members: approvedOf(plan, master, form).filter((n) => !isDecidedAbove(form) || higherOf(master, n) === 'awarded'),
    }))
    .filter((l) => l.members.length);
}

/** Names approved for a form decided above whose decision is typed in Văn bản, their Kết quả cấp trên still
 *  blank: the notice cannot say whether they were awarded, nor the register remember them. */
export function higherUnanswered(plan: Plan, master: MasterSnapshot): MasterNomination[] {
  return plan.forms
    .filter((form) => isDecidedAbove(form) && higherDecision(master.documentsSheet, form))
    .flatMap((form) => approvedOf(plan, master, form).filter((n) => !higherOf(master, n)));
}
