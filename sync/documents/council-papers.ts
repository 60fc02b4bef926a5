// After the council's meeting (SPEC §8): its minutes — each form's nominees the council considered, with the
// votes typed in Số phiếu đồng ý and its result — and the notice of results to each unit that sent a file:
// who was approved and where the name goes next, who was not and why, who is still to be decided.
// Written only once the council has decided something; a vote or result not typed prints as dots.
import type { Paragraph, Table } from 'docx';
import { isDecidedAbove, ISSUE_KINDS, issueStatement, type Plan, type PlanForm } from '../../engine/index.js';
import { gridTable, para, shareWidths, sideBySide, SIZE, type GridRow } from '../../node/official-docx.js';
import { voteShare } from '../council-outcomes.js';
import type { Outcome } from '../typed-values/council.js';
import { keyOf } from '../typed-values/master.js';
import { COUNCIL_VALUES } from '../master/layout.js';
import { fillWording, meetingNames, membersPresent, type DocumentsSheet } from '../master/documents-sheet.js';
import { isEligible, type ListRule } from '../statuses.js';
import { rowKey, type Intake } from './intake-read.js';
import { collectiveName, documentText, partHeading, unitFullName } from '../master/list-names.js';
import type { MasterNomination } from './master-read.js';
import { inListOrder } from './papers.js';
import { commonValues, DOTS, framedPaper, reasonList } from './paper-frame.js';
import { decisionText, meetingDate } from './wording.js';
import { decisionOf } from '../awarded.js';

export const MINUTES_FILE = 'bien-ban-hoi-dong.docx';
export const NOTICE_FOLDER = 'thong-bao';

export interface CouncilContext {
  plan: Plan;
  documentsSheet: DocumentsSheet;
  nominations: MasterNomination[];
  rule: ListRule;
  /** Votes and higher results typed in Tổng hợp, by keyOf(id). */
  outcomes: ReadonlyMap<string, Outcome>;
  intake: Intake;
  draft: boolean;
}

const considered = (ctx: CouncilContext, n: MasterNomination) => isEligible(n.standing, ctx.rule);

/** The council has decided at least one nomination it was to consider. */
export const councilHasMet = (ctx: CouncilContext): boolean =>
  ctx.nominations.some((n) => considered(ctx, n) && n.standing.council !== 'pending');

const nameOf = (plan: Plan, n: MasterNomination) =>
  plan.nomineeTypes.find((t) => t.code === n.type)?.person ? documentText(n.name) : collectiveName(plan, n);

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`.replace('.', ',');

/** "7/9 (77,8%)", "80%", "7 phiếu", or dots while not typed. */
function votesText(outcome: Outcome | undefined, members: number | null): string {
  const v = outcome?.votes ?? null;
  if (!v || v.kind === 'unreadable') return DOTS;
  const share = voteShare(v, members);
  if (v.kind === 'share') return percent(v.share);
  return members ? `${v.votes}/${members} (${percent(share!)})` : `${v.votes} phiếu`;
}

const COUNCIL_TEXT = { approved: COUNCIL_VALUES.approve, rejected: COUNCIL_VALUES.reject, pending: DOTS };

const cellText = (t: string, opts: { bold?: boolean; center?: boolean } = {}) => ({
  children: [para(t, { size: SIZE.table, bold: opts.bold, align: opts.center ? 'center' : 'left' })],
});

/** A table with a header row and numbered rows; the first column is STT. */
function numbered(shares: number[], header: string[], rows: string[][]): Table {
  const grid: GridRow[] = [
    { header: true, cells: ['STT', ...header].map((h) => cellText(h, { bold: true, center: true })) },
    ...rows.map((r, i) => ({
      cantSplit: true,
      cells: [String(i + 1), ...r].map((c, k) => cellText(c, { center: k === 0 })),
    })),
  ];
  return gridTable(shareWidths(shares), grid);
}

/** The minutes' part: per form, the nominees considered, their votes and result. */
function minutesTables(ctx: CouncilContext): (Paragraph | Table)[] {
  const { plan } = ctx;
  const members = membersPresent(ctx.documentsSheet);
  const out: (Paragraph | Table)[] = [];
  let part = 0;
  for (const form of plan.forms) {
    const mine = inListOrder(
      plan,
      ctx.nominations.filter((n) => n.form === form.code && considered(ctx, n)),
    );
    if (!mine.length) continue;
    out.push(para(`${++part}. ${form.label}`, { bold: true, before: 120, after: 60, keepNext: true }));
    out.push(
      numbered(
        [0.07, 0.28, 0.3, 0.17, 0.18],
        ['Tên tập thể / Họ và tên', 'Đơn vị', 'Số phiếu đồng ý', 'Kết quả'],
        mine.map((n) => [
          nameOf(plan, n),
          unitFullName(plan, n.unit),
          votesText(ctx.outcomes.get(keyOf(n.id)), members),
          COUNCIL_TEXT[n.standing.council],
        ]),
      ),
    );
  }
  return out;
}

/** Thư ký on the left, the chair on the right, each over the name typed in Văn bản (dotted while not). */
function minutesSignatures(sheet: DocumentsSheet, secretary: string, chair: string): Table {
  const names = meetingNames(sheet);
  const side = (title: string, name: string) => [
    para(title, { align: 'center', bold: true, before: 240 }),
    ...Array.from({ length: 4 }, () => para('')),
    para(name || DOTS.repeat(4), { align: 'center', bold: Boolean(name) }),
  ];
  return sideBySide(side(secretary, names.secretary), side(chair, names.chair), 0.5);
}

export function buildMinutes(ctx: CouncilContext) {
  const { plan, documentsSheet } = ctx;
  const wording = plan.documents!.minutes!;
  return framedPaper({
    plan,
    documentsSheet,
    wording,
    values: commonValues(plan, documentsSheet),
    middle: minutesTables(ctx),
    issuer: { parent: plan.issuer.agency, agency: wording.agency },
    date: meetingDate(documentsSheet),
    signature: minutesSignatures(documentsSheet, wording.secretaryTitle, wording.chairTitle),
    title: `${wording.title ?? ''} – ${plan.documents!.council}`,
    draft: ctx.draft,
  });
}

// ── The notice of results to one unit ──────────────────────────────────────────────────────────────

type Row = [string, string, string];

/** What became of an approved name: awarded under the decision typed in Văn bản (the Sở's own, or the
 *  decider's above once Kết quả cấp trên says so), not awarded above, or still to be decided. */
function result(ctx: CouncilContext, n: MasterNomination, form: PlanForm): string {
  const w = ctx.plan.documents!.notice!;
  const values = { decider: form.document?.addressee ?? form.decidedBy };
  const decision = decisionOf(ctx.plan, ctx.documentsSheet, form);
  const above = isDecidedAbove(form);
  // Above the Sở, Kết quả cấp trên says what the decider did; the Sở's own form is awarded once its
  // Quyết định is typed.
  const higher = above ? (ctx.outcomes.get(keyOf(n.id))?.higher ?? null) : decision ? 'awarded' : null;
  if (higher === 'not_awarded') return fillWording(w.notAwarded, values);
  if (higher !== 'awarded') return fillWording(above ? w.sentUp : w.decidedHere, values);
  if (!decision) return fillWording(w.awarded, values);
  // Cited after the award, unless the plan's wording places it ({decision}).
  const under = decisionText(ctx.plan, decision);
  return w.awarded.includes('{decision}')
    ? fillWording(w.awarded, { ...values, decision: under })
    : `${fillWording(w.awarded, values)} theo ${under}`;
}

/** Why a name is not proposed: the council's refusal, its late file, or the errors on its file as a whole
 *  and on its row (by its codes alone when Lỗi no longer holds them). */
function reason(ctx: CouncilContext, n: MasterNomination, values: Record<string, string>): string {
  const w = ctx.plan.documents!.notice!;
  if (considered(ctx, n)) return fillWording(w.rejected, values);
  if (n.standing.status === 'late') return fillWording(w.late, values);
  const found = [
    ...(ctx.intake.fileErrors.get(n.file) ?? []),
    ...(ctx.intake.rowErrors.get(rowKey(n.file, n.sheet, n.line)) ?? []),
  ];
  const errors = found.length
    ? found
    : n.codes.filter((c) => ISSUE_KINDS[c]?.severity === 'error').map((c) => issueStatement(c));
  return fillWording(w.invalid, { ...values, issues: errors.join('; ') || DOTS });
}

function noticeParts(ctx: CouncilContext, unit: string, values: Record<string, string>): (Paragraph | Table)[] {
  const { plan } = ctx;
  const w = plan.documents!.notice!;
  const forms = new Map(plan.forms.map((f) => [f.code, f]));
  const mine = plan.forms.flatMap((f) =>
    inListOrder(
      plan,
      ctx.nominations.filter((n) => n.unit === unit && n.form === f.code),
    ),
  );
  mine.push(...ctx.nominations.filter((n) => n.unit === unit && !forms.has(n.form ?? '')));
  const approved: Row[] = [];
  const refused: Row[] = [];
  const pending: Row[] = [];
  for (const n of mine) {
    const form = forms.get(n.form ?? '');
    const row = (third: string): Row => [nameOf(plan, n), form?.label ?? '', third];
    if (form && considered(ctx, n) && n.standing.council === 'approved') approved.push(row(result(ctx, n, form)));
    else if (considered(ctx, n) && n.standing.council === 'pending') pending.push(row(DOTS));
    else refused.push(row(reason(ctx, n, values)));
  }
  const part = (title: string, third: string, rows: Row[], i: number) => [
    para(partHeading(i, title), { bold: true, before: 120, after: 60, keepNext: true }),
    numbered([0.07, 0.27, 0.3, 0.36], ['Tên tập thể / Họ và tên', 'Hình thức đề nghị', third], rows),
  ];
  const parts: [string, string, Row[]][] = [
    [w.approved, 'Kết quả', approved],
    [w.notApproved, 'Lý do', refused],
    [w.pending, 'Ghi chú', pending],
  ];
  return parts.filter(([, , rows]) => rows.length).flatMap(([t, h, rows], i) => part(t, h, rows, i));
}

export function buildNotice(ctx: CouncilContext, unit: string) {
  const { plan, documentsSheet } = ctx;
  const wording = plan.documents!.notice!;
  const values = { ...commonValues(plan, documentsSheet), unit: unitFullName(plan, unit) };
  const refusals = ctx.intake.units.get(unit)?.refusals ?? [];
  const middle = refusals.length
    ? reasonList(fillWording(wording.refused, values), refusals)
    : noticeParts(ctx, unit, values);
  return framedPaper({
    plan,
    documentsSheet,
    wording,
    values,
    middle,
    title: `${wording.title ?? ''} – ${values.unit}`,
    draft: ctx.draft,
  });
}

/** Units that sent a file (used or refused): each gets its notice. */
export const noticeUnits = (ctx: CouncilContext): string[] =>
  ctx.plan.units
    .map((u) => u.code)
    .filter((code) => {
      const s = ctx.intake.units.get(code)?.standing;
      return s === 'onTime' || s === 'late' || s === 'refused';
    });
