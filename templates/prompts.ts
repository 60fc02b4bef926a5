// What Excel shows beside a selected cell (a data validation's input message): for each column of the
// list sheets and each line of Thông tin the clerk types, what goes there. Excel caps a prompt's title at
// 32 characters and its text at 255; both are cut to fit so no workbook is refused for a long plan text.
import type ExcelJS from 'exceljs';
import {
  INFO_LABELS,
  proposableGroups,
  type ColumnSpec,
  type InfoKey,
  type NomineeTypeCode,
  type Plan,
  type PlanUnit,
} from '../engine/index.js';

const TITLE_MAX = 32;
const TEXT_MAX = 255;

export interface Prompt {
  title: string;
  text: string;
}

const fit = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The input-message fields of a data validation. */
export const promptFields = (p: Prompt): Partial<ExcelJS.DataValidation> => ({
  showInputMessage: true,
  promptTitle: fit(p.title, TITLE_MAX),
  prompt: fit(p.text, TEXT_MAX),
});

/**
 * The prompt of a list-sheet column in `unit`'s workbook; undefined for STT, which is numbered by hand or
 * left alone.
 */
export function columnPrompt(plan: Plan, spec: ColumnSpec, type: NomineeTypeCode, unit: PlanUnit): Prompt | undefined {
  const must = spec.required ? 'Bắt buộc. ' : '';
  const forms = plan.forms.filter((f) => f.requiresOutstanding).map((f) => f.label);
  const text = ((): string | undefined => {
    switch (spec.key) {
      case 'seq':
        return undefined;
      case 'name':
        return `${must}Ghi đầy đủ ${type === 'ca_nhan' ? 'họ và tên, có dấu' : 'tên tập thể'}, đúng như trong Tờ trình.`;
      case 'gender':
        return `${must}Chọn "Nam" hoặc "Nữ".`;
      case 'birthYear':
        return `${must}Năm sinh có 4 chữ số, từ ${plan.birthYear.min} đến ${plan.birthYear.max}.`;
      case 'position':
        return `${must}Chức vụ hoặc chức danh hiện nay.`;
      case 'workplace':
        return `${must}Tên phòng, đơn vị nơi cá nhân đang công tác.`;
      case 'group':
        return `${must}Chọn khối của đối tượng được đề nghị; đơn vị chỉ được đề nghị đối tượng thuộc: ${proposableGroups(
          plan,
          unit,
        )
          .map((g) => g.label)
          .join('; ')}.`;
      case 'leader':
        return 'Chọn "Có" nếu là lãnh đạo, quản lý; "Không" nếu không.';
      case 'form':
        return `${must}Chọn một hình thức khen thưởng; điều kiện của từng hình thức ở trang "Hướng dẫn".`;
      case 'outstanding':
        return `Chọn "Có" khi thành tích thật sự tiêu biểu xuất sắc${forms.length ? ` (bắt buộc khi đề nghị ${forms.join(', ')})` : ''}.`;
      case 'summary':
        return `${must}Tóm tắt thành tích nổi bật trong đợt thi đua, từ ${plan.summaryMinLength} ký tự trở lên.`;
      case 'report':
        return 'Chọn "Có" khi đã có Báo cáo thành tích theo mẫu.';
      case 'confirmation':
        return 'Chọn "Có" khi Báo cáo thành tích đã có xác nhận của cấp trình khen thưởng.';
      case 'note':
        return 'Ghi thêm điều cần lưu ý (không bắt buộc).';
      case 'result':
        return 'Cột này do công cụ kiểm tra ghi; không cần nhập.';
      default: {
        // Tiêu chuẩn n: the criterion itself, quoted from the plan.
        const c = (plan.criteria[type] ?? []).find((x) => x.label === spec.header);
        return `${c ? `${c.text}. ` : ''}Chọn "Đạt" hoặc "Không đạt".`;
      }
    }
  })();
  return text === undefined ? undefined : { title: spec.header, text };
}

const INFO_PROMPTS: Partial<Record<InfoKey, string>> = {
  letterDate: 'Bắt buộc. Ngày ký Tờ trình đề nghị khen thưởng, dạng dd/mm/yyyy (ví dụ 09/04/2021).',
  meetingDate: 'Bắt buộc. Ngày họp Hội đồng bình xét, dạng dd/mm/yyyy; phải trước Ngày Tờ trình.',
  sentDate: 'Ngày gửi hồ sơ về Sở, dạng dd/mm/yyyy.',
  hasLetter: 'Bắt buộc. Chọn "Có" khi đã có Tờ trình đề nghị khen thưởng; "Chưa" nếu chưa có.',
  hasMinutes: 'Bắt buộc. Chọn "Có" khi đã có Biên bản họp bình xét; "Chưa" nếu chưa có.',
};

/** The prompt of a Thông tin line that has a list or a date; undefined for the others. */
export function infoPrompt(key: InfoKey): Prompt | undefined {
  const text = INFO_PROMPTS[key];
  return text ? { title: INFO_LABELS[key], text } : undefined;
}
