// Loads the plan: the bundled 2021 plan, or a JSON file given with --plan, validated the same way.
import { promises as fs } from 'node:fs';
import { safeParsePlan, type Plan } from '../engine/index.js';
import { DEFAULT_PLAN } from '../engine/plans/index.js';

export async function loadPlan(file?: string): Promise<Plan> {
  if (!file) return DEFAULT_PLAN;
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được tệp kế hoạch "${file}": ${(e as Error).message}`);
  }
  const parsed = safeParsePlan(json, `Tệp kế hoạch "${file}"`);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.plan;
}
