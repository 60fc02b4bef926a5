// How a list names its nominees, wherever the list is printed: the master's list sheets and the documents'
// annexes show the same row the same way. Units in full from the plan (a reader outside the province does
// not know "Văn phòng Sở"), a collective with the unit it belongs to, no bracket inside a bracket.
import type { Plan } from '../../engine/index.js';

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** A part of a list or paper numbered as official papers number them: "I. CÁ NHÂN (3)"; the count if given. */
export const partHeading = (index: number, title: string, count?: number): string =>
  `${NUMERALS[index] ?? index + 1}. ${title}${count === undefined ? '' : ` (${count})`}`;

/**
 * A list's rows by nominee type, as it prints them: a person listed twice counts twice, so the figures a
 * paper states agree with its own list (the pair is marked and the paper stays a draft until it is settled).
 */
export function countByType(plan: Plan, members: readonly { type: string }[]): Map<string, number> {
  return new Map(plan.nomineeTypes.map((t) => [t.code, members.filter((n) => n.type === t.code).length]));
}

/** The nominee types a list holds, in the plan's order: a type with none gets no part and is not named. */
export const heldTypes = (plan: Plan, counts: Map<string, number>) =>
  plan.nomineeTypes.filter((t) => (counts.get(t.code) ?? 0) > 0);

/** How many of a list's rows are of persons (or, `person` false, of collectives). */
export const countOfKind = (plan: Plan, counts: Map<string, number>, person: boolean): number =>
  plan.nomineeTypes.filter((t) => Boolean(t.person) === person).reduce((a, t) => a + (counts.get(t.code) ?? 0), 0);

/** Each nominee type a list holds, with its count ("2 tập thể", "8 cá nhân"). */
const countedTypes = (plan: Plan, counts: Map<string, number>): string[] =>
  heldTypes(plan, counts).map((t) => `${counts.get(t.code)} ${t.label.toLowerCase()}`);

/** Whom a paper's sentence names: "2 tập thể và 8 cá nhân", "8 cá nhân". */
export const countedNominees = (plan: Plan, counts: Map<string, number>): string =>
  countedTypes(plan, counts).join(' và ');

/** A list's total: "10 (2 tập thể, 8 cá nhân)", "8 cá nhân" when it holds one type only, "0" when empty. */
export function countedTotal(plan: Plan, counts: Map<string, number>): string {
  const types = countedTypes(plan, counts);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (types.length <= 1) return types[0] ?? String(total);
  return `${total} (${types.join(', ')})`;
}

/** What a list row is made of, as Tổng hợp holds it. */
export interface ListedNominee {
  name: string;
  unit: string;
  group: string | null;
  position: string;
  workplace: string;
}

/** Text as the clerk meant it: a leading = + @ is the spreadsheet's formula sign, not part of the words. */
export const documentText = (s: string): string => s.replace(/^\s*[=+@]+\s*/, '');

/** A unit as papers name it: in full (plan data), else as the workbook names it. */
export function unitFullName(plan: Plan, code: string): string {
  const unit = plan.units.find((u) => u.code === code);
  return unit?.letterhead?.fullName ?? unit?.name ?? code;
}

const openToAll = (plan: Plan, group: string | null) => plan.groups.some((g) => g.code === group && g.openToAllUnits);

/** A collective in full: its unit's own team with the unit's name; one open to every unit as typed. */
export function collectiveName(plan: Plan, n: Pick<ListedNominee, 'name' | 'unit' | 'group'>): string {
  const name = documentText(n.name);
  const unit = unitFullName(plan, n.unit);
  if (openToAll(plan, n.group) || name.toLowerCase().includes(unit.toLowerCase())) return name;
  return `${name}, ${unit}`;
}

/**
 * A person's workplace in full. In their unit's own group: the unit's full name when what was typed is part
 * of it ("Phòng Kinh tế", "Văn phòng Sở"), else the typed team followed by the unit; elsewhere (an enterprise)
 * as typed.
 */
export function workplaceName(plan: Plan, n: Pick<ListedNominee, 'workplace' | 'unit' | 'group'>): string {
  const typed = documentText(n.workplace);
  if (openToAll(plan, n.group) && typed) return typed;
  const unit = unitFullName(plan, n.unit);
  const t = typed.toLowerCase();
  if (!t || unit.toLowerCase().includes(t)) return unit;
  return t.includes(unit.toLowerCase()) ? typed : `${typed}, ${unit}`;
}

/** A list row's name, position and unit: a collective is named in full in the first cell, the others empty. */
export function listCells(plan: Plan, n: ListedNominee, person: boolean): [string, string, string] {
  return person
    ? [documentText(n.name), documentText(n.position), workplaceName(plan, n)]
    : [collectiveName(plan, n), '', ''];
}
