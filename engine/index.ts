// The engine's public surface, shared unchanged by the Excel add-in and the sync script. It imports
// neither Office nor Node APIs.
export * from './cells.js';
export * from './check.js';
export * from './deadline.js';
export * from './identity.js';
export * from './issues.js';
export * from './model.js';
export * from './nomination.js';
export * from './plan.js';
export * from './plan-sheet.js';
export * from './read.js';
export * from './screen.js';
export * from './template.js';
export * from './text.js';
export * from './told-error.js';
export type { Emitter } from './emitter.js';
export * from './marks.js';
export * from './plan-workbook.js';
export * from './plan-workbook-check.js';
export * from './plan-workbook-map.js';
export * from './verdict.js';
export { checkAgainstAwards, type PastAward } from './checks/already-awarded.js';
export * from './money-words.js';
export * from './prize.js';
