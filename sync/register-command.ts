// sync register: appends a campaign's awarded nominees to the award register — approved by the council and,
// for a form decided above the Sở, "Được khen" there — with the decision's number and date from Văn bản.
// Idempotent: a line already in the register (same campaign, nominee and form) is not written again.
// A form whose decision is not typed yet is left for a later run, and said (exit 2).
import { promises as fs } from 'node:fs';
import { isDecidedAbove, isPerson, type Plan, type PlanForm } from '../engine/index.js';
import { backupPath, writeAtomic } from '../node/atomic.js';
import { parseOptions, runCommand, UsageError } from '../node/cli.js';
import { loadPlan } from '../node/plan-file.js';
import {
  appendLines,
  AwardRegisterError,
  awardKey,
  newAwardRegister,
  readAwardRegister,
  type AwardLine,
} from './award-register.js';
import { higherStatus } from './typed-values/council.js';
import { MasterError, readMaster, type MasterNomination } from './documents/master-read.js';
import { keptRow, readTypedValues, typedText } from './typed-values/master.js';
import { MASTER_SHEETS, TALLY_TYPED_HEADERS } from './master/layout.js';
import {
  documentRef,
  higherDecision,
  typedNumberDate,
  DOCUMENTS_TYPED,
  documentsSheetFrom,
  documentsIncludeLate,
  type DocumentsSheet,
} from './master/documents-sheet.js';
import { TALLY_TYPED } from './master/tally.js';
import { isEligible } from './statuses.js';

export const REGISTER_USAGE =
  'npm run sync -- register --master SỔ_TỔNG_HỢP.xlsx --register SỔ_THEO_DÕI_KHEN_THƯỞNG.xlsx [--plan KẾ_HOẠCH.json]';

/** The decision that awarded a form: the decider's above the Sở, else the Sở's own Quyết định. */
function decisionOf(plan: Plan, reg: DocumentsSheet, form: PlanForm): { number: string; date: string } | null {
  const typed = isDecidedAbove(form)
    ? higherDecision(reg, form)
    : typedNumberDate(reg, form.code) && documentRef(plan, reg, form);
  return typed && typed.date ? { number: typed.number, date: typed.date } : null;
}

interface MasterAwards {
  lines: AwardLine[];
  /** Forms with awarded nominees whose decision number or date is not typed. */
  waiting: PlanForm[];
}

/** The awarded nominees of a master, in the plan's form order, then as Tổng hợp lists them. */
async function awardsOf(plan: Plan, file: string): Promise<MasterAwards> {
  const snapshot = await readMaster(plan, file);
  const typed = await readTypedValues(file, [TALLY_TYPED, DOCUMENTS_TYPED], MASTER_SHEETS.unmatched, '');
  const reg = documentsSheetFrom(typed);
  const rule = { includeLate: documentsIncludeLate(reg), approvedOnly: true };
  const higher = (id: string) =>
    higherStatus(typedText(keptRow(typed, MASTER_SHEETS.tally, id)?.values.get(TALLY_TYPED_HEADERS.higher)));
  const awarded = (n: MasterNomination, form: PlanForm) =>
    n.form === form.code &&
    isEligible(n.standing, rule) &&
    n.standing.council === 'approved' &&
    (!isDecidedAbove(form) || higher(n.id) === 'awarded');
  const unitName = new Map(plan.units.map((u) => [u.code, u.name]));
  const typeLabel = new Map(plan.nomineeTypes.map((t) => [t.code, t.label]));
  const out: MasterAwards = { lines: [], waiting: [] };
  for (const form of plan.forms) {
    const members = snapshot.nominations.filter((n) => awarded(n, form));
    if (!members.length) continue;
    const decision = decisionOf(plan, reg, form);
    if (!decision) {
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
    let found: MasterAwards;
    let reg;
    try {
      found = await awardsOf(plan, master);
      reg = (await readAwardRegister(file)) ?? newAwardRegister();
    } catch (e) {
      if (e instanceof MasterError || e instanceof AwardRegisterError) throw new UsageError(e.message);
      throw e;
    }
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
