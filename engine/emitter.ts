// What every step that finds issues declares, in a module of its own: the readers (read.ts) and the
// checks (checks/types.ts) both declare themselves with it, and neither needs the other's types for that.
import type { IssueCode } from './issues.js';

/** What a step that finds issues declares: the catalog test holds every code to exactly one of these. */
export interface Emitter<C extends IssueCode = IssueCode> {
  name: string;
  emits: readonly C[];
}
