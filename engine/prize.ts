// The prize money a nominee receives with a form the Sở pays: the form's coefficient for a person or a
// collective times the plan's base salary, rounded up to the plan's step (the decrees: "làm tròn số lên
// hàng chục nghìn đồng"). Whatever the plan leaves blank (a figure not verified) gives no amount: the
// money list prints a blank to fill by hand rather than a guess.
import { isPerson, type NomineeTypeCode, type Plan, type PlanForm } from './plan.js';

/** The forms whose prize money the Sở pays, in the plan's order. */
export const prizeForms = (plan: Plan): PlanForm[] => plan.forms.filter((f) => f.prize);

/** The coefficient for this nominee type, or null when the plan leaves it blank. */
export function prizeCoefficient(plan: Plan, form: PlanForm, type: NomineeTypeCode): number | null {
  if (!form.prize) return null;
  return (isPerson(plan, type) ? form.prize.individual : form.prize.collective) ?? null;
}

/** The amount in đồng, or null when the form pays nothing or the plan leaves a figure blank. */
export function prizeAmount(plan: Plan, form: PlanForm, type: NomineeTypeCode): number | null {
  const coefficient = prizeCoefficient(plan, form, type);
  const base = plan.prize?.baseSalary;
  if (coefficient === null || !base) return null;
  // Coefficients like 0.3 are not exact in binary: settle the product to whole đồng before rounding up.
  const exact = Math.round(coefficient * base * 100) / 100;
  const step = plan.prize?.roundUpTo ?? 1;
  return Math.ceil(exact / step) * step;
}
