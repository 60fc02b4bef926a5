// sync register: appends a campaign's awarded nominees to the award register — approved by the council and,
// for a form decided above the Sở, "Được khen" there — with the decision's number and date from Văn bản.
// Idempotent: a line already in the register (same campaign, nominee and form) is not written again.
// A form whose decision is not typed yet is left for a later run, and said (exit 2).
import { promises as fs } from 'node:fs';
import { isPerson, type Plan, type PlanForm } from '../engine/index.js';
import { backupPath, writeAtomic } from '../node/atomic.js';
import { parseOptions, runCommand, UsageError } from '../node/cli.js';
import { loadPlan } from '../node/plan-file.js';
import { appendLines, awardKey, newAwardRegister, readAwardRegister, type AwardLine } from './award-register.js';
import { awardedLists } from './awarded.js';
import { readMaster } from './documents/master-read.js';
import { MASTER_SHEETS } from './master/layout.js';

export const REGISTER_USAGE =
  'npm run sync -- register --master SỔ_TỔNG_HỢP.xlsx --register SỔ_THEO_DÕI_KHEN_THƯỞNG.xlsx [--plan KẾ_HOẠCH.json]';

interface MasterAwards {
  lines: AwardLine[];
  /** Forms with awarded nominees whose decision number or date is not typed. */
  waiting: PlanForm[];
}

/** The awarded nominees of a master, in the plan's form order, then in their decision's order. */
async function awardsOf(plan: Plan, file: string): Promise<MasterAwards> {
  const unitName = new Map(plan.units.map((u) => [u.code, u.name]));
  const typeLabel = new Map(plan.nomineeTypes.map((t) => [t.code, t.label]));
  const out: MasterAwards = { lines: [], waiting: [] };
  for (const { form, decision, members } of awardedLists(plan, await readMaster(plan, file))) {
    if (!decision?.date) {
      out.waiting.push(form);
      continue;
    }
    for (const n of members)
      out.lines.push({
        name: n.name,
        type: typeLabel.get(n.type) ?? n.type,
        birthYear: isPerson(plan, n.type) && Number(n.birthYear) > 0 ? Number(n.birthYear) : null,
        unit: unitName.get(n.unit) ?? n.unit,
        unitCode: n.unit,
        form: form.label,
        planId: plan.id,
        campaign: plan.title,
        decision: decision.number,
        decisionDate: decision.date,
        id: n.id,
      });
  }
  return out;
}

export const runRegister = (argv: string[]): Promise<number> =>
  runCommand(REGISTER_USAGE, async () => {
    const values = parseOptions(argv, {
      usage: REGISTER_USAGE,
      options: { master: 'string', register: 'string', plan: 'string' },
      required: ['master', 'register'],
    });
    const master = values.master!;
    const file = values.register!;
    if (!/\.xlsx$/i.test(file)) throw new UsageError(`Sổ theo dõi khen thưởng phải là tệp .xlsx: "${file}".`);
    if (!(await fs.stat(master).catch(() => null))?.isFile()) throw new UsageError(`Không có sổ tổng hợp "${master}".`);
    const plan = await loadPlan(values.plan);
    const found = await awardsOf(plan, master);
    const reg = (await readAwardRegister(file)) ?? newAwardRegister();
    const have = new Set(reg.lines.map((l) => awardKey(plan, l)));
    const fresh = found.lines.filter((l) => !have.has(awardKey(plan, l)));
    if (fresh.length) {
      appendLines(reg, fresh);
      const data = await reg.wb.xlsx.writeBuffer();
      const existed = Boolean(await fs.stat(file).catch(() => null));
      await writeAtomic(file, (tmp) => fs.writeFile(tmp, Buffer.from(data)), {
        backup: existed ? backupPath(file) : undefined,
        what: 'sổ theo dõi khen thưởng',
      });
    }
    console.log(
      `Sổ theo dõi khen thưởng "${file}": ghi thêm ${fresh.length} dòng, ${found.lines.length - fresh.length} dòng đã có từ trước; sổ có ${reg.lines.length} dòng.`,
    );
    for (const form of found.waiting)
      console.log(
        `  Chưa ghi "${form.label}": chưa có số và ngày quyết định ở trang "${MASTER_SHEETS.documents}" của sổ tổng hợp. Ghi vào rồi chạy lại lệnh.`,
      );
    return found.waiting.length ? 2 : 0;
  });
