// FIELD_REQUIRED: every required column of the row's sheet must hold a value.
import type { NomineeTypeCode } from '../plan.js';
import type { PlanContext } from '../model.js';
import type { ColumnKey } from '../template.js';
import { rowCheck } from './types.js';

const requiredKeys = new WeakMap<PlanContext, Partial<Record<NomineeTypeCode, ColumnKey[]>>>();

function keysOf(ctx: PlanContext, type: NomineeTypeCode): ColumnKey[] {
  let byType = requiredKeys.get(ctx);
  if (!byType) requiredKeys.set(ctx, (byType = {}));
  return (byType[type] ??= [...ctx.columns[type].values()].filter((s) => s.required).map((s) => s.key));
}

export const checkRequired = rowCheck('required', ['FIELD_REQUIRED'], (row, ctx, emit) => {
  const keys = keysOf(ctx, row.type);
  // Indexed: a for-of makes an iterator result per key per row until the check is optimized.
  for (let i = 0; i < keys.length; i++) if (!row.text[keys[i]!]) emit('FIELD_REQUIRED', keys[i]!);
});
