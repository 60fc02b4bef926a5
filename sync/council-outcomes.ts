// After the meeting: the council's votes (Số phiếu đồng ý) and, for forms decided outside the Sở, what the
// decider finally decided (Kết quả cấp trên), both typed in Tổng hợp and carried over by nomination id
// (SPEC §8). A nomination moves through three stages — proposed, approved by the council, decided above —
// and every count of those stages (Thống kê, the report, the papers) comes from `countStages`.
import { isDecidedAbove, type Nomination, type Plan, type PlanForm } from '../engine/index.js';
import { MASTER_SHEETS } from './master/layout.js';
import type { MergeResult } from './merge-model.js';
import { isEligible, listRule, standingOf } from './statuses.js';
import type { CouncilStatus, Outcome, VoteReading } from './typed-values/council.js';
import { keyOf } from './typed-values/master.js';

/** The votes and higher result typed for one nomination. */
export const outcomeOf = (result: MergeResult, id: string): Outcome | undefined => result.outcomes?.get(keyOf(id));

/** The share of members present, when it can be told. */
export function voteShare(votes: VoteReading | null, members: number | null): number | null {
  if (votes?.kind === 'share') return votes.share;
  if (votes?.kind === 'count' && members) return votes.votes / members;
  return null;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`.replace('.', ',');

/** What is wrong with a typed vote, in Vietnamese, or null: unreadable, more votes than members present,
 *  over 100%, or an approval under the share the plan requires. */
export function voteProblem(
  plan: Plan,
  votes: VoteReading | null,
  members: number | null,
  council: CouncilStatus,
): string | null {
  if (!votes) return null;
  if (votes.kind === 'unreadable')
    return `"${votes.text}" không phải số phiếu hay tỷ lệ: hãy ghi số phiếu (ví dụ 7) hoặc tỷ lệ (ví dụ 75%).`;
  if (votes.kind === 'share' && votes.share > 1) return `Tỷ lệ ${percent(votes.share)} vượt quá 100%.`;
  if (votes.kind === 'count' && members !== null && votes.votes > members)
    return `${votes.votes} phiếu, nhiều hơn số thành viên dự họp (${members}, ghi ở trang "${MASTER_SHEETS.documents}").`;
  const share = voteShare(votes, members);
  const min = plan.voting?.minShare;
  if (council === 'approved' && share !== null && min !== undefined && share < min)
    return `Đồng ý với ${percent(share)} số phiếu, dưới mức ${percent(min)} cần có (${plan.voting!.basis}).`;
  return null;
}

/** Proposed → approved by the council → decided above, for a set of nominations. */
export interface Stages {
  proposed: number;
  approved: number;
  /** Forms decided above only: of the approved, awarded / not awarded / not known yet. */
  awarded: number;
  notAwarded: number;
  awaiting: number;
}

export function countStages(result: MergeResult, list: Iterable<Nomination>): Stages {
  const s: Stages = { proposed: 0, approved: 0, awarded: 0, notAwarded: 0, awaiting: 0 };
  const rule = listRule(result);
  const forms = new Map(result.plan.forms.map((f) => [f.code, f]));
  for (const n of list) {
    const standing = standingOf(result, n);
    if (!isEligible(standing, rule)) continue;
    s.proposed++;
    if (standing.council !== 'approved') continue;
    s.approved++;
    const form = n.form ? forms.get(n.form) : undefined;
    if (!form || !isDecidedAbove(form)) continue;
    const higher = outcomeOf(result, n.id)?.higher ?? null;
    if (higher === 'awarded') s.awarded++;
    else if (higher === 'not_awarded') s.notAwarded++;
    else s.awaiting++;
  }
  return s;
}

/** "12 → 9 → 7": proposed, approved by the council and, for a form decided above, awarded there. */
export const stagesText = (s: Stages, form: PlanForm): string =>
  isDecidedAbove(form) ? `${s.proposed} → ${s.approved} → ${s.awarded}` : `${s.proposed} → ${s.approved}`;

/** The report's fields of one nomination (SPEC §8). */
export function outcomeFields(result: MergeResult, n: Nomination) {
  const o = outcomeOf(result, n.id);
  const votes = o?.votes ?? null;
  return {
    votes: votes?.kind === 'count' ? votes.votes : null,
    voteShare: voteShare(votes, result.membersPresent ?? null),
    higher: o?.higher ?? null,
  };
}

/** The report's stages per form, and per unit within each form. */
export function stagesReport(result: MergeResult) {
  return result.plan.forms.map((form) => {
    const mine = result.nominations.filter((n) => n.form === form.code);
    return {
      form: form.code,
      decidedAbove: isDecidedAbove(form),
      ...countStages(result, mine),
      units: result.units.map((u) => ({
        unit: u.unit,
        ...countStages(
          result,
          mine.filter((n) => n.unit === u.unit),
        ),
      })),
    };
  });
}
