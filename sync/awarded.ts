// Who was awarded, form by form, and under which decision: approved by the council and, for a form decided
// above the Sở, "Được khen" there; the decision is the decider's (typed in Văn bản as <FORM>_CAP_TREN) or
// the Sở's own Quyết định. One home for this fact, read by the award register and by the lists printed once
// a decision is signed (certificates, prize money). Members come in the decision's order: the order of the
// list attached to it (nominee type, then unit, then line).
import { isDecidedAbove, type Plan, type PlanForm } from '../engine/index.js';
import { higherStatus } from './typed-values/council.js';
import { membersOf } from './documents/papers.js';
import { readMaster, type MasterNomination, type MasterSnapshot } from './documents/master-read.js';
import { keptRow, readTypedValues, typedText } from './typed-values/master.js';
import { MASTER_SHEETS, TALLY_TYPED_HEADERS } from './master/layout.js';
import {
  documentRef,
  higherDecision,
  DOCUMENTS_TYPED,
  documentsSheetFrom,
  documentsIncludeLate,
  typedNumberDate,
  type DocumentsSheet,
} from './master/documents-sheet.js';
import { TALLY_TYPED } from './master/tally.js';

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

/** The decision that awarded a form: the decider's above the Sở, else the Sở's own Quyết định. */
function decisionOf(plan: Plan, reg: DocumentsSheet, form: PlanForm): Decision | null {
  if (isDecidedAbove(form)) return higherDecision(reg, form);
  return typedNumberDate(reg, form.code) && documentRef(plan, reg, form);
}

/** Every form with awarded nominees, in the plan's order; `snapshot` when the master is read already. */
export async function awardedLists(plan: Plan, file: string, snapshot?: MasterSnapshot): Promise<AwardedList[]> {
  const master = snapshot ?? (await readMaster(plan, file));
  const typed = await readTypedValues(file, [TALLY_TYPED, DOCUMENTS_TYPED], MASTER_SHEETS.unmatched, '');
  const reg = documentsSheetFrom(typed);
  const rule = { includeLate: documentsIncludeLate(reg), approvedOnly: true };
  const higher = (id: string) =>
    higherStatus(typedText(keptRow(typed, MASTER_SHEETS.tally, id)?.values.get(TALLY_TYPED_HEADERS.higher)));
  return plan.forms
    .map((form) => ({
      form,
      decision: decisionOf(plan, reg, form),
      members: membersOf(plan, master, form, rule).filter((n) => !isDecidedAbove(form) || higher(n.id) === 'awarded'),
    }))
    .filter((l) => l.members.length);
}
