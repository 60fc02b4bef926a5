// Who a nomination is about, and its stable id (SPEC §4): individuals by name + birth year, collectives
// by name, names compared after NFC, trimming, collapsing spaces and lower-casing.
import type { NomineeTypeCode } from './plan.js';
import { matchKey } from './text.js';

/** A person's key has their birth year (null when unknown); a collective's, given no birth year, has none. */
export function identityKey(type: NomineeTypeCode, name: string, birthYear?: number | null): string {
  return birthYear === undefined ? `${type}|${matchKey(name)}` : `${type}|${matchKey(name)}|${birthYear ?? ''}`;
}

// A 64-bit string hash (two independent 32-bit lanes, cyrb53-style mixing): same input, same id, on any
// platform. The state after a prefix can be kept, so a file's rows hash only their own part.
type HashState = [number, number];
const SEED: HashState = [0xdeadbeef, 0x41c6ce57];

function absorb([a, b]: HashState, text: string): HashState {
  let h1 = a;
  let h2 = b;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return [h1, h2];
}

function finish([a, b]: HashState): string {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h2) + hex32(h1);
}

const hexDigit = (n: number): number => n + (n < 10 ? 48 : 87);

/**
 * The eight lower-case hex digits of a 32-bit value, as (n >>> 0).toString(16).padStart(8, '0') gives them,
 * made in one step: toString(16) of a value above the small-integer range is a call into the runtime, twice
 * for every row's id.
 */
function hex32(n: number): string {
  return String.fromCharCode(
    hexDigit((n >>> 28) & 15),
    hexDigit((n >>> 24) & 15),
    hexDigit((n >>> 20) & 15),
    hexDigit((n >>> 16) & 15),
    hexDigit((n >>> 12) & 15),
    hexDigit((n >>> 8) & 15),
    hexDigit((n >>> 4) & 15),
    hexDigit(n & 15),
  );
}

export const stableHash = (text: string): string => finish(absorb(SEED, text));

/** Ids of one unit's nominations: the plan and unit part is hashed once. */
export function idHasher(planId: string, unit: string): (identity: string) => string {
  const prefix = absorb(SEED, `${planId}\u0000${unit}\u0000`);
  return (identity) => finish(absorb(prefix, identity));
}

export function nominationId(planId: string, unit: string, identity: string): string {
  return idHasher(planId, unit)(identity);
}

/** For every later row of a repeated id: its index and its occurrence (2, 3, …). */
export function repeatOccurrences(rows: readonly { id: string }[]): Map<number, number> {
  const seen = new Map<string, number>();
  const repeats = new Map<number, number>();
  rows.forEach((r, i) => {
    const count = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, count);
    if (count > 1) repeats.set(i, count);
  });
  return repeats;
}
