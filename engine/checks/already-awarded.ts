// ALREADY_AWARDED (merge with an award register): the nominee received the same form within the years the
// plan sets (repeatAfterYears). A person is the same by name and birth year — a namesake born another year
// is someone else; a collective by name and the unit that proposed it. A warning: statuses do not change.
import { planContext } from '../model.js';
import type { Nomination } from '../nomination.js';
import { isPerson, type Plan } from '../plan.js';
import { matchKey } from '../text.js';
import { defineCheck, onNameColumn } from './types.js';

/** One line of the award register, as plain data. */
export interface PastAward {
  name: string;
  /** A person's birth year; null for a collective. */
  birthYear: number | null;
  /** The unit that proposed it: its code or its name. */
  unit: string;
  /** The form: its code or its label. */
  form: string;
  /** Year of the decision. */
  year: number;
  /** The campaign's plan id (blank for awards typed by hand); this campaign's own awards are not "earlier". */
  planId: string;
  /** "Quyết định số 2345/QĐ-BCT ngày 10/05/2021", as the register gives it. */
  decision: string;
}

export interface AwardHistory {
  nominations: readonly Nomination[];
  awards: readonly PastAward[];
}

export const checkAlreadyAwarded = defineCheck<AwardHistory, Nomination>()(
  'already-awarded',
  ['ALREADY_AWARDED'],
  ({ nominations, awards }, ctx, emit) => {
    const plan = ctx.plan;
    const years = plan.repeatAfterYears;
    if (years === undefined) return;
    const campaignYear = Number(plan.campaign.start.slice(0, 4));
    const formOf = (text: string) => plan.forms.find((f) => matchKey(f.code) === text || matchKey(f.label) === text);
    const unitKeys = (code: string) => [matchKey(code), matchKey(ctx.units.get(code)?.name ?? code)];
    const byName = new Map<string, PastAward[]>();
    for (const a of awards) {
      const age = campaignYear - a.year;
      if (age < 0 || age > years || matchKey(a.planId) === matchKey(plan.id)) continue;
      const list = byName.get(matchKey(a.name)) ?? [];
      list.push(a);
      byName.set(matchKey(a.name), list);
    }
    for (const n of nominations) {
      const same = (byName.get(matchKey(n.name)) ?? []).find((a) => {
        if (formOf(matchKey(a.form))?.code !== n.form) return false;
        if (isPerson(plan, n.type)) return a.birthYear !== null && a.birthYear === n.birthYear;
        return a.birthYear === null && unitKeys(n.unit).includes(matchKey(a.unit));
      });
      if (same)
        emit('ALREADY_AWARDED', n, {
          form: formOf(matchKey(same.form))!.label,
          year: same.year,
          decision: same.decision,
          years,
        });
    }
  },
);

/** Adds ALREADY_AWARDED to each nomination the register shows awarded the same form too recently. */
export function checkAgainstAwards(plan: Plan, nominations: readonly Nomination[], awards: readonly PastAward[]): void {
  checkAlreadyAwarded.run({ nominations, awards }, planContext(plan), onNameColumn);
}
