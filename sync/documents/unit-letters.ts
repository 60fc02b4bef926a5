// Letters to units about their submission (SPEC §8): the reminder (công văn đôn đốc) to every unit without a
// usable file — written only while the deadline is open at the time of the run, naming each refused file
// with the merge's reason — and the answer to a unit whose file came after the deadline, saying how the
// file is treated (in the lists or not, as the merge that built them was told).
import { daysToDeadline, localDate, type PaperWording, type Plan } from '../../engine/index.js';
import type { Paragraph } from 'docx';
import { bodyPara, longDate } from '../../node/official-docx.js';
import { fillWording, documentsIncludeLate, type DocumentsSheet } from '../master/documents-sheet.js';
import type { Intake, UnitIntake } from './intake-read.js';
import { unitFullName } from '../master/list-names.js';
import { commonValues, framedPaper, reasonList } from './paper-frame.js';

export const REMINDER_FOLDER = 'don-doc';
export const LATE_REPLY_FOLDER = 'tra-loi-nop-muon';

export interface UnitLetterContext {
  plan: Plan;
  documentsSheet: DocumentsSheet;
  intake: Intake;
}

/** The deadline's last day has not passed in the plan's time zone. */
export const deadlineOpen = (plan: Plan, now: Date): boolean => daysToDeadline(plan, now) >= 0;

const unitsIn = (ctx: UnitLetterContext, standings: UnitIntake['standing'][]): UnitIntake[] =>
  ctx.plan.units.flatMap((u) => {
    const found = ctx.intake.units.get(u.code);
    return found && standings.includes(found.standing) ? [found] : [];
  });

/** Units to remind: nothing sent, or every file refused. */
export const unitsToRemind = (ctx: UnitLetterContext) => unitsIn(ctx, ['missing', 'refused']);
/** Units whose used file came after the deadline. */
export const lateUnits = (ctx: UnitLetterContext) => unitsIn(ctx, ['late']);

/** A công văn to one unit: Kính gửi the unit, the plan's wording around `middle`. */
function letterToUnit(
  ctx: UnitLetterContext,
  wording: PaperWording,
  values: Record<string, string>,
  middle: Paragraph[],
) {
  return framedPaper({
    plan: ctx.plan,
    documentsSheet: ctx.documentsSheet,
    wording,
    values,
    addressee: values.unit,
    middle,
    title: `${fillWording(wording.subject, values)} – ${values.unit}`,
    // Says nothing of the council or the lists: never a draft for their sake.
    draft: false,
  });
}

export function buildReminder(ctx: UnitLetterContext, u: UnitIntake) {
  const wording = ctx.plan.documents!.reminder!;
  const values = { ...commonValues(ctx.plan, ctx.documentsSheet), unit: unitFullName(ctx.plan, u.unit) };
  const middle = u.refusals.length
    ? reasonList(fillWording(wording.refused, values), u.refusals)
    : [bodyPara(fillWording(wording.missing, values))];
  return letterToUnit(ctx, wording, values, middle);
}

export function buildLateReply(ctx: UnitLetterContext, u: UnitIntake) {
  const { plan, documentsSheet } = ctx;
  const wording = plan.documents!.lateReply!;
  const values = {
    ...commonValues(plan, documentsSheet),
    unit: unitFullName(plan, u.unit),
    receivedAt: u.receivedAt ? longDate(localDate(u.receivedAt, plan.timeZone)) : longDate(null),
  };
  const treated = documentsIncludeLate(documentsSheet) ? wording.included : wording.excluded;
  return letterToUnit(ctx, wording, values, [bodyPara(fillWording(treated, values))]);
}
