// One status per nomination (SPEC §7): its validity (valid / invalid / late) and the council's result
// (pending / approved / rejected). Every count shown anywhere — Tổng hợp, Theo đơn vị, Thống kê, the
// lists, the report, the Word documents — goes through `countStandings` or `isListed`, so no two places
// can disagree.
import type { Nomination, NominationStatus } from '../engine/index.js';
import type { MergeResult } from './merge-model.js';
import type { CouncilStatus } from './typed-values/council.js';
import { keyOf } from './typed-values/master.js';

/** What decides where a nomination is counted. */
export interface Standing {
  status: NominationStatus;
  /** Late, and lateness is its only error: listed when the merge includes late files. */
  lateOnly: boolean;
  council: CouncilStatus;
}

/** How lists are filled: from the merge's options and the master's Văn bản settings. */
export interface ListRule {
  includeLate: boolean;
  approvedOnly: boolean;
}

/** Proposed for an award: valid, or late with nothing else wrong when late files are included. */
export const isEligible = (s: Standing, rule: ListRule): boolean =>
  s.status === 'valid' || (rule.includeLate && s.lateOnly);

/** In its form's list (and so in the documents): eligible, not refused, and approved when only approved count. */
export const isListed = (s: Standing, rule: ListRule): boolean =>
  isEligible(s, rule) && s.council !== 'rejected' && (!rule.approvedOnly || s.council === 'approved');

export interface Counts {
  all: number;
  valid: number;
  invalid: number;
  late: number;
  /** Eligible and approved / refused / not yet decided by the council. */
  approved: number;
  rejected: number;
  pending: number;
  listed: number;
}

export const emptyCounts = (): Counts => ({
  all: 0,
  valid: 0,
  invalid: 0,
  late: 0,
  approved: 0,
  rejected: 0,
  pending: 0,
  listed: 0,
});

/** The one counting function: every figure a reader sees is a field of its result. */
export function countStandings(items: Iterable<Standing>, rule: ListRule): Counts {
  const c = emptyCounts();
  for (const s of items) {
    c.all++;
    c[s.status]++;
    if (isEligible(s, rule)) c[s.council]++;
    if (isListed(s, rule)) c.listed++;
  }
  return c;
}

/** Late, and lateness is its only error. */
export const isLateOnly = (n: Nomination): boolean =>
  n.status === 'late' && n.issues.every((i) => i.severity !== 'error' || i.code === 'DEADLINE_LATE');

export const listRule = (result: MergeResult): ListRule => ({
  includeLate: result.includeLate,
  approvedOnly: result.approvedOnly,
});

export const standingOf = (result: MergeResult, n: Nomination): Standing => ({
  status: n.status,
  lateOnly: isLateOnly(n),
  council: result.council.get(keyOf(n.id)) ?? 'pending',
});

/** Counts a set of the merge's nominations. */
export const countNominations = (result: MergeResult, list: Iterable<Nomination>): Counts =>
  countStandings(
    (function* () {
      for (const n of list) yield standingOf(result, n);
    })(),
    listRule(result),
  );

export const isListedNomination = (result: MergeResult, n: Nomination): boolean =>
  isListed(standingOf(result, n), listRule(result));
