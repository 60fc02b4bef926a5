// How the engine finds the template's parts (SPEC §3): sheets, labels, header rows and columns by text.
import { describe, expect, it } from 'vitest';
import { checkWorkbook, formatIssue } from '../../engine/index.js';
import { check, codes, infoSheet, listSheet, PLAN, validInfo, validRow, workbook } from './grids.js';

const person = (o = {}) => validRow(PLAN, 'ca_nhan', o);

describe('reading a workbook', () => {
  it('rejects a workbook without the Thông tin sheet, saying which sheet is missing', () => {
    const grid = workbook(PLAN, { individuals: [person()] });
    grid.sheets = grid.sheets.filter((s) => s.name !== 'Thông tin');
    const result = checkWorkbook(PLAN, grid, { file: 'bang-tinh.xlsx' });
    expect(result.accepted).toBe(false);
    expect(result.fileIssues[0]!.code).toBe('TEMPLATE_UNKNOWN');
    expect(formatIssue(result.fileIssues[0]!)).toContain('"Thông tin"');
  });

  it('rejects a Thông tin sheet without Mã kế hoạch', () => {
    const result = check(PLAN, { info: { planId: null }, individuals: [person()] });
    expect(result.fileIssues.map((i) => i.code)).toEqual(['TEMPLATE_UNKNOWN']);
    expect(result.fileIssues[0]!).toMatchObject({ sheet: 'Thông tin', row: 1, column: 'Mã kế hoạch' });
  });

  it('reports MISSING_SHEET naming the sheet when a list sheet was renamed', () => {
    const grid = workbook(PLAN, { individuals: [person()] });
    grid.sheets[2]!.name = 'Sheet3';
    const result = checkWorkbook(PLAN, grid);
    expect(result.accepted).toBe(false);
    expect(result.fileIssues.map((i) => i.code)).toEqual(['MISSING_SHEET']);
    expect(formatIssue(result.fileIssues[0]!)).toContain('"Cá nhân"');
  });

  it('reports each missing column by its header', () => {
    const result = check(PLAN, {
      individualSheet: {
        order: [
          'name',
          'gender',
          'position',
          'workplace',
          'group',
          'leader',
          'form',
          'criterion0',
          'criterion1',
          'criterion2',
          'outstanding',
          'summary',
          'report',
        ],
      },
    });
    expect(result.fileIssues.map((i) => i.column).sort()).toEqual(['Năm sinh', 'Xác nhận của cấp trình']);
    expect(result.fileIssues.every((i) => i.code === 'MISSING_COLUMN' && i.sheet === 'Cá nhân' && i.row === 1)).toBe(
      true,
    );
  });

  it('finds sheets, labels and headers whatever their case, spacing or Unicode form', () => {
    const grid = workbook(PLAN, {
      individuals: [person()],
      individualSheet: { headers: { name: '  HỌ VÀ   TÊN '.normalize('NFD'), birthYear: 'năm sinh' } },
    });
    grid.sheets[0] = infoSheet(validInfo(PLAN));
    grid.sheets[0].rows = grid.sheets[0].rows.map(([label, value]) => [
      String(label).toUpperCase().normalize('NFD'),
      value ?? null,
    ]);
    grid.sheets[0].name = ' thông TIN '.normalize('NFD');
    grid.sheets[2]!.name = 'CÁ NHÂN';
    const result = checkWorkbook(PLAN, grid);
    expect(result.accepted).toBe(true);
    expect(result.nominations).toHaveLength(1);
    expect(result.nominations[0]!.status).toBe('valid');
    expect(result.nominations[0]!.source.sheet).toBe('CÁ NHÂN');
  });

  it('does not take a header with other diacritics for ours', () => {
    const result = check(PLAN, { individuals: [person()], individualSheet: { headers: { position: 'Chúc vụ' } } });
    expect(result.fileIssues.map((i) => `${i.code}:${i.column}`)).toEqual(['MISSING_COLUMN:Chức vụ']);
  });

  it('finds the header row below a title, within the first 10 rows, and numbers rows as Excel does', () => {
    const above = [['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG'], [], ['(kèm theo Tờ trình số 15)']];
    const result = check(PLAN, {
      individuals: [person(), person({ name: 'Lê Văn Cường', summary: 'ngắn' })],
      individualSheet: { above },
    });
    expect(result.layouts.find((l) => l.type === 'ca_nhan')!.headerRow).toBe(4);
    expect(result.nominations.map((n) => n.source.row)).toEqual([5, 6]);
    expect(formatIssue(result.nominations[1]!.issues[0]!)).toContain(
      'Trang "Cá nhân", dòng 6, cột "Tóm tắt thành tích"',
    );
  });

  it('skips empty rows, even with STT and Kết quả kiểm tra filled in', () => {
    const sheet = listSheet(PLAN, 'ca_nhan', [person()]);
    const width = sheet.rows[0]!.length;
    const blank = Array.from({ length: width }, () => null as string | number | null);
    blank[0] = 2;
    blank[width - 1] = 'Hợp lệ';
    sheet.rows.push(blank, [], [null, '   ']);
    const grid = workbook(PLAN);
    grid.sheets[2] = sheet;
    const result = checkWorkbook(PLAN, grid);
    expect(result.nominations).toHaveLength(1);
  });

  it('says there is no row to check yet when the list sheets are empty, and still checks Thông tin', () => {
    const result = check(PLAN, { info: { hasLetter: null } });
    expect(result).toMatchObject({ accepted: true, empty: true, nominations: [] });
    expect(result.submissionIssues.map((i) => i.code)).toEqual(['DOSSIER_NO_TOTRINH']);
  });

  it('reads formulas and rich text as the adapter flattens them, and ignores Kết quả kiểm tra', () => {
    const result = check(PLAN, { individuals: [person({ result: '=Lỗi cũ', name: 'Phạm Thị Dung' })] });
    expect(result.nominations[0]!.status).toBe('valid');
    expect(codes(result)).toEqual([]);
  });
});
