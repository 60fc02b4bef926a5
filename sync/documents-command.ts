// sync documents: from the master's council results and Văn bản numbers to the Sở's Word documents —
// a Tờ trình per form decided outside the Sở, a draft Quyết định per form the Director decides, each with
// its list — and, with --prefill, one achievement-report form per nomination. Everything is built and
// checked in memory first: exit 1 writes nothing.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Plan, PlanForm } from '../engine/index.js';
import { writeFileAtomic } from '../node/atomic.js';
import { parseOptions, runCommand, UsageError } from '../node/cli.js';
import { toBuffer } from '../node/official-docx.js';
import { loadPlan } from '../node/plan-file.js';
import { achievementForm } from '../templates/achievement-form.js';
import { buildLetter } from './documents/letters.js';
import { MasterError, readMaster, type MasterNomination, type MasterSnapshot } from './documents/master-read.js';
import { REGISTER_KEYS, REGISTER_SHEET, registerApprovedOnly, registerIncludeLate } from './master/register.js';
import { isListed, type ListRule } from './statuses.js';

export const DOCUMENTS_USAGE =
  'npm run sync -- documents --master SỔ_TỔNG_HỢP.xlsx --out THƯ_MỤC [--approved-only] [--prefill] [--plan KẾ_HOẠCH.json]';

/** A form's list members, in the lists' order: by nominee type (the parts), then unit, then line. */
export function membersOf(plan: Plan, snapshot: MasterSnapshot, form: PlanForm, rule: ListRule): MasterNomination[] {
  const unitOrder = new Map(plan.units.map((u, i) => [u.code, i]));
  const listed = snapshot.nominations
    .filter((n) => n.form === form.code && isListed(n.standing, rule))
    .sort((a, b) => (unitOrder.get(a.unit) ?? 0) - (unitOrder.get(b.unit) ?? 0) || a.line - b.line);
  return plan.nomineeTypes.flatMap((t) => listed.filter((n) => n.type === t.code));
}

/** The folder name of a unit, safe on every file system. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_');

export const runDocuments = (argv: string[]): Promise<number> =>
  runCommand(DOCUMENTS_USAGE, async () => {
    const values = parseOptions(argv, {
      usage: DOCUMENTS_USAGE,
      options: { master: 'string', out: 'string', plan: 'string', 'approved-only': 'boolean', prefill: 'boolean' },
      required: ['master', 'out'],
    });
    const master = values.master!;
    const out = values.out!;
    if (!/\.xlsx$/i.test(master)) throw new UsageError(`Sổ tổng hợp phải là tệp .xlsx: "${master}".`);
    const stat = await fs.stat(master).catch(() => null);
    if (!stat?.isFile()) throw new UsageError(`Không có sổ tổng hợp "${master}".`);
    const outStat = await fs.stat(out).catch(() => null);
    if (outStat && !outStat.isDirectory()) throw new UsageError(`"${out}" đã có và không phải thư mục.`);
    const plan = await loadPlan(values.plan);
    if (!plan.documents || !plan.forms.some((f) => f.document))
      throw new UsageError(`Kế hoạch ${plan.id} không có mẫu văn bản (mục "documents"), nên không lập được văn bản.`);

    let snapshot: MasterSnapshot;
    try {
      snapshot = await readMaster(plan, master);
    } catch (e) {
      if (e instanceof MasterError) throw e;
      throw new Error(`Không đọc được sổ tổng hợp "${master}": ${(e as Error).message}`);
    }
    const rule: ListRule = {
      includeLate: registerIncludeLate(snapshot.register),
      approvedOnly: Boolean(values['approved-only']) || registerApprovedOnly(snapshot.register),
    };

    // The documents carry exactly the master's lists: a council result typed after the last merge, or a
    // different --approved-only, would make them differ — the secretariat merges again first.
    const stale: string[] = [];
    const empty: PlanForm[] = [];
    const letters: { file: string; data: Buffer; form: PlanForm; members: MasterNomination[] }[] = [];
    for (const form of plan.forms) {
      if (!form.document) continue;
      const members = membersOf(plan, snapshot, form, rule);
      const printed = snapshot.lists.get(form.code);
      const expected = members.map((n) => n.name);
      if (!printed || printed.join('\n') !== expected.join('\n')) {
        stale.push(
          `  - "${form.listSheet}": sổ có ${printed?.length ?? 0} tên, theo Kết quả Hội đồng hiện tại là ${expected.length}.`,
        );
        continue;
      }
      if (!members.length) {
        empty.push(form);
        continue;
      }
      const letter = buildLetter(plan, snapshot.register, form, members)!;
      letters.push({ file: letter.file, data: await toBuffer(letter.doc), form, members });
    }
    if (stale.length) {
      const how = rule.approvedOnly
        ? ` Danh sách chỉ gồm đề nghị được Hội đồng đồng ý: chạy lại lệnh merge với --approved-only (hoặc ghi "Có" ở dòng ${REGISTER_KEYS.approvedOnly} của trang "${REGISTER_SHEET}").`
        : '';
      throw new Error(
        `Danh sách trong sổ tổng hợp "${master}" chưa khớp với Kết quả Hội đồng hiện có:\n${stale.join('\n')}\nChạy lại lệnh merge để cập nhật danh sách rồi lập văn bản; chưa ghi tệp nào.${how}`,
      );
    }

    const forms: { file: string; data: Buffer }[] = [];
    if (values.prefill) {
      for (const n of snapshot.nominations) {
        const form = plan.forms.find((f) => f.code === n.form);
        const doc = achievementForm(plan, n.type, {
          name: n.name,
          position: n.position,
          workplace: n.workplace,
          unitName: plan.units.find((u) => u.code === n.unit)?.name ?? n.unit,
          birthYear: n.birthYear,
          gender: n.gender,
          award: form?.label ?? '',
          summary: n.summary,
        });
        forms.push({
          file: path.join('bao-cao-thanh-tich', safeName(n.unit), `${safeName(n.id)}.docx`),
          data: await toBuffer(doc),
        });
      }
    }

    await fs.mkdir(out, { recursive: true });
    for (const l of letters) await writeFileAtomic(path.join(out, l.file), l.data);
    for (const f of forms) {
      await fs.mkdir(path.dirname(path.join(out, f.file)), { recursive: true });
      await writeFileAtomic(path.join(out, f.file), f.data);
    }
    console.log(`Đã lập ${letters.length} văn bản trong ${out}:`);
    for (const l of letters) {
      const counts = plan.nomineeTypes.map(
        (t) => `${l.members.filter((n) => n.type === t.code).length} ${t.label.toLowerCase()}`,
      );
      console.log(`  ${l.file}: ${l.form.label} – ${counts.join(', ')}`);
    }
    if (values.prefill)
      console.log(`Đã điền sẵn ${forms.length} báo cáo thành tích trong ${path.join(out, 'bao-cao-thanh-tich')}.`);
    return 0;
  });
