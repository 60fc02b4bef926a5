// Who a nomination is about, and its stable id (SPEC §4): individuals by name + birth year, collectives
// by name, names compared after NFC, trimming, collapsing spaces and lower-casing.
import type { NomineeTypeCode } from './plan.js';
import { matchKey } from './text.js';

export function identityKey(type: NomineeTypeCode, name: string, birthYear: number | null): string {
  return type === 'ca_nhan' ? `${type}|${matchKey(name)}|${birthYear ?? ''}` : `${type}|${matchKey(name)}`;
}

/** A 64-bit string hash (two independent 32-bit lanes, cyrb53-style mixing): same input, same id, on any platform. */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

export function nominationId(planId: string, unit: string, identity: string): string {
  return stableHash(`${planId}\u0000${unit}\u0000${identity}`);
}
