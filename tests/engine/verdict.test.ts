// The one verdict a clerk reads first (SPEC §8), as the pane, the checker page and Phản hồi show it.
import { describe, expect, it } from 'vitest';
import { makeIssue, rowCounts, rowReason, verdictOf } from '../../engine/index.js';
import { check, PLAN, validRow } from '../engine/grids.js';

const person = (name: string, overrides = {}) => validRow(PLAN, 'ca_nhan', { name, ...overrides });
const group = (name: string) => validRow(PLAN, 'tap_the', { name });

describe('the verdict', () => {
  it('says "Sẵn sàng gửi" when no row and no Thông tin line is in error', () => {
    const v = verdictOf(check(PLAN, { individuals: [person('Trần Thị Bình'), person('Lê Văn Cường')] }));
    expect(v).toMatchObject({ ready: true, headline: 'Sẵn sàng gửi', text: 'Sẵn sàng gửi: 2 đề nghị hợp lệ' });
  });

  it('counts every row a Thông tin error reaches, as the feedback counts them, and says how many have errors of their own', () => {
    const result = check(PLAN, {
      info: { meetingDate: '12/04/2021', letterDate: '09/04/2021' },
      collectives: [group('Tổ Điện nông thôn'), group('Tổ Kinh tế')],
      individuals: [
        person('Trần Thị Bình', { birthYear: 1938 }),
        person('Lê Văn Cường', { birthYear: 1939 }),
        person('Phạm Văn Hùng', { birthYear: 'năm 85' }),
        person('Đinh Thị Lan', { birthYear: 1930 }),
        person('Võ Thị Mai', { birthYear: 1920 }),
      ],
    });
    const v = verdictOf(result);
    expect(v.ready).toBe(false);
    expect(v.text).toBe(
      'Chưa sẵn sàng: 7/7 đề nghị có lỗi (1 lỗi ở trang Thông tin áp dụng cho mọi dòng; 5 đề nghị có thêm lỗi ở chính dòng đó)',
    );
    // Every row is invalid, as the count line of Phản hồi and the master say.
    expect(result.nominations.filter((n) => n.status === 'invalid')).toHaveLength(7);
    // The pane's tables by sheet and form still count the rows' own states.
    expect(v.rows).toEqual({ total: 7, errors: 5, warnings: 0, clean: 2 });
  });

  it('with only the dossier in error, still says every row is concerned', () => {
    const v = verdictOf(check(PLAN, { info: { letterNo: '' }, collectives: [group('Tổ Điện nông thôn')] }));
    expect(v.text).toBe('Chưa sẵn sàng: 1/1 đề nghị có lỗi (1 lỗi ở trang Thông tin áp dụng cho mọi dòng)');
  });

  it('keeps warnings apart: a row with only a warning is valid and the file is ready', () => {
    const result = check(PLAN, { individuals: [person('Trần Thị Bình', { summary: 'Ngắn' }), person('Lê Văn Cường')] });
    expect(rowCounts(result.nominations)).toEqual({ total: 2, errors: 0, warnings: 1, clean: 1 });
    const v = verdictOf(result);
    expect(v.text).toBe('Sẵn sàng gửi: 2 đề nghị hợp lệ, 1 có cảnh báo');
    expect(v.note).toContain('1 đề nghị chỉ có cảnh báo');
  });

  it('checks Thông tin of a blank template: not ready, and says what is wrong there', () => {
    const result = check(PLAN, { info: { hasLetter: null, letterNo: '' } });
    expect(result.empty).toBe(true);
    expect(result.submissionIssues.map((i) => i.code)).toContain('DOSSIER_NO_TOTRINH');
    expect(verdictOf(result).text).toBe('Chưa sẵn sàng: chưa có đề nghị nào; 1 lỗi ở trang Thông tin');
  });

  describe('a late file (the merge knows when it arrived)', () => {
    const rows = { individuals: [person('Trần Thị Bình'), person('Lê Văn Cường', { birthYear: 1938 })] };
    const late = { receivedAt: new Date('2021-05-01') };

    it('says every row is late and not considered, not that one has an error', () => {
      const v = verdictOf(check(PLAN, rows, late));
      expect(v.text).toBe('Chưa sẵn sàng: 2/2 đề nghị gửi muộn – không được xét');
    });

    it('with late files included, says the secretariat considers it and counts the other errors', () => {
      const v = verdictOf(check(PLAN, rows, late), { includeLate: true });
      expect(v.text).toBe('Chưa sẵn sàng: 2/2 đề nghị gửi muộn – Văn phòng Sở vẫn xét; 1/2 đề nghị có lỗi');
      const clean = verdictOf(check(PLAN, { individuals: [person('Trần Thị Bình')] }, late), { includeLate: true });
      // Late rows are not "hợp lệ" (the counts say "gửi muộn"): considered, with nothing else wrong.
      expect(clean.text).toBe('Sẵn sàng gửi: 1/1 đề nghị gửi muộn – Văn phòng Sở vẫn xét, không có lỗi khác');
    });

    it('gives each late row that reason first, in the one line of Phản hồi', () => {
      const [bình, cường] = check(PLAN, rows, late).nominations;
      expect(rowReason(bình!)).toBe('Gửi muộn – không được xét');
      expect(rowReason(cường!)).toBe('Gửi muộn – không được xét; Không hợp lệ: Năm sinh – Giá trị không hợp lệ');
      expect(rowReason(bình!, { includeLate: true })).toBe('Gửi muộn – Văn phòng Sở vẫn xét; không có lỗi khác');
    });

    it('is not late while a clerk checks it before sending (the pane and the page know no received time)', () => {
      expect(verdictOf(check(PLAN, rows)).text).toBe('Chưa sẵn sàng: 1/2 đề nghị có lỗi');
    });
  });

  it('a refused file: only the refusal', () => {
    const v = verdictOf({
      ...check(PLAN, {}),
      accepted: false,
      fileIssues: [makeIssue('FILE_ENCRYPTED', { file: 'a.xlsx' })],
    });
    expect(v.text).toBe('Chưa sẵn sàng: tệp có mật khẩu, chưa kiểm tra được tệp này');
  });
});
