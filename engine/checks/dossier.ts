// DOSSIER_NO_REPORT and DOSSIER_NO_CONFIRMATION: each nominee's achievement report, confirmed.
import { rowCheck } from './types.js';

export const checkDossier = rowCheck('dossier', ['DOSSIER_NO_REPORT', 'DOSSIER_NO_CONFIRMATION'], (row, _ctx, emit) => {
  if (row.report.kind === 'empty' || (row.report.kind === 'ok' && !row.report.value))
    emit('DOSSIER_NO_REPORT', 'report');
  if (row.confirmation.kind === 'empty' || (row.confirmation.kind === 'ok' && !row.confirmation.value))
    emit('DOSSIER_NO_CONFIRMATION', 'confirmation');
});
