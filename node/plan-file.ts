// Loads the plan: the bundled 2021 plan, or a file given with --plan — JSON, or the plan workbook
// (Kế hoạch.xlsx) the secretariat edits — validated the same way. The one loader every command uses.
import { promises as fs } from 'node:fs';
import { safeParsePlan, type Plan } from '../engine/index.js';
import { DEFAULT_PLAN } from '../engine/plans/index.js';
import { checkPlanWorkbookBytes, planProblemsText } from './plan-workbook.js';

export const isPlanWorkbook = (file: string): boolean => /\.xlsx$/i.test(file);

async function readPlanBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new Error(`Không đọc được tệp kế hoạch "${file}": ${(e as Error).message}`);
  }
}

async function loadPlanWorkbook(file: string, data: Buffer): Promise<Plan> {
  let check;
  try {
    check = await checkPlanWorkbookBytes(data);
  } catch {
    throw new Error(`Tệp kế hoạch "${file}" không mở được như sổ Excel (.xlsx): hãy lưu lại bằng Excel.`);
  }
  if (!check.plan)
    throw new Error(`${planProblemsText(file, check)}\nSửa rồi chạy lại (kiểm tra: npm run plan -- check "${file}").`);
  return check.plan;
}

export async function loadPlan(file?: string): Promise<Plan> {
  if (!file) return DEFAULT_PLAN;
  const data = await readPlanBytes(file);
  if (isPlanWorkbook(file)) return loadPlanWorkbook(file, data);
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (e) {
    throw new Error(`Không đọc được tệp kế hoạch "${file}": ${(e as Error).message}`);
  }
  const parsed = safeParsePlan(json, `Tệp kế hoạch "${file}"`);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.plan;
}
