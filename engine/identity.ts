// Who a nomination is about, and its stable id (SPEC §4): individuals by name + birth year, collectives
// by name, names compared after NFC, trimming, collapsing spaces and lower-casing.
import type { NomineeTypeCode } from './plan.js';
import { matchKey } from './text.js';

/** A person's key has their birth year (null when unknown); a collective's, given no birth year, has none. */
export function identityKey(type: NomineeTypeCode, name: string, birthYear?: number | null): string {
  return birthYear === undefined ? `${type}|${matchKey(name)}` : `${type}|${matchKey(name)}|${birthYear ?? ''}`;
}

// A 64-bit string hash (two independent 32-bit lanes, cyrb53-style mixing): same input, same id, on any
// platform. A lane's value after a prefix can be kept, so a file's rows hash only their own part.
// Each lane is run on its own and passed as a plain number: a [lane1, lane2] array made for every id cost
// an allocation per row, and its element kinds (doubles for the seed, integers later) knocked the loop out
// of optimized code for the rest of the file's first check.
const SEED_1 = 0xdeadbeef;
const SEED_2 = 0x41c6ce57;
const MULTIPLIER_1 = 2654435761;
const MULTIPLIER_2 = 1597334677;

function lane(seed: number, text: string, multiplier: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), multiplier);
  return h;
}

function finish(a: number, b: number): string {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h2) + hex32(h1);
}

/** Character codes of the lower-case hex digits, looked up rather than computed by a call per digit. */
const HEX_CODES: readonly number[] = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/**
 * The eight lower-case hex digits of a 32-bit value, as (n >>> 0).toString(16).padStart(8, '0') gives them,
 * made in one step: toString(16) of a value above the small-integer range is a call into the runtime, twice
 * for every row's id.
 */
function hex32(n: number): string {
  return String.fromCharCode(
    HEX_CODES[(n >>> 28) & 15]!,
    HEX_CODES[(n >>> 24) & 15]!,
    HEX_CODES[(n >>> 20) & 15]!,
    HEX_CODES[(n >>> 16) & 15]!,
    HEX_CODES[(n >>> 12) & 15]!,
    HEX_CODES[(n >>> 8) & 15]!,
    HEX_CODES[(n >>> 4) & 15]!,
    HEX_CODES[n & 15]!,
  );
}

export const stableHash = (text: string): string =>
  finish(lane(SEED_1, text, MULTIPLIER_1), lane(SEED_2, text, MULTIPLIER_2));

/** Ids of one unit's nominations: the plan and unit part is hashed once. */
export function idHasher(planId: string, unit: string): (identity: string) => string {
  const prefix = `${planId}\u0000${unit}\u0000`;
  const a = lane(SEED_1, prefix, MULTIPLIER_1);
  const b = lane(SEED_2, prefix, MULTIPLIER_2);
  return (identity) => finish(lane(a, identity, MULTIPLIER_1), lane(b, identity, MULTIPLIER_2));
}

export function nominationId(planId: string, unit: string, identity: string): string {
  return idHasher(planId, unit)(identity);
}

/** For every later row of a repeated id: its index and its occurrence (2, 3, …). */
export function repeatOccurrences(rows: readonly { id: string }[]): Map<number, number> {
  const seen = new Map<string, number>();
  const repeats = new Map<number, number>();
  // A loop, not forEach: optimized while it runs, in the one pass a file's check makes.
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i]!.id;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count > 1) repeats.set(i, count);
  }
  return repeats;
}
