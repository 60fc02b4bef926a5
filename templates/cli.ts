// npm run templates -- --out DIR [--unit CODE] [--plan FILE]: one blank nomination workbook per unit, and
// the blank achievement-report forms (collective, individual).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Plan } from '../engine/index.js';
import { writeAtomic } from '../node/atomic.js';
import { isEntryPoint, parseOptions, runCommand } from '../node/cli.js';
import { loadPlan } from '../node/plan-file.js';
import { toBuffer } from '../node/official-docx.js';
import { ACHIEVEMENT_FORM_FILES, achievementForm } from './achievement-form.js';
import { buildTemplate, unknownUnit } from './workbook.js';

const USAGE = 'npm run templates -- --out THƯ_MỤC [--unit MÃ_ĐƠN_VỊ] [--plan TỆP_KẾ_HOẠCH.json|.xlsx]';

export async function writeTemplates(plan: Plan, outDir: string, unit?: string): Promise<string[]> {
  const units = unit ? plan.units.filter((u) => u.code.toLowerCase() === unit.toLowerCase()) : plan.units;
  if (!units.length) throw unknownUnit(plan, unit);
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const u of units) {
    const file = path.join(outDir, `${u.code}.xlsx`);
    await writeAtomic(file, (tmp) => buildTemplate(plan, u.code).xlsx.writeFile(tmp));
    written.push(file);
  }
  return written;
}

/** The achievement-report forms every nominee fills in (the plan's report form): one per nominee type. */
export async function writeAchievementForms(plan: Plan, outDir: string): Promise<string[]> {
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const t of plan.nomineeTypes) {
    const file = path.join(outDir, ACHIEVEMENT_FORM_FILES[t.code]);
    const data = await toBuffer(achievementForm(plan, t.code));
    await writeAtomic(file, (tmp) => fs.writeFile(tmp, data));
    written.push(file);
  }
  return written;
}

export async function main(argv: string[]): Promise<number> {
  return runCommand(USAGE, async () => {
    const values = parseOptions(argv, {
      usage: USAGE,
      options: { out: 'string', unit: 'string', plan: 'string' },
      required: ['out'],
    });
    const plan = await loadPlan(values.plan);
    const files = await writeTemplates(plan, values.out!, values.unit);
    console.log(`Đã tạo ${files.length} sổ mẫu của kế hoạch ${plan.id}:`);
    for (const f of files) console.log(`  ${f}`);
    const forms = await writeAchievementForms(plan, values.out!);
    const form = plan.dossier.reportForm;
    const which = form ? ` (${form.label ?? 'chưa ghi số mẫu'}, ${form.basis})` : '';
    console.log(`và ${forms.length} mẫu báo cáo thành tích${which}:`);
    for (const f of forms) console.log(`  ${f}`);
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
