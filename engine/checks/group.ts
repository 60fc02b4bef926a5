// GROUP_NOT_ALLOWED: a unit proposes only nominees of the groups the plan lets it propose (its own group
// and the groups open to every unit): a district office cannot mark its own staff as the Sở's to reach a
// form meant for the Sở's departments.
import { mayPropose, proposableGroups } from '../plan.js';
import { rowCheck } from './types.js';

export const checkGroupAllowed = rowCheck('group-allowed', ['GROUP_NOT_ALLOWED'], (row, ctx, emit) => {
  if (row.group.kind !== 'ok') return;
  const code = row.group.value;
  if (mayPropose(ctx.plan, row.unit, code)) return;
  const allowed = proposableGroups(ctx.plan, row.unit);
  emit('GROUP_NOT_ALLOWED', 'group', {
    unit: row.unit.name,
    group: ctx.plan.groups.find((g) => g.code === code)?.label ?? code,
    allowed: allowed.map((g) => g.label),
  });
});
