// The bundled plans. Adapters load the default one; a plan file given on the command line goes through
// the same validation.
import plan2021 from './sct-qng-2021-dtdb.json';
import { parsePlan, type Plan } from '../plan.js';

export const DEFAULT_PLAN: Plan = parsePlan(plan2021, 'Kế hoạch SCT-QNG-2021-DTDB');

/** Plans built into the add-in: used for a workbook that carries none (or a damaged one), by its Mã kế hoạch. */
export const BUNDLED_PLANS: readonly Plan[] = [DEFAULT_PLAN];
