// DUPLICATE_ACROSS_UNITS (merge only): the same nominee proposed by two units. Every side is warned,
// naming the other unit(s). A warning: statuses do not change. Persons are compared by name and birth
// year; collectives only in a group the plan opens to every unit (an enterprise two districts both
// propose): "Tổ Kế hoạch tổng hợp số 1" of one district is not that of another.
import { isPerson } from '../plan.js';
import { unitsCheck } from './types.js';

export const checkDuplicatesAcrossUnits = unitsCheck(
  'duplicates-across-units',
  ['DUPLICATE_ACROSS_UNITS'],
  (nominations, ctx, emit) => {
    const shared = new Set(ctx.plan.groups.filter((g) => g.openToAllUnits).map((g) => g.code));
    const byIdentity = new Map<string, (typeof nominations)[number][]>();
    for (const n of nominations) {
      if (!n.name) continue;
      if (!isPerson(ctx.plan, n.type) && !(n.group && shared.has(n.group))) continue;
      const list = byIdentity.get(n.identity);
      if (list) list.push(n);
      else byIdentity.set(n.identity, [n]);
    }
    for (const group of byIdentity.values()) {
      const units = new Set(group.map((n) => n.unit));
      if (units.size < 2) continue;
      for (const n of group) {
        const others = [...units]
          .filter((u) => u !== n.unit)
          .map((code) => ({ code, name: ctx.units.get(code)?.name ?? code }));
        emit('DUPLICATE_ACROSS_UNITS', n, { units: others });
      }
    }
  },
);
