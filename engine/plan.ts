// The plan as data: one JSON file per campaign, validated here. Nothing in the engine names an award,
// a unit or a date of a particular year; it all comes from a Plan.
// As a namespace: esbuild then bundles only the parts used. `import { z }` took all of zod, every locale
// included, into the add-in and the checker page (454 of the page's 579 KB).
import * as z from 'zod';
import { ToldError } from './told-error.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'phải là ngày dạng YYYY-MM-DD');
const code = z.string().regex(/^[A-Za-z0-9_-]+$/, 'chỉ gồm chữ không dấu, số, "_" và "-"');
const text = z.string().trim().min(1, 'không được để trống');

export const NomineeTypeCode = z.enum(['tap_the', 'ca_nhan']);
export type NomineeTypeCode = z.infer<typeof NomineeTypeCode>;

const NomineeType = z
  .object({
    code: NomineeTypeCode,
    label: text,
    sheet: text.max(31),
    table: code,
    /** A person (gender, birth year; identified by name and birth year) or a collective (by name alone). */
    person: z.boolean().optional(),
  })
  // A plan that does not say takes the individual type (SPEC §2) as the persons.
  .transform((t) => ({ ...t, person: t.person ?? t.code === 'ca_nhan' }));

const Criterion = z.object({
  code,
  /** Short Vietnamese name used in messages, e.g. "Tiêu chuẩn 1". */
  label: text,
  /** The plan's wording, quoted in the template's guide sheet and in messages. */
  text,
});

/** The Sở's document for a form: a Tờ trình to a decider outside the Sở, or the Director's Quyết định. */
export const DocumentKind = z.enum(['to_trinh', 'quyet_dinh']);
export type DocumentKind = z.infer<typeof DocumentKind>;

const FormDocument = z.object({
  kind: DocumentKind,
  /** Trích yếu: "Về việc …". */
  subject: text,
  /** Kính gửi of a Tờ trình, in full ("Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"); the decider when absent. */
  addressee: text.optional(),
  /** The unit that receives the dossier for the addressee, printed "(qua …)" under Kính gửi. */
  through: text.optional(),
  /** The award as a sentence names it ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"); the label when absent. */
  award: text.optional(),
  /** The standard of achievement this form rewards, as the body words it ({merit}): "thành tích xuất sắc". */
  merit: text,
  /** Căn cứ for the signer's power to decide, printed before the plan's common ones (a Quyết định). */
  powers: z.array(text).optional(),
  /** Căn cứ of this form's document, after the plan's common ones; may cite a reference as {CODE}. */
  basis: z.array(text).optional(),
  /** Nơi nhận of this form's document, in order ("Như trên", "UBND tỉnh (báo cáo)", …, "Lưu: VT, VP"). */
  recipients: z.array(text).min(1),
});

/**
 * A document the papers cite whose number (and date, when the plan does not give it) the secretariat types
 * in the master's Văn bản sheet, in the row of this code. Wording cites it as {CODE}: "số 12/KH-SCT ngày 03
 * tháng 02 năm 2021"; while not typed, dotted blanks that the list of things to settle names.
 */
const Reference = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'chỉ gồm chữ in hoa không dấu, số và "_"'),
  /** What the row of Văn bản asks for, e.g. "Số Kế hoạch thi đua của Sở Công Thương (ngày 03/02/2021)". */
  label: text,
  /** Ký hiệu after a bare number: "KH-SCT". */
  symbol: text,
  /** The date when the plan knows it; otherwise typed in Văn bản. */
  date: isoDate.optional(),
});

/** A way of signing the papers, picked in Văn bản: the title lines above the signer's name. */
const Signer = z.object({
  /** What the secretariat picks, e.g. "Phó Giám đốc ký thay". */
  label: text,
  /** The lines printed, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  lines: z.array(text).min(1),
});

/** Every placeholder the papers fill in a plan's wording (each where the comments below say), beside the
 *  codes of the plan's references ({KH_SCT}): `plan check` names any other as a mistake. */
export const WORDING_PLACEHOLDERS = [
  'decider',
  'award',
  'campaign',
  'council',
  'issuerName',
  'meetingDate',
  'membersPresent',
  'deadline',
  'number',
  'date',
  'merit',
  'councilResult',
  'nominees',
  'listedUnits',
  'collectives',
  'individuals',
  'unit',
  'receivedAt',
  'issues',
  'decision',
  'chair',
  'secretary',
] as const;

// Wording with placeholders in braces ({decider}, {award}, {campaign}, {council}, {meetingDate}, {number},
// {date}, {merit}, {councilResult}, a reference's {CODE}; {nominees}: whom the list names, "2 tập thể và 8 cá
// nhân", a type it has none of left out; {listedUnits}: the units its nominees belong to, in full; the older
// {collectives} and {individuals}: the bare counts) filled when a document is written.
const DocumentKindWording = z.object({
  /** "Tờ trình" / "Quyết định", as in "Số Tờ trình". */
  name: text,
  /** Heading of the document, e.g. "TỜ TRÌNH". */
  title: text,
  /** Ký hiệu after the number, e.g. "TTr-SCT". */
  symbol: text,
  /** Line under a list's title, e.g. "Kèm theo Tờ trình số {number} ngày {date} của Sở Công Thương". */
  attachedTo: text,
  /** Tờ trình: paragraphs of the body. */
  body: z.array(text).optional(),
  /** Quyết định: who decides (the line before the căn cứ), on whose proposal, and the articles. */
  authority: text.optional(),
  proposedBy: text.optional(),
  articles: z.array(text).optional(),
});

// The papers after the Tờ trình (SPEC §8): the council's minutes and the letters to units. Wording with the
// placeholders above and {unit} (the unit in full), {deadline} ("ngày 15 tháng 4 năm 2021"), {membersPresent},
// {receivedAt}, {decider}, {issues}, {chair} and {secretary} (the meeting's, as typed in Văn bản, else dots
// to write by hand); each paper is written only when the plan words it.
const PaperWording = z.object({
  /** Heading of the paper ("BIÊN BẢN", "THÔNG BÁO"); a công văn has none: its trích yếu goes under its number. */
  title: text.optional(),
  /** Ký hiệu after the (dotted) number: "TB-SCT". */
  symbol: text,
  /** Trích yếu: "Kết quả xét khen thưởng …", a công văn's "V/v …". */
  subject: text,
  /** Paragraphs before the paper's own part (its table or list). */
  body: z.array(text).min(1),
  /** Paragraphs after it. */
  closing: z.array(text).optional(),
  /** Nơi nhận; a unit's paper may name it as {unit}. */
  recipients: z.array(text).min(1).optional(),
});

/** Biên bản họp Hội đồng: issued by the council itself, signed by its secretary and its chair. */
const MinutesWording = PaperWording.extend({
  /** The council as the issuer line: "HỘI ĐỒNG\nTHI ĐUA – KHEN THƯỞNG" (a line break, Alt+Enter in the plan
   *  workbook, sets where a name too long for the heading's one line breaks). */
  agency: text,
  /** Titles of the two signatures: the secretary's on the left ("THƯ KÝ"), the chair's on the right. */
  secretaryTitle: text,
  chairTitle: text,
});

/** Thông báo kết quả to a unit: the parts of its table and what each nominee's result reads. */
const NoticeWording = PaperWording.extend({
  /** Part headings: approved by the council; not proposed; not yet decided. */
  approved: text,
  notApproved: text,
  pending: text,
  /** An approved nominee not yet decided: a form decided above ({decider}), one the Director decides. */
  sentUp: text,
  decidedHere: text,
  /** What the decider decided ({decider}): above, once typed in Kết quả cấp trên; the Director, once the
   *  Quyết định's number is typed in Văn bản. The decision typed is cited after `awarded`, or where it
   *  places {decision} ("Quyết định số … ngày …"). */
  awarded: text,
  notAwarded: text,
  /** Reasons: refused by the council; a row with errors ({issues}); a late file not included. */
  rejected: text,
  invalid: text,
  late: text,
  /** A unit whose file was refused: the sentence before the reasons. */
  refused: text,
});

/** Công văn đôn đốc to a unit without a usable file, while the deadline is open. */
const ReminderWording = PaperWording.extend({
  /** The unit sent nothing… */
  missing: text,
  /** …or every file it sent was refused: the sentence before the files and reasons. */
  refused: text,
});

/** The answer to a unit whose file arrived after the deadline: how it is treated, by the merge's setting. */
const LateReplyWording = PaperWording.extend({
  /** Late files are included in the lists (Văn bản: GUI_MUON Có)… */
  included: text,
  /** …or not. */
  excluded: text,
});

/** Wording of the lists printed once a decision is signed; {award} (in capitals), {number}, {date},
 *  {decider} filled when written. */
const PrintLists = z.object({
  /** Title of the certificate list, e.g. "DANH SÁCH IN {award}". */
  certificateTitle: text,
  /** Title of the prize money list, e.g. "DANH SÁCH CHI TIỀN THƯỞNG KÈM THEO {award}". */
  prizeTitle: text,
  /** The line under both titles for the Sở's own decision: "Kèm theo Quyết định số {number} ngày {date} của
   *  {decider}". */
  decision: text,
  /**
   * The line for a decision above the Sở (the Minister's): the Sở's list is not an annex of it, "Theo Quyết
   * định số {number} ngày {date} của {decider}"; `decision` when absent.
   */
  decidedAbove: text.optional(),
  /** Who signs the money list, left to right: "NGƯỜI LẬP BIỂU", "KẾ TOÁN", "THỦ TRƯỞNG ĐƠN VỊ". */
  prizeSignatures: z.array(text).min(1),
});

const Documents = z.object({
  /** The Sở as named in a sentence: "Sở Công Thương". */
  issuerName: text,
  /** The Sở in full, for the documents' properties (author): "Sở Công Thương tỉnh Quảng Ngãi". */
  issuerFullName: text,
  /** The council whose meeting the documents cite. */
  council: text,
  /** Căn cứ common to every document: the laws, one per line, without "Căn cứ" and the closing semicolon. */
  basis: z.array(text),
  /** The căn cứ line for the council's meeting: printed only once the council has decided every listed name. */
  councilBasis: text,
  /** {councilResult} in the body once the council has decided every listed name… */
  councilResult: text,
  /** …and while it has not: words that claim no meeting. */
  councilPending: text,
  /** Documents cited by number that the secretariat types in Văn bản. */
  references: z.array(Reference).optional(),
  /** How the papers may be signed; the first is the default. */
  signers: z.array(Signer).min(1),
  to_trinh: DocumentKindWording,
  quyet_dinh: DocumentKindWording,
  minutes: MinutesWording.optional(),
  notice: NoticeWording.optional(),
  reminder: ReminderWording.optional(),
  lateReply: LateReplyWording.optional(),
  /** The certificate and prize money lists; without it they are not written. */
  printLists: PrintLists.optional(),
});

/**
 * The prize money a form carries when the Sở pays it (its decider's fund): times the base salary, per
 * nominee. A coefficient not verified from the published text is left out: the money list shows a blank.
 */
const FormPrize = z.object({
  /** Times the base salary for an individual, e.g. 0.3. */
  individual: z.number().positive().optional(),
  /** Times the base salary for a collective, e.g. 0.6 (twice an individual's). */
  collective: z.number().positive().optional(),
  /** Where the coefficients come from, as the decree words it ("Điểm … khoản … Điều … Nghị định …"). */
  basis: text,
});

/** The money side of the regime: the base salary the coefficients multiply and the rounding rule. */
const Prize = z.object({
  /** Mức lương cơ sở in đồng at the time of the decision; left out when not verified (a blank to fill). */
  baseSalary: z.number().int().positive().optional(),
  /** The decree that sets it, or why it is blank. */
  baseSalaryBasis: text,
  /** Amounts are rounded up to a multiple of this many đồng: 10000 = "lên hàng chục nghìn đồng". */
  roundUpTo: z.number().int().positive().optional(),
  /** The rounding rule as the decree words it, with its article. */
  roundingBasis: text.optional(),
});

/** The achievement-report form (Báo cáo thành tích) prefilled for each nominee, as the decree numbers it. */
const ReportForm = z.object({
  /** "Mẫu số 07"; left out when the form of the regime in force is not verified: printed as a blank. */
  label: text.optional(),
  /** The decree whose appendix holds it. */
  basis: text,
});

const Form = z.object({
  code,
  /** Exactly what a clerk picks in the "Hình thức đề nghị" dropdown. */
  label: text,
  /** A few words for narrow table headers (Thống kê), e.g. "BK Bộ trưởng"; the label when absent. */
  shortLabel: text.max(24).optional(),
  decidedBy: text,
  /** Agencies the dossier passes through after the unit, in order, ending with the decider. */
  route: z.array(text).min(1),
  routeNote: z.string().optional(),
  eligibleGroups: z.array(code).min(1),
  requiresOutstanding: z.boolean(),
  /** Master workbook sheet holding the printable list for this form (≤ 31 chars: an Excel limit). */
  listSheet: text.max(31),
  /** Title of that list as its paper carries it: "DANH SÁCH ĐỀ NGHỊ … TẶNG BẰNG KHEN" with a Tờ trình, "DANH
   *  SÁCH … ĐƯỢC TẶNG GIẤY KHEN …" with the Sở's own Quyết định. */
  listTitle: text,
  /** For a list the Sở's Quyết định awards: its title until that decision's number is typed (SPEC §6
   *  "DANH SÁCH ĐỀ NGHỊ … TẶNG …"); listTitle when absent. */
  proposalListTitle: text.optional(),
  /** The document the Sở issues for this form; without it, no document is written for the form. */
  document: FormDocument.optional(),
  /** Set when the Sở pays this form's prize money: the money list is written for it. */
  prize: FormPrize.optional(),
});

/** How official papers name a unit: in full, under its parent body, and the place its papers are dated at. */
const Letterhead = z.object({
  /** "Phòng Kinh tế và Hạ tầng huyện Ba Tơ", "Văn phòng Sở Công Thương". */
  fullName: text,
  /** The body above it, in capitals: "UBND HUYỆN BA TƠ", "SỞ CÔNG THƯƠNG". */
  parent: text,
  /** The unit itself in capitals as its letterhead prints it: "PHÒNG KINH TẾ VÀ HẠ TẦNG", "VĂN PHÒNG"; a line
   *  break sets where a name too long for one line breaks ("TRUNG TÂM KHUYẾN CÔNG\nVÀ XÚC TIẾN THƯƠNG MẠI"). */
  agency: text,
  /** Địa danh of its date line: "Ba Tơ", "Quảng Ngãi". */
  place: text,
});

const Unit = z.object({ code, name: text, group: code, letterhead: Letterhead.optional() });

/** How the council votes (Số phiếu đồng ý in Tổng hợp): the share of members present a proposal needs. */
const Voting = z.object({
  /** 0.5 = half of the members present; an approval with fewer votes is flagged in the master. */
  minShare: z.number().gt(0).max(1),
  /** Where the share comes from, quoted beside the flag. */
  basis: text,
});

const Group = z.object({
  code,
  label: text,
  /**
   * Nominees of this group may be proposed by any unit (enterprises, other organisations): the same
   * collective named by two units is the same one. A collective of any other group is its unit's own
   * team, never the same as another unit's team of the same name.
   */
  openToAllUnits: z.boolean().optional(),
  /**
   * The groups whose nominees a unit of this group may propose (its "Thuộc khối" dropdown): its own group
   * and every group open to all units, at least. Required of each group that has units.
   */
  mayPropose: z.array(code).min(1).optional(),
});

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const listOf = (v: unknown, ok: (item: Record<string, unknown>) => boolean = () => true) =>
  Array.isArray(v) && v.every((item) => isObject(item) && ok(item));

/**
 * The cross-field rules below also run when a field elsewhere is wrong, so that a plan check tells every
 * mistake at once — as long as what they walk has the right shape.
 */
const WHEN_CROSS_CHECKABLE = {
  when({ value: p }: { value: unknown }): boolean {
    if (!isObject(p) || !isObject(p.campaign) || !isObject(p.birthYear) || !isObject(p.criteria)) return false;
    return (
      listOf(p.units) &&
      listOf(p.nomineeTypes) &&
      listOf(p.groups, (g) => g.mayPropose === undefined || Array.isArray(g.mayPropose)) &&
      listOf(p.forms, (f) => Array.isArray(f.eligibleGroups))
    );
  },
};

export const PlanSchema = z
  .object({
    id: code,
    title: text,
    issuer: z.object({ parent: text, agency: text, place: text, signer: z.string().optional() }),
    templateVersion: z.number().int().positive(),
    timeZone: text,
    campaign: z.object({ start: isoDate, end: isoDate }),
    /** Last local calendar day on which a submission is on time (whole day, in timeZone). */
    deadline: isoDate,
    birthYear: z.object({ min: z.number().int(), max: z.number().int() }),
    summaryMinLength: z.number().int().nonnegative(),
    nomineeTypes: z.array(NomineeType).min(1),
    groups: z.array(Group).min(1),
    criteria: z.record(NomineeTypeCode, z.array(Criterion).min(1)),
    forms: z.array(Form).min(1),
    documents: Documents.optional(),
    voting: Voting.optional(),
    /** Years before the same nominee may receive the same form again; within them the merge warns
     *  ALREADY_AWARDED against the award register. */
    repeatAfterYears: z.number().int().nonnegative().optional(),
    dossier: z.object({ submission: z.array(text), nominee: z.array(text), reportForm: ReportForm.optional() }),
    /** Base salary and rounding of the prize money (the coefficients are on the forms). */
    prize: Prize.optional(),
    units: z.array(Unit).min(1),
    /** Where the plan's legal facts come from (the published texts): one line per source, with its address. */
    sources: z.array(text).optional(),
  })
  .superRefine((plan, ctx) => {
    const report: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    checkUniqueCodes(plan, report);
    checkUnitGroups(plan, report);
    checkMayPropose(plan, report);
    checkEligibleGroups(plan, report);
    checkCriteriaPerType(plan, report);
    checkRangesAndTimeZone(plan, report);
  }, WHEN_CROSS_CHECKABLE);

/** Tells one cross-field mistake, at its place in the plan. */
type Report = (path: (string | number)[], message: string) => void;

function checkUniqueCodes(plan: Plan, report: Report): void {
  const unique = (items: { code: string }[], path: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.code)) report([path, i, 'code'], `mã "${item.code}" bị trùng`);
      seen.add(item.code);
    });
  };
  unique(plan.units, 'units');
  unique(plan.forms, 'forms');
  unique(plan.groups, 'groups');
  // A reference's row in Văn bản is found by its code: it must not be a form's row too.
  const references = plan.documents?.references ?? [];
  unique(references, 'documents.references');
  references.forEach((r, i) => {
    if (plan.forms.some((f) => f.code === r.code))
      report(['documents', 'references', i, 'code'], `mã "${r.code}" trùng mã một hình thức`);
  });
}

function checkUnitGroups(plan: Plan, report: Report): void {
  const groupCodes = new Set(plan.groups.map((g) => g.code));
  plan.units.forEach((u, i) => {
    if (!groupCodes.has(u.group)) report(['units', i, 'group'], `khối "${u.group}" không có trong groups`);
  });
}

function checkMayPropose(plan: Plan, report: Report): void {
  const groupCodes = new Set(plan.groups.map((g) => g.code));
  const unitGroups = new Set(plan.units.map((u) => u.group));
  const openToAll = plan.groups.filter((g) => g.openToAllUnits).map((g) => g.code);
  plan.groups.forEach((g, i) => {
    const at = ['groups', i, 'mayPropose'];
    if (!g.mayPropose) {
      if (unitGroups.has(g.code)) report(at, 'khối có đơn vị phải nêu các khối được đề nghị');
      return;
    }
    g.mayPropose.forEach((c, j) => {
      if (!groupCodes.has(c)) report([...at, j], `khối "${c}" không có trong groups`);
    });
    // SPEC §7: a unit may always propose its own group and every group open to all units.
    for (const must of [g.code, ...openToAll]) if (!g.mayPropose.includes(must)) report(at, `phải gồm khối "${must}"`);
  });
}

function checkEligibleGroups(plan: Plan, report: Report): void {
  const groupCodes = new Set(plan.groups.map((g) => g.code));
  plan.forms.forEach((f, i) =>
    f.eligibleGroups.forEach((g, j) => {
      if (!groupCodes.has(g)) report(['forms', i, 'eligibleGroups', j], `khối "${g}" không có trong groups`);
    }),
  );
}

function checkCriteriaPerType(plan: Plan, report: Report): void {
  for (const t of plan.nomineeTypes)
    if (!plan.criteria[t.code]) report(['criteria', t.code], 'thiếu tiêu chuẩn cho loại đối tượng này');
}

function checkRangesAndTimeZone(plan: Plan, report: Report): void {
  if (plan.campaign.start > plan.campaign.end) report(['campaign', 'end'], 'ngày kết thúc trước ngày bắt đầu');
  if (plan.birthYear.min > plan.birthYear.max) report(['birthYear', 'max'], 'năm tối đa nhỏ hơn năm tối thiểu');
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: plan.timeZone });
  } catch {
    report(['timeZone'], `múi giờ "${plan.timeZone}" không hợp lệ`);
  }
}

export type Plan = z.infer<typeof PlanSchema>;
export type PlanForm = Plan['forms'][number];
export type PlanUnit = Plan['units'][number];
export type PlanDocuments = NonNullable<Plan['documents']>;
export type PlanReference = NonNullable<PlanDocuments['references']>[number];
export type PlanGroup = Plan['groups'][number];
export type PaperWording = z.infer<typeof PaperWording>;
export type PlanPrize = NonNullable<Plan['prize']>;
export type PlanFormPrize = NonNullable<PlanForm['prize']>;

/** The groups a unit may propose, in the plan's order: what its "Thuộc khối" dropdown offers. */
export function proposableGroups(plan: Plan, unit: PlanUnit): PlanGroup[] {
  return plan.groups.filter((g) => mayPropose(plan, unit, g.code));
}

/**
 * Whether a unit may propose a nominee of a group: its own group's mayPropose list, else its own group alone.
 * It runs for every row, so it builds no list and no closure.
 */
export function mayPropose(plan: Plan, unit: PlanUnit, group: string): boolean {
  for (let i = 0; i < plan.groups.length; i++) {
    const own = plan.groups[i]!;
    if (own.code === unit.group) return own.mayPropose ? own.mayPropose.includes(group) : group === unit.group;
  }
  return group === unit.group;
}

export type PlanParseResult = { success: true; plan: Plan } | { success: false; message: string };

/** zod's type names as the person editing the plan file knows them; one not listed is said generically. */
const TYPE_WORDS: Record<string, string> = {
  string: 'chữ (chuỗi ký tự)',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'một mục gồm các trường',
  date: 'ngày',
};

/** zod's own issues in Vietnamese (the schema's own messages, already Vietnamese, take precedence). */
export function zodIssueText(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'thiếu (bắt buộc phải có)'
        : `sai kiểu: phải là ${TYPE_WORDS[issue.expected] ?? 'kiểu khác'}`;
    case 'too_small':
      return `quá nhỏ hoặc quá ngắn (tối thiểu ${String(issue.minimum)})`;
    case 'too_big':
      return `quá lớn hoặc quá dài (tối đa ${String(issue.maximum)})`;
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `có mục không dùng đến: ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return `sai định dạng (${issue.format})`;
    default:
      return 'giá trị không hợp lệ';
  }
}

/** Validates untrusted JSON as a plan; never throws. The message names every bad field by its path. */
export function safeParsePlan(json: unknown, source = 'tệp kế hoạch'): PlanParseResult {
  const parsed = PlanSchema.safeParse(json, { error: zodIssueText });
  if (parsed.success) return { success: true, plan: parsed.data };
  const lines = parsed.error.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(gốc)'}: ${i.message}`);
  return { success: false, message: `${source} không hợp lệ:\n${lines.join('\n')}` };
}

export function parsePlan(json: unknown, source?: string): Plan {
  const result = safeParsePlan(json, source);
  if (!result.success) throw new ToldError(result.message);
  return result.plan;
}

/** A form decided outside the Sở: its route goes on past the Sở to the decider. */
export const isDecidedAbove = (form: PlanForm): boolean => form.route.length > 1;

/** The plan's form of a code. A loop, not find(): it runs for every row. */
export function planForm(plan: Plan, code: string): PlanForm | undefined {
  for (let i = 0; i < plan.forms.length; i++) if (plan.forms[i]!.code === code) return plan.forms[i];
  return undefined;
}

/** Whether the plan's nominee type is a person: the one place that tells people from collectives. */
export function isPerson(plan: Plan, type: NomineeTypeCode): boolean {
  // A loop, not some(): it runs for every row, and a closure per call is garbage in a file's first check.
  for (let i = 0; i < plan.nomineeTypes.length; i++) {
    const t = plan.nomineeTypes[i]!;
    if (t.code === type && t.person) return true;
  }
  return false;
}
