// ROUTE_NOT_ELIGIBLE and OUTSTANDING_REQUIRED: whether the chosen form is open to this nominee.
import { planForm } from '../plan.js';
import { rowCheck } from './types.js';

export const checkRouting = rowCheck('routing', ['ROUTE_NOT_ELIGIBLE', 'OUTSTANDING_REQUIRED'], (row, ctx, emit) => {
  if (row.form.kind !== 'ok') return;
  const code = row.form.value;
  const form = planForm(ctx.plan, code);
  if (!form) return;
  if (row.group.kind === 'ok' && !form.eligibleGroups.includes(row.group.value)) {
    const groupCode = row.group.value;
    const group = ctx.plan.groups.find((g) => g.code === groupCode);
    emit('ROUTE_NOT_ELIGIBLE', 'form', {
      form: form.label,
      group: group?.label ?? groupCode,
      open: ctx.plan.forms.filter((f) => f.eligibleGroups.includes(groupCode)).map((f) => f.label),
    });
  }
  if (form.requiresOutstanding && !(row.outstanding.kind === 'ok' && row.outstanding.value)) {
    emit('OUTSTANDING_REQUIRED', 'outstanding', { form: form.label });
  }
});
