// What must be settled before the papers are signed (SPEC §8), said once and shown twice: in the terminal
// and in can-xu-ly.docx. Pending names, persons listed twice (both units and rows), open warnings on listed
// nominees, and the blanks still to type in Văn bản.
import type { Paragraph, Table } from 'docx';
import { ISSUE_KINDS, type IssueCode, type Plan } from '../../engine/index.js';
import {
  bodyPara,
  gridTable,
  heading,
  officialDocument,
  para,
  shareWidths,
  SIZE,
  titleBlock,
} from '../../node/official-docx.js';
import { HIGHER_VALUES, TALLY_TYPED_HEADERS, MASTER_SHEETS } from '../master/layout.js';
import { DOCUMENTS_SHEET } from '../master/documents-sheet.js';
import { documentText, unitFullName } from '../master/list-names.js';
import type { MasterNomination } from './master-read.js';
import type { Papers } from './papers.js';

export const SETTLE_FILE = 'can-xu-ly.docx';

/** Warnings the papers themselves answer: a duplicate is shown as a pair, a formula sign is left out. */
const ANSWERED: IssueCode[] = ['DUPLICATE_ACROSS_UNITS', 'TEXT_FORMULA_LIKE'];

export interface SettleSection {
  title: string;
  /** What to do, in one sentence. */
  how: string;
  header: string[];
  rows: string[][];
  /** What the count after the title says, when a row is not one case (a person listed twice is two rows). */
  count?: string;
  /** Keeps every paper a draft while it has rows (SPEC §8: a name pending, a person listed twice). */
  keepsDraft?: boolean;
}

/** The count after a section's title: its own words, else its rows. */
const countOf = (sec: SettleSection) => sec.count ?? String(sec.rows.length);

export interface Settle {
  draft: boolean;
  sections: SettleSection[];
}

/** The column numbering the rows of one person listed twice. */
const PAIR_HEADER = 'Nhóm';
const COLUMNS = ['Tên tập thể / Họ và tên', 'Hình thức', 'Đơn vị', 'Tệp, trang, dòng'];

function describe(plan: Plan, n: MasterNomination): string[] {
  const form = plan.forms.find((f) => f.code === n.form);
  const type = plan.nomineeTypes.find((t) => t.code === n.type);
  const who = type?.person && n.birthYear ? `${documentText(n.name)} (sinh năm ${n.birthYear})` : documentText(n.name);
  return [
    who,
    form?.shortLabel ?? form?.label ?? '',
    unitFullName(plan, n.unit),
    `${n.file}, ${n.sheet}, dòng ${n.line}`,
  ];
}

export function settleOf(plan: Plan, papers: Papers, blanks: string[], unanswered: MasterNomination[] = []): Settle {
  const listed = papers.lists.flatMap((l) => l.members);
  const warned = listed
    .map((n) => ({ n, codes: n.codes.filter((c) => ISSUE_KINDS[c]?.severity === 'warning' && !ANSWERED.includes(c)) }))
    .filter((w) => w.codes.length);
  const council = `cột "${TALLY_TYPED_HEADERS.council}" của trang "${MASTER_SHEETS.tally}"`;
  const sections: SettleSection[] = [
    {
      title: 'Đề nghị chưa được Hội đồng xét',
      how: `Ghi kết quả họp xét (Đồng ý / Không đồng ý) vào ${council}, rồi chạy lại lệnh documents.`,
      header: COLUMNS,
      rows: papers.pending.map((n) => describe(plan, n)),
      keepsDraft: true,
    },
    {
      title: 'Cùng một người có tên hơn một lần',
      how: `Mỗi người chỉ được đề nghị một lần: giữ một dòng, ghi "Không đồng ý" cho các dòng còn lại ở ${council} (hoặc đơn vị gửi lại hồ sơ), rồi chạy lại lệnh documents.`,
      header: [PAIR_HEADER, ...COLUMNS],
      rows: papers.duplicates.flatMap((g, i) => g.map((n) => [String(i + 1), ...describe(plan, n)])),
      keepsDraft: true,
      count: `${papers.duplicates.length} người, ${papers.duplicates.reduce((k, g) => k + g.length, 0)} dòng`,
    },
    {
      title: 'Cảnh báo trên đề nghị có tên trong danh sách',
      how: 'Xem lại từng đề nghị với đơn vị; người ký cần biết trước khi ký.',
      header: [...COLUMNS, 'Cảnh báo'],
      rows: warned.map((w) => [...describe(plan, w.n), w.codes.map((c) => ISSUE_KINDS[c].title).join('; ')]),
    },
    {
      title: `Đề nghị đã có quyết định của cấp trên nhưng chưa ghi ${TALLY_TYPED_HEADERS.higher}`,
      how: `Ghi "${HIGHER_VALUES.awarded}" hoặc "${HIGHER_VALUES.notAwarded}" theo quyết định vào cột "${TALLY_TYPED_HEADERS.higher}" của trang "${MASTER_SHEETS.tally}", rồi chạy lại lệnh documents: thông báo kết quả và sổ theo dõi khen thưởng đọc từ cột này.`,
      header: COLUMNS,
      rows: unanswered.map((n) => describe(plan, n)),
    },
    {
      title: `Chỗ còn để trống, cần ghi ở trang "${DOCUMENTS_SHEET}" của sổ tổng hợp`,
      how: 'Ghi vào các ô tô vàng, rồi chạy lại lệnh documents; văn bản in đúng những gì đã ghi.',
      header: ['Cần ghi'],
      rows: blanks.map((b) => [b]),
    },
  ];
  return { draft: papers.draft, sections: sections.filter((s) => s.rows.length) };
}

/** Lines for the terminal. */
export function settleLines(s: Settle): string[] {
  const lines = [
    s.draft
      ? 'Văn bản còn là DỰ THẢO (in chữ "DỰ THẢO" ở mọi trang). Cần xử lý trước khi trình ký:'
      : 'Cần xử lý trước khi trình ký:',
  ];
  s.sections.forEach((sec, i) => {
    lines.push(`  ${i + 1}. ${sec.title} (${countOf(sec)}): ${sec.how}`);
    // A bare number says nothing in a line of text: the pair's number is said as "Nhóm 1".
    for (const r of sec.rows)
      lines.push(`     - ${r.map((c, j) => (sec.header[j] === PAIR_HEADER ? `${PAIR_HEADER} ${c}` : c)).join(' | ')}`);
  });
  lines.push(`  Danh sách này cũng ở ${SETTLE_FILE}.`);
  return lines;
}

function sectionTable(sec: SettleSection): Table {
  const shares =
    // The group number is narrow, but not narrower than its header "Nhóm" in one line.
    sec.header.length === 1 ? [1] : sec.header.map((_, i) => (i === 0 && sec.header[0] === PAIR_HEADER ? 0.4 : 1));
  const sum = shares.reduce((a, b) => a + b, 0);
  const widths = shareWidths(shares.map((x) => x / sum));
  const cell = (t: string, bold = false) => ({ children: [para(t, { size: SIZE.table, bold })] });
  return gridTable(widths, [
    { header: true, cells: sec.header.map((h) => cell(h, true)) },
    ...sec.rows.map((r) => ({ cantSplit: true, cells: r.map((c) => cell(c)) })),
  ]);
}

/** "mục 1", "các mục 1 và 2": the sections keeping the papers a draft, by the numbers they are printed under. */
function draftSections(s: Settle): string {
  const numbers = s.sections.flatMap((sec, i) => (sec.keepsDraft ? [String(i + 1)] : []));
  return numbers.length === 1 ? `mục ${numbers[0]}` : `các mục ${numbers.join(' và ')}`;
}

/** can-xu-ly.docx: the same list, in the Sở's layout, for the one who prepares the signing. */
export function settleDocument(plan: Plan, s: Settle) {
  const body: (Paragraph | Table)[] = [
    heading({ parent: plan.issuer.parent, agency: plan.issuer.agency, placeDate: '' }),
    ...titleBlock('NHỮNG VIỆC CẦN XỬ LÝ TRƯỚC KHI TRÌNH KÝ', `Các văn bản khen thưởng – ${plan.title}`),
    bodyPara(
      s.draft
        ? `Các văn bản lập lần này còn là DỰ THẢO (mọi trang in chữ "DỰ THẢO") cho đến khi hết ${draftSections(s)} dưới đây. Khi không còn việc nào, lệnh documents lập văn bản sạch và không tạo tệp này.`
        : 'Các văn bản lập lần này không còn là dự thảo, nhưng còn những việc dưới đây trước khi trình ký. Khi không còn việc nào, lệnh documents không tạo tệp này.',
    ),
  ];
  s.sections.forEach((sec, i) => {
    body.push(
      para(`${i + 1}. ${sec.title} (${countOf(sec)})`, { bold: true, before: 240, keepNext: true }),
      para(sec.how, { italics: true, after: 120, keepNext: true }),
      sectionTable(sec),
    );
  });
  return officialDocument({
    sections: [body],
    title: 'Những việc cần xử lý trước khi trình ký',
    author: plan.documents?.issuerFullName ?? plan.issuer.agency,
    draft: s.draft,
  });
}
