// A plan with every optional field the schema has filled in, walked from the schema itself: a field added
// to engine/plan.ts later is filled here too, so the round-trip test fails if the workbook does not carry it.
import type { Plan } from '../../engine/index.js';
import { PlanSchema } from '../../engine/index.js';

type Def = { type: string; [k: string]: unknown };
type Schema = { def: Def };

function bare(s: Schema): Schema {
  const t = s.def.type;
  if (t === 'optional' || t === 'nullable' || t === 'default') return bare(s.def.innerType as Schema);
  if (t === 'pipe') return bare(s.def.in as Schema);
  return s;
}

/** A value of the schema's type: valid as text and as a code, numbers small, lists of one. */
function sample(schema: Schema): unknown {
  const s = bare(schema);
  switch (s.def.type) {
    case 'string':
      return 'MAU_1';
    case 'number':
      return 7;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(s.def.entries as Record<string, string>)[0];
    case 'array':
      return [sample(s.def.element as Schema)];
    case 'object':
      return Object.fromEntries(Object.entries(s.def.shape as Record<string, Schema>).map(([k, v]) => [k, sample(v)]));
    default:
      return undefined;
  }
}

function fill(value: unknown, schema: Schema): unknown {
  const s = bare(schema);
  if (value === undefined) return sample(s);
  if (s.def.type === 'array' && Array.isArray(value)) return value.map((v) => fill(v, s.def.element as Schema));
  if (s.def.type === 'record' && value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, s.def.valueType as Schema)]));
  if (s.def.type === 'object' && value && typeof value === 'object') {
    const shape = s.def.shape as Record<string, Schema>;
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(shape).map((k) => [k, fill(obj[k], shape[k]!)]));
  }
  return value;
}

export function everyFieldFilled(plan: Plan): Plan {
  return fill(plan, PlanSchema as unknown as Schema) as Plan;
}
