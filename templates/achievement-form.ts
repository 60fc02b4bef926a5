// The achievement report (Báo cáo thành tích) the plan asks of every nominee "theo mẫu", numbered as the
// plan's regime does (dossier.reportForm; 2021: Mẫu số 07 of Nghị định 91/2017/NĐ-CP) — the report for awards of a campaign (theo đợt thi đua hoặc chuyên đề), one
// layout for a collective and one for an individual: heading, title naming the award, I. Sơ lược lý lịch,
// II. Thành tích đạt được, and the signatures of the reporter and of the level that confirms it. Blank for
// the templates; prefilled with what the nomination row already says for the documents command.
import type { Document, Paragraph, Table } from 'docx';
import { isPerson, type NomineeTypeCode, type Plan } from '../engine/index.js';
import { bodyPara, heading, officialDocument, para, sideBySide, SIZE } from '../node/official-docx.js';

export interface AchievementFacts {
  /** Collectives: the full name, with the unit it belongs to. */
  name: string;
  position: string;
  workplace: string;
  birthYear: string;
  gender: string;
  award: string;
  summary: string;
  /** The unit's letterhead: the body above it and its own name, in capitals; the place of its date line. */
  parent: string;
  agency: string;
  place: string;
}

const DOTS = '……………………………………………………………………';
const blankOr = (v: string | undefined) => (v ? v : DOTS);

/** Lines of the form: label then the value, or dots to fill by hand; left-aligned, so dots never stretch. */
const field = (label: string, value?: string) => para(`- ${label}: ${blankOr(value)}`, { indent: 10, after: 60 });
const writeLines = (n: number) => Array.from({ length: n }, () => para(DOTS + DOTS, { size: SIZE.small }));

/** Signature blocks: the confirming level on the left, the reporter on the right. */
function signatures(person: boolean): Table {
  const block = (title: string, hint: string) => [
    para(title, { align: 'center', bold: true, size: SIZE.small, before: 240 }),
    para(hint, { align: 'center', italics: true, size: SIZE.small }),
  ];
  return !person
    ? sideBySide(
        block('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG', '(Ký, đóng dấu)'),
        block('THỦ TRƯỞNG ĐƠN VỊ', '(Ký, đóng dấu)'),
        0.5,
      )
    : sideBySide(
        block('THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐÁNH GIÁ', '(Ký, đóng dấu)'),
        block('NGƯỜI BÁO CÁO THÀNH TÍCH', '(Ký, ghi rõ họ và tên)'),
        0.5,
      );
}

/** The form's number as the plan's regime gives it ("Mẫu số 07"), or a blank to write it in by hand. */
const reportFormLabel = (plan: Plan): string => plan.dossier.reportForm?.label ?? 'Mẫu số ……';

/** The report form (Mẫu số 07 in 2021) for a collective or an individual; `facts` prefills it, without them it is blank. */
export function achievementForm(plan: Plan, type: NomineeTypeCode, facts?: AchievementFacts): Document {
  const person = isPerson(plan, type);
  const who = person
    ? facts
      ? `${facts.name}${facts.position ? `, ${facts.position}` : ''}${facts.workplace ? `, ${facts.workplace}` : ''}`
      : undefined
    : facts?.name;
  const body: (Paragraph | Table)[] = [
    para(reportFormLabel(plan), { align: 'right', italics: true, size: SIZE.small }),
    heading({
      parent: facts ? facts.parent : 'CƠ QUAN, ĐƠN VỊ CẤP TRÊN',
      agency: facts ? facts.agency : 'TÊN ĐƠN VỊ',
      placeDate: `${facts?.place ?? '……'}, ngày …… tháng …… năm ${plan.deadline.slice(0, 4)}`,
    }),
    para('BÁO CÁO THÀNH TÍCH', { align: 'center', bold: true, before: 360 }),
    para(`ĐỀ NGHỊ TẶNG ${facts?.award ? facts.award.toUpperCase() : '……………………'}`, { align: 'center', bold: true }),
    para(`(Thành tích trong ${plan.title})`, { align: 'center', italics: true, after: 240 }),
    para(
      person
        ? `Họ và tên, chức vụ và đơn vị công tác: ${blankOr(who)}`
        : `Tên tập thể (ghi đầy đủ, không viết tắt): ${blankOr(who)}`,
      { align: 'center', bold: true, after: 240 },
    ),
    para('I. SƠ LƯỢC LÝ LỊCH', { bold: true, after: 120 }),
    ...(person
      ? [
          field('Họ và tên (bí danh)', facts?.name),
          field('Giới tính', facts?.gender),
          field('Ngày, tháng, năm sinh', facts?.birthYear ? `năm ${facts.birthYear}` : undefined),
          field('Quê quán'),
          field('Nơi thường trú'),
          field('Đơn vị công tác', facts?.workplace),
          field('Chức vụ (Đảng, chính quyền, đoàn thể)', facts?.position),
          field('Trình độ chuyên môn, nghiệp vụ'),
          field('Học hàm, học vị, danh hiệu, giải thưởng'),
        ]
      : [
          field('Tên đơn vị', facts?.name),
          field('Địa điểm trụ sở chính, điện thoại, fax; địa chỉ trang tin điện tử'),
          field('Cơ cấu tổ chức, tổng số cán bộ, công chức, viên chức và người lao động'),
          field('Chức năng, nhiệm vụ được giao'),
        ]),
    para('II. THÀNH TÍCH ĐẠT ĐƯỢC', { bold: true, before: 240, after: 120 }),
    bodyPara(
      'Báo cáo căn cứ vào mục tiêu, nhiệm vụ và các chỉ tiêu về năng suất, chất lượng, hiệu quả đã đăng ký trong đợt thi đua; các biện pháp, giải pháp đã thực hiện đạt kết quả xuất sắc, mang lại hiệu quả kinh tế, xã hội, dẫn đầu phong trào thi đua; những kinh nghiệm rút ra trong đợt thi đua.',
      { italics: true, size: SIZE.small },
    ),
    ...(facts?.summary ? [bodyPara(facts.summary)] : []),
    ...writeLines(8),
    signatures(person),
  ];
  return officialDocument({
    sections: [body],
    title: facts ? `Báo cáo thành tích – ${facts.name}` : 'Báo cáo thành tích',
    author: plan.documents?.issuerFullName ?? plan.issuer.agency,
  });
}

/** File names of the blank forms written by `npm run templates`. */
export const ACHIEVEMENT_FORM_FILES: Record<NomineeTypeCode, string> = {
  tap_the: 'bao-cao-thanh-tich-tap-the.docx',
  ca_nhan: 'bao-cao-thanh-tich-ca-nhan.docx',
};
