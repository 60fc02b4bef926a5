// sync documents: from the master's Tổng hợp and Văn bản to the Sở's Word papers — a Tờ trình per form
// decided outside the Sở, a draft Quyết định per form the Director decides, each with its list — built from
// the one status function, so any master gives the papers in one step (also --approved-only). While a listed
// name is pending or listed twice the papers say DỰ THẢO; whatever is open goes to can-xu-ly.docx and the
// terminal. With --prefill, one achievement-report form per listed nomination. Everything is built in
// memory first, then written as one set (node/staged-folder.ts): exit 1 writes nothing and an earlier set stays
// whole. The master is held under the merge's lock from its read until the set is in (a merge or push waits
// for it, or it for them), and papers are never written into the inbox.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isPerson, type Plan } from '../engine/index.js';
import { parseOptions, runCommand, secondsOption, UsageError } from '../node/cli.js';
import { ToldError } from '../engine/told-error.js';
import { DAMAGED_REASON, FileError, fileError, isDamagedData } from '../node/fs-errors.js';
import { toBuffer } from '../node/official-docx.js';
import { acquireLock, waitWhileLocked, type Lock, type LockOptions } from '../node/lock.js';
import { refuseInsideInbox } from '../node/output-folders.js';
import { loadPlan } from '../node/plan-file.js';
import { bytesOutput, writeFolderSet } from '../node/staged-folder.js';
import { achievementForm } from '../templates/achievement-form.js';
import { higherUnanswered } from './awarded.js';
import { buildLetter } from './documents/letters.js';
import {
  collectiveName,
  countByType,
  countedTotal,
  documentText,
  listCells,
  workplaceName,
} from './master/list-names.js';
import { readMaster, type MasterNomination, type MasterSnapshot } from './documents/master-read.js';
import { papersOf, type Papers } from './documents/papers.js';
import { printListsOf, printListTitle } from './documents/print-lists.js';
import { SETTLE_FILE, settleDocument, settleLines, settleOf } from './documents/settle.js';
import { MINUTES_FILE } from './documents/council-papers.js';
import { buildUnitPapers, UNIT_PAPER_PATHS } from './documents/unit-papers.js';
import { blanksOf } from './documents/wording.js';
import {
  DOCUMENTS_HEADERS,
  DOCUMENTS_SHEET,
  documentsApprovedOnly,
  documentsIncludeLate,
  type DocumentsSheet,
} from './master/documents-sheet.js';
import type { ListRule } from './statuses.js';

export { membersOf } from './documents/papers.js';

export const DOCUMENTS_USAGE =
  'npm run sync -- documents --master SỔ_TỔNG_HỢP.xlsx --out THƯ_MỤC [--inbox THƯ_MỤC_HỒ_SƠ] [--approved-only] [--prefill] [--plan KẾ_HOẠCH.json] [--wait SỐ_GIÂY]';

interface Options {
  master: string;
  out: string;
  plan?: string;
  /** Seconds to wait for a merge or push holding the master. */
  wait: number;
  approvedOnly: boolean;
  prefill: boolean;
}

interface OutFile {
  file: string;
  data: Buffer;
}

/** `now`: the time of the run, which decides whether the deadline is still open (callers in-process). */
export const runDocuments = (argv: string[], clock: { now?: Date } = {}): Promise<number> =>
  runCommand(DOCUMENTS_USAGE, async () => {
    const opts = await readOptions(argv);
    const plan = await planWithDocuments(opts.plan);
    const held = await holdMaster(opts);
    try {
      await makePapers(plan, opts, clock.now ?? new Date());
      return 0;
    } finally {
      await held.release();
    }
  });

/** Steps 4–9, while the master is held: read it once, build every paper, write them as one set, tell. */
async function makePapers(plan: Plan, opts: Options, now: Date): Promise<void> {
  const snapshot = await readSnapshot(plan, opts.master);
  const rule: ListRule = {
    includeLate: documentsIncludeLate(snapshot.documentsSheet),
    approvedOnly: opts.approvedOnly || documentsApprovedOnly(snapshot.documentsSheet),
  };
  const papers = papersOf(plan, snapshot, rule);
  const written = papers.lists.filter((l) => l.members.length);
  const letters = await buildLetters(plan, snapshot, papers);
  const unitPapers = await buildUnitPapers({ plan, snapshot, papers, rule, now });
  const settle = settleOf(
    plan,
    papers,
    blanksOf(plan, snapshot.documentsSheet, {
      forms: written.map((l) => l.form),
      minutes: unitPapers.files.some((f) => f.file === MINUTES_FILE),
    }),
    higherUnanswered(plan, snapshot),
  );
  const forms = opts.prefill ? await buildAchievementForms(plan, papers) : [];
  const settleFile = settle.sections.length ? await toBuffer(settleDocument(plan, settle)) : null;
  const printLists = await printListsOf(plan, snapshot);
  await writeAll(opts.out, [...letters, ...unitPapers.files, ...forms, ...printLists], settleFile);
  tellWritten(plan, opts, papers, letters, forms);
  console.log(unitPapers.lines.join('\n'));
  for (const l of printLists) console.log(`  ${l.file}: ${printListTitle(l.file)}`);
  tellListsDiffer(plan, snapshot, papers, rule);
  if (settle.sections.length) console.log(settleLines(settle).join('\n'));
}

/** Step 1: the options, the master and the output folder checked before anything is read. */
async function readOptions(argv: string[]): Promise<Options> {
  const values = parseOptions(argv, {
    usage: DOCUMENTS_USAGE,
    options: {
      master: 'string',
      out: 'string',
      inbox: 'string',
      plan: 'string',
      wait: 'string',
      'approved-only': 'boolean',
      prefill: 'boolean',
    },
    required: ['master', 'out'],
  });
  const master = values.master!;
  const out = values.out!;
  if (!/\.xlsx$/i.test(master)) throw new UsageError(`Sổ tổng hợp phải là tệp .xlsx: "${master}".`);
  const stat = await fs.stat(master).catch(() => null);
  if (stat?.isDirectory())
    throw new UsageError(`"${master}" là một thư mục, không phải tệp sổ tổng hợp: hãy ghi cả tên tệp .xlsx.`);
  if (!stat?.isFile()) throw new UsageError(`Không có sổ tổng hợp "${master}".`);
  const outStat = await fs.stat(out).catch(() => null);
  if (outStat && !outStat.isDirectory()) throw new UsageError(`"${out}" đã có và không phải thư mục.`);
  if (values.inbox) await refuseInsideInbox('--out', out, values.inbox);
  return {
    master,
    out,
    plan: values.plan,
    wait: secondsOption(values.wait, 'wait', 0),
    approvedOnly: Boolean(values['approved-only']),
    prefill: Boolean(values.prefill),
  };
}

/** Step 2: the plan, which must carry the papers' wording. */
async function planWithDocuments(file: string | undefined): Promise<Plan> {
  const plan = await loadPlan(file);
  if (!plan.documents || !plan.forms.some((f) => f.document))
    throw new UsageError(`Kế hoạch ${plan.id} không có mẫu văn bản (mục "documents"), nên không lập được văn bản.`);
  return plan;
}

/** What the documents run's lock tells a merge that meets it, and what it says when it meets one. */
const HOLDING: LockOptions = {
  task: 'lệnh lập văn bản (documents) đọc',
  refusal: 'nên lệnh chưa lập văn bản và chưa ghi tệp nào',
};
/** A folder that refuses new files: no lock can be made there, nor can a merge from this account write. */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Step 3: the master held as merge and push hold it, from its read until the papers are in, so that the
 *  papers are never one merge behind and a merge started meanwhile waits for them (or refuses). */
async function holdMaster(opts: Options): Promise<Lock> {
  try {
    return await acquireLock(opts.master, opts.wait, HOLDING);
  } catch (e) {
    if (!(e instanceof FileError) || !READ_ONLY_CODES.has(e.code ?? '')) throw e;
    // A master kept where nothing may be written (a locked USB drive, a read-only share) is still read,
    // once no merge or push holds it.
    await waitWhileLocked(opts.master, opts.wait, HOLDING);
    return { release: async () => undefined };
  }
}

/** Step 4: the master's Tổng hợp and Văn bản, refused when Văn bản holds values the papers would miss. */
async function readSnapshot(plan: Plan, master: string): Promise<MasterSnapshot> {
  let snapshot: MasterSnapshot;
  try {
    snapshot = await readMaster(plan, master);
  } catch (e) {
    // A damaged file is said so in Vietnamese; the zip library's own words go to the log.
    if (isDamagedData(e))
      throw new ToldError(`Không đọc được sổ tổng hợp "${master}": ${DAMAGED_REASON}. Sổ được giữ nguyên.`, {
        cause: e,
      });
    if (e instanceof ToldError) throw e;
    throw fileError(e, 'đọc được sổ tổng hợp', master);
  }
  refuseStrayColumns(snapshot.documentsSheet, master);
  return snapshot;
}

/** Values typed in Văn bản under a header it does not know would be missing from the papers: refused. */
function refuseStrayColumns(documentsSheet: DocumentsSheet, master: string): void {
  if (documentsSheet.strayColumns.length)
    throw new UsageError(
      `Trang "${DOCUMENTS_SHEET}" của sổ tổng hợp "${master}" có giá trị ở ${documentsSheet.strayColumns.map((c) => `cột "${c}"`).join(', ')} mà lệnh không nhận ra (tiêu đề cột bị đổi hoặc bị xóa?), nên văn bản sẽ thiếu số, ngày hoặc cài đặt đã nhập; chưa ghi tệp nào. Hãy đặt lại tiêu đề cột là "${DOCUMENTS_HEADERS[2]}" hoặc "${DOCUMENTS_HEADERS[3]}" rồi chạy lại.`,
    );
}

/** Step 5: a Tờ trình or Quyết định per form with a non-empty list. */
async function buildLetters(plan: Plan, snapshot: MasterSnapshot, papers: Papers): Promise<OutFile[]> {
  const ctx = {
    plan,
    documentsSheet: snapshot.documentsSheet,
    settled: !papers.pending.length,
    draft: papers.draft,
    duplicateIds: papers.duplicateIds,
  };
  const out: OutFile[] = [];
  for (const { form, members } of papers.lists) {
    if (!members.length) continue;
    const letter = buildLetter(ctx, form, members);
    out.push({ file: letter.file, data: await toBuffer(letter.data) });
  }
  return out;
}

/** Step 6 (--prefill): an achievement-report form for each listed nomination, under its unit. */
async function buildAchievementForms(plan: Plan, papers: Papers): Promise<OutFile[]> {
  const out: OutFile[] = [];
  for (const { form, members } of papers.lists)
    for (const n of members) {
      const doc = achievementForm(plan, n.type, achievementFacts(plan, n, form.document?.award ?? form.label));
      out.push({
        file: path.join('bao-cao-thanh-tich', safeName(n.unit), `${safeName(n.id)}.docx`),
        data: await toBuffer(doc),
      });
    }
  return out;
}

function achievementFacts(plan: Plan, n: MasterNomination, award: string) {
  const unit = plan.units.find((u) => u.code === n.unit);
  const person = plan.nomineeTypes.find((t) => t.code === n.type)?.person;
  return {
    name: person ? documentText(n.name) : collectiveName(plan, n),
    position: documentText(n.position),
    workplace: workplaceName(plan, n),
    birthYear: n.birthYear,
    gender: n.gender,
    award,
    summary: documentText(n.summary),
    parent: unit?.letterhead?.parent ?? '',
    agency: unit?.letterhead?.agency ?? (unit?.name ?? n.unit).toUpperCase(),
    place: unit?.letterhead?.place ?? plan.issuer.place,
  };
}

/** The folder name of a unit, safe on every file system. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_');

/** Step 7: every paper as one set; can-xu-ly.docx only while something is open (a stale one is removed). */
async function writeAll(out: string, files: OutFile[], settle: Buffer | null): Promise<void> {
  const outputs = files.map((f) => bytesOutput(f.file, f.data));
  if (settle) outputs.push(bytesOutput(SETTLE_FILE, settle));
  // The unit papers and the minutes are written whole each run: what is no longer due goes with the set.
  const remove = [...UNIT_PAPER_PATHS, ...(settle ? [] : [SETTLE_FILE])];
  await writeFolderSet(out, outputs, { remove, what: 'văn bản', refuseForeign: (files) => foreignError(out, files) });
}

/** A file in --out the command did not write (a signed copy, the secretariat's own notes) is never replaced. */
const foreignError = (out: string, files: readonly string[]) =>
  new UsageError(
    `Thư mục "${out}" đã có ${files.map((f) => `"${f}"`).join(', ')} không do lệnh documents ghi ra (hoặc đã được sửa sau khi ghi), có thể là bản đã ký hoặc tệp riêng của văn phòng. Lệnh không ghi đè, không xóa và chưa ghi tệp nào: hãy chuyển các tệp đó sang thư mục khác, hoặc chọn một thư mục khác cho --out, rồi chạy lại.`,
  );

/** Step 8: what was written, each list counted as its paper counts it. */
function tellWritten(plan: Plan, opts: Options, papers: Papers, letters: OutFile[], forms: OutFile[]): void {
  const state = papers.draft ? ' (DỰ THẢO)' : '';
  console.log(`Đã lập ${letters.length} văn bản${state} trong ${opts.out}:`);
  for (const { form, members } of papers.lists) {
    if (!members.length) {
      console.log(`  ${form.label}: danh sách trống, không lập văn bản.`);
      continue;
    }
    const file = letters.find((l) => l.file.endsWith(`-${form.code}.docx`))?.file;
    console.log(`  ${file}: ${form.label} – ${countedTotal(plan, countByType(plan, members))}`);
  }
  if (opts.prefill)
    console.log(
      `Đã điền sẵn ${forms.length} báo cáo thành tích (chỉ cho đề nghị có tên trong danh sách) trong ${path.join(opts.out, 'bao-cao-thanh-tich')}.`,
    );
}

/** Step 9: the master's printed lists may be older than the council's results typed since: say so. */
function tellListsDiffer(plan: Plan, snapshot: MasterSnapshot, papers: Papers, rule: ListRule): void {
  // Names as both lists print them (listCells): a collective with its unit.
  const printed = (n: MasterNomination) => listCells(plan, n, isPerson(plan, n.type))[0];
  const differ = papers.lists.filter(
    (l) => (snapshot.lists.get(l.form.code) ?? []).join('\n') !== l.members.map(printed).join('\n'),
  );
  if (!differ.length) return;
  const why = rule.approvedOnly
    ? 'văn bản chỉ gồm đề nghị được Hội đồng đồng ý'
    : 'văn bản theo Kết quả Hội đồng đang ghi trong trang Tổng hợp';
  console.log(
    `Lưu ý: ${why}; trang ${differ.map((l) => `"${l.form.listSheet}"`).join(', ')} của sổ tổng hợp in danh sách khác (chạy lại lệnh merge${rule.approvedOnly ? ' với --approved-only' : ''} để sổ in cùng danh sách).`,
  );
}
