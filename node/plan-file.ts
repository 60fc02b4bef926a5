// Loads the plan: the bundled 2021 plan, or a file given with --plan — JSON, or the plan workbook
// (Kế hoạch.xlsx) the secretariat edits — validated the same way. The one loader every command uses.
import { promises as fs } from 'node:fs';
import { safeParsePlan, type Plan, type PlanWorkbookCheck } from '../engine/index.js';
import { DEFAULT_PLAN } from '../engine/plans/index.js';
import { ToldError } from '../engine/told-error.js';
import { fileError } from './fs-errors.js';
import { checkPlanWorkbookBytes, planProblemsText } from './plan-workbook.js';

export const isPlanWorkbook = (file: string): boolean => /\.xlsx$/i.test(file);

/** The bytes of a plan file (JSON or workbook); a file that cannot be read is told with its path. */
async function readPlanBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw fileError(e, 'đọc được tệp kế hoạch', file);
  }
}

/** The check of a plan workbook (Kế hoạch.xlsx); a file that is no workbook at all is told as such. */
export async function checkPlanWorkbookFile(file: string): Promise<PlanWorkbookCheck> {
  const data = await readPlanBytes(file);
  try {
    return await checkPlanWorkbookBytes(data);
  } catch (e) {
    throw new ToldError(
      `Tệp kế hoạch "${file}" không mở được như sổ Excel (.xlsx): hãy mở và lưu lại bằng Excel hoặc LibreOffice Calc.`,
      { cause: e },
    );
  }
}

async function loadPlanWorkbook(file: string): Promise<Plan> {
  const check = await checkPlanWorkbookFile(file);
  if (!check.plan)
    throw new ToldError(
      `${planProblemsText(file, check)}\nSửa rồi chạy lại (kiểm tra: npm run plan -- check "${file}").`,
    );
  return check.plan;
}

export async function loadPlan(file?: string): Promise<Plan> {
  if (!file) return DEFAULT_PLAN;
  if (isPlanWorkbook(file)) return loadPlanWorkbook(file);
  const data = await readPlanBytes(file);
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (e) {
    const why =
      e instanceof SyntaxError
        ? 'nội dung không phải JSON hợp lệ (thiếu dấu phẩy, ngoặc hoặc dấu nháy?)'
        : 'không mở được tệp';
    throw new ToldError(`Không đọc được tệp kế hoạch "${file}": ${why}.`, { cause: e });
  }
  const parsed = safeParsePlan(json, `Tệp kế hoạch "${file}"`);
  if (!parsed.success) throw new ToldError(parsed.message);
  return parsed.plan;
}
