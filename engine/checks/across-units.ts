// DUPLICATE_ACROSS_UNITS (merge only): the same nominee proposed by two units. Every side is warned,
// naming the other unit(s). A warning: statuses do not change.
import { makeIssue } from '../issues.js';
import { planContext } from '../model.js';
import type { Nomination } from '../nomination.js';
import type { Plan } from '../plan.js';

export function checkAcrossUnits(plan: Plan, nominations: readonly Nomination[]): void {
  const ctx = planContext(plan);
  const byIdentity = new Map<string, Nomination[]>();
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
      const others = [...units]
        .filter((u) => u !== n.unit)
        .map((u) => ctx.units.get(u)?.name ?? u)
        .join(', ');
      const column = ctx.columns[n.type].get('name')?.header;
      n.issues.push(
        makeIssue(
          'DUPLICATE_ACROSS_UNITS',
          { file: n.source.file, sheet: n.source.sheet, row: n.source.row, column },
          { other: others },
        ),
      );
    }
  }
}
