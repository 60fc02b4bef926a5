// What the secretariat types about the council's decision in Tổng hợp — Kết quả Hội đồng, Số phiếu đồng ý,
// Kết quả cấp trên (SPEC §7, §8) — read from the previous master's typed values into the merge's terms.
// Everything here reads; counting what was read is sync/statuses.ts and sync/council-outcomes.ts.
import { matchKey } from '../../engine/index.js';
import { isFormula, type TypedCell } from '../../node/xlsx-rows.js';
import { COUNCIL_VALUES, HIGHER_VALUES, MASTER_SHEETS, TALLY_TYPED_HEADERS } from '../master/layout.js';
import { keptRows, keyOf, typedText, type TypedValues } from './master.js';

export type CouncilStatus = 'pending' | 'approved' | 'rejected';

/** Reads what the secretariat typed in Kết quả Hội đồng; anything but the two values is "not decided". */
export function councilStatus(typed: string | null | undefined): CouncilStatus {
  const key = matchKey(typed ?? '');
  if (key === matchKey(COUNCIL_VALUES.approve)) return 'approved';
  if (key === matchKey(COUNCIL_VALUES.reject)) return 'rejected';
  return 'pending';
}

/** Labels of a council status, as Tổng hợp and the report's readers see them. */
export const COUNCIL_LABELS: Record<CouncilStatus, string> = {
  pending: 'Chưa xét',
  approved: COUNCIL_VALUES.approve,
  rejected: COUNCIL_VALUES.reject,
};

/** The council's results typed in the previous master's Tổng hợp, by keyOf(nomination id). */
export function councilFromPrevious(previous: TypedValues): Map<string, CouncilStatus> {
  const council = new Map<string, CouncilStatus>();
  for (const kept of keptRows(previous, MASTER_SHEETS.tally)) {
    const status = councilStatus(typedText(kept.values.get(TALLY_TYPED_HEADERS.council)));
    if (status !== 'pending') council.set(keyOf(kept.key), status);
  }
  return council;
}

export type HigherStatus = 'awarded' | 'not_awarded';

/** Số phiếu đồng ý as typed: a number of votes, a share of the members present, or something else. */
export type VoteReading =
  { kind: 'count'; votes: number } | { kind: 'share'; share: number } | { kind: 'unreadable'; text: string };

export interface Outcome {
  votes: VoteReading | null;
  higher: HigherStatus | null;
}

/** Reads Số phiếu đồng ý: 7 (votes), "7 phiếu", 75% (Excel keeps 0.75), "75%"; blank is null. */
export function readVotes(cell: TypedCell | undefined): VoteReading | null {
  const v = isFormula(cell) ? (cell.result ?? null) : (cell ?? null);
  const text = typedText(v).trim();
  if (!text) return null;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 0) return { kind: 'count', votes: v };
    if (v > 0 && v < 1) return { kind: 'share', share: v };
    return { kind: 'unreadable', text };
  }
  const percent = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  if (percent) return { kind: 'share', share: Number(percent[1]!.replace(',', '.')) / 100 };
  const count = /^(\d+)(?:\s*phiếu)?$/i.exec(text);
  if (count) return { kind: 'count', votes: Number(count[1]) };
  return { kind: 'unreadable', text };
}

/** Reads Kết quả cấp trên; anything but its two values is "not known yet". */
export function higherStatus(typed: string): HigherStatus | null {
  const key = matchKey(typed);
  if (key === matchKey(HIGHER_VALUES.awarded)) return 'awarded';
  if (key === matchKey(HIGHER_VALUES.notAwarded)) return 'not_awarded';
  return null;
}

/** The votes and higher results typed in the previous master's Tổng hợp, by nomination id as ids are
 *  matched (keyOf: whatever the letter case); read them with outcomeOf. */
export function outcomesFromPrevious(previous: TypedValues): Map<string, Outcome> {
  const out = new Map<string, Outcome>();
  for (const kept of keptRows(previous, MASTER_SHEETS.tally)) {
    const votes = readVotes(kept.values.get(TALLY_TYPED_HEADERS.votes));
    const higher = higherStatus(typedText(kept.values.get(TALLY_TYPED_HEADERS.higher)));
    if (votes || higher) out.set(keyOf(kept.key), { votes, higher });
  }
  return out;
}
