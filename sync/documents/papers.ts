// What the papers hold, decided once for all of them: each form's list (built from Tổng hợp with the one
// status function, so `--approved-only` needs no second merge), who is listed twice, and whether the
// council has decided every listed name — the papers are a draft (DỰ THẢO) until nothing is pending and
// nobody is listed twice.
import { identityKey, type Plan, type PlanForm } from '../../engine/index.js';
import { isListed, type ListRule } from '../statuses.js';
import type { MasterNomination, MasterSnapshot } from './master-read.js';

export interface FormList {
  form: PlanForm;
  members: MasterNomination[];
}

export interface Papers {
  lists: FormList[];
  /** Listed nominations the council has not decided yet. */
  pending: MasterNomination[];
  /** One person (or collective) listed more than once, within a list or across lists: each group's rows. */
  duplicates: MasterNomination[][];
  /** Ids of the rows of those groups: marked in the lists. */
  duplicateIds: Set<string>;
  /** Not ready to sign: something pending or someone listed twice. */
  draft: boolean;
}

/** A form's list members, in the lists' order: by nominee type (the parts), then unit, then line. */
export function membersOf(plan: Plan, snapshot: MasterSnapshot, form: PlanForm, rule: ListRule): MasterNomination[] {
  return inListOrder(
    plan,
    snapshot.nominations.filter((n) => n.form === form.code && isListed(n.standing, rule)),
  );
}

/** Nominations in the lists' order: by nominee type (the parts), then unit, then line. */
export function inListOrder(plan: Plan, nominations: MasterNomination[]): MasterNomination[] {
  const unitOrder = new Map(plan.units.map((u, i) => [u.code, i]));
  const sorted = [...nominations].sort(
    (a, b) => (unitOrder.get(a.unit) ?? 0) - (unitOrder.get(b.unit) ?? 0) || a.line - b.line,
  );
  return plan.nomineeTypes.flatMap((t) => sorted.filter((n) => n.type === t.code));
}

/**
 * Who a listed row is about (engine/identity.ts): a person by name and birth year; a collective by name,
 * and by its unit too unless its group is open to every unit (a unit's own team is its own).
 */
export function personKey(plan: Plan, n: MasterNomination): string {
  const type = plan.nomineeTypes.find((t) => t.code === n.type);
  if (type?.person) return identityKey(n.type, n.name, Number(n.birthYear) || null);
  const open = plan.groups.some((g) => g.code === n.group && g.openToAllUnits);
  return open ? identityKey(n.type, n.name) : `${identityKey(n.type, n.name)}|${n.unit}`;
}

export function papersOf(plan: Plan, snapshot: MasterSnapshot, rule: ListRule): Papers {
  const lists = plan.forms
    .filter((f) => f.document)
    .map((form) => ({ form, members: membersOf(plan, snapshot, form, rule) }));
  const all = lists.flatMap((l) => l.members);
  const byPerson = new Map<string, MasterNomination[]>();
  for (const n of all) {
    const key = personKey(plan, n);
    byPerson.set(key, [...(byPerson.get(key) ?? []), n]);
  }
  const duplicates = [...byPerson.values()].filter((g) => g.length > 1);
  const pending = all.filter((n) => n.standing.council === 'pending');
  return {
    lists,
    pending,
    duplicates,
    duplicateIds: new Set(duplicates.flat().map((n) => n.id)),
    draft: pending.length > 0 || duplicates.length > 0,
  };
}
