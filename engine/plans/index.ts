// The bundled plans. Adapters load the default one; a plan file given on the command line goes through
// the same validation.
import plan2021 from './sct-qng-2021-dtdb.json';
import { parsePlan, type Plan } from '../plan.js';

export const DEFAULT_PLAN: Plan = parsePlan(plan2021, 'Kế hoạch SCT-QNG-2021-DTDB');
