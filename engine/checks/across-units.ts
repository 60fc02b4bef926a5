// DUPLICATE_ACROSS_UNITS (merge only): the same nominee proposed by two units. Every side is warned,
// naming the other unit(s). A warning: statuses do not change.
import { unitsCheck } from './types.js';

export const checkDuplicatesAcrossUnits = unitsCheck(
  'duplicates-across-units',
  ['DUPLICATE_ACROSS_UNITS'],
  (nominations, ctx, emit) => {
    const byIdentity = new Map<string, (typeof nominations)[number][]>();
    for (const n of nominations) {
      if (!n.name) continue;
      const list = byIdentity.get(n.identity);
      if (list) list.push(n);
      else byIdentity.set(n.identity, [n]);
    }
    for (const group of byIdentity.values()) {
      const units = new Set(group.map((n) => n.unit));
      if (units.size < 2) continue;
      for (const n of group) {
        const others = [...units].filter((u) => u !== n.unit).map((u) => ctx.units.get(u)?.name ?? u);
        emit('DUPLICATE_ACROSS_UNITS', n, { units: others });
      }
    }
  },
);
