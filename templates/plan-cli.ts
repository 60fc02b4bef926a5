// npm run plan -- export|check|import: the plan as a workbook the secretariat edits (Kế hoạch.xlsx).
//   export --plan FILE --out Ke-hoach.xlsx   writes the workbook from a plan (JSON or workbook)
//   check Ke-hoach.xlsx                      lists what is wrong by sheet, row, column (exit 0 valid, 1 not)
//   import Ke-hoach.xlsx --out plan.json     writes the checked plan as JSON
import { planJson, type Plan } from '../engine/index.js';
import { writeAtomic, writeFileAtomic } from '../node/atomic.js';
import { isEntryPoint, parseOptions, runCommand, UsageError } from '../node/cli.js';
import { checkPlanWorkbookFile, loadPlan } from '../node/plan-file.js';
import { buildPlanWorkbook, planProblemsText } from '../node/plan-workbook.js';

export const PLAN_USAGE = `npm run plan -- export --plan TỆP_KẾ_HOẠCH --out Ke-hoach.xlsx
  npm run plan -- check Ke-hoach.xlsx
  npm run plan -- import Ke-hoach.xlsx --out ke-hoach.json`;

export async function exportPlanWorkbook(plan: Plan, out: string): Promise<void> {
  await writeAtomic(out, (tmp) => buildPlanWorkbook(plan).xlsx.writeFile(tmp));
}

async function runExport(argv: string[]): Promise<number> {
  const v = parseOptions(argv, { usage: PLAN_USAGE, options: { plan: 'string', out: 'string' }, required: ['out'] });
  const plan = await loadPlan(v.plan);
  await exportPlanWorkbook(plan, v.out!);
  console.log(
    `Đã ghi kế hoạch ${plan.id} ra sổ ${v.out} (${plan.units.length} đơn vị, ${plan.forms.length} hình thức).`,
  );
  return 0;
}

/** The file argument of check/import: the one positional word. */
function workbookArg(argv: string[]): [string, string[]] {
  const file = argv[0];
  if (!file || file.startsWith('--')) throw new UsageError('Thiếu tên tệp Kế hoạch.xlsx.');
  return [file, argv.slice(1)];
}

async function runCheck(argv: string[]): Promise<number> {
  const [file] = workbookArg(argv);
  const check = await checkPlanWorkbookFile(file);
  if (check.plan) {
    console.log(`Tệp kế hoạch "${file}" hợp lệ: kế hoạch ${check.plan.id}, ${check.plan.units.length} đơn vị.`);
    return 0;
  }
  console.log(planProblemsText(file, check));
  return 1;
}

async function runImport(argv: string[]): Promise<number> {
  const [file, rest] = workbookArg(argv);
  const v = parseOptions(rest, { usage: PLAN_USAGE, options: { out: 'string' }, required: ['out'] });
  const plan = await loadPlan(file);
  await writeFileAtomic(v.out!, `${JSON.stringify(JSON.parse(planJson(plan)), null, 2)}\n`);
  console.log(`Đã ghi kế hoạch ${plan.id} ra ${v.out}.`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  return runCommand(PLAN_USAGE, async () => {
    if (command === 'export') return runExport(rest);
    if (command === 'check') return runCheck(rest);
    if (command === 'import') return runImport(rest);
    throw new UsageError(command ? `Không có lệnh "${command}".` : 'Thiếu lệnh (export, check hoặc import).');
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
