// Row-level behaviour a clerk sees: which cells are named, how many issues, statuses and ids.
import { describe, expect, it } from 'vitest';
import { checkAcrossUnits, checkWorkbook, formatIssue, nominationId, identityKey } from '../../engine/index.js';
import { check, codes, PLAN, TEST_PLAN, validRow, workbook } from './grids.js';

const person = (o = {}) => validRow(PLAN, 'ca_nhan', o);
const team = (o = {}) => validRow(PLAN, 'tap_the', o);

describe('row checks', () => {
  it('a complete row is valid with no issue at all', () => {
    const result = check(PLAN, { collectives: [team()], individuals: [person()] });
    expect(result.nominations.map((n) => [n.status, n.issues.length])).toEqual([
      ['valid', 0],
      ['valid', 0],
    ]);
  });

  it('names every empty required column of an individual, and only those', () => {
    const result = check(PLAN, {
      individuals: [
        person({
          name: '',
          gender: null,
          birthYear: '',
          position: ' ',
          workplace: null,
          group: null,
          form: null,
          summary: '',
          leader: null,
          note: null,
        }),
      ],
    });
    const required = result.nominations[0]!.issues.filter((i) => i.code === 'FIELD_REQUIRED').map((i) => i.column);
    expect(required.sort()).toEqual(
      [
        'Chức vụ',
        'Giới tính',
        'Hình thức đề nghị',
        'Họ và tên',
        'Năm sinh',
        'Thuộc khối',
        'Tóm tắt thành tích',
        'Đơn vị công tác',
      ].sort(),
    );
  });

  it('names every empty required column of a collective', () => {
    const result = check(PLAN, { collectives: [team({ name: null, group: null, form: '', summary: null })] });
    const required = result.nominations[0]!.issues.filter((i) => i.code === 'FIELD_REQUIRED').map((i) => i.column);
    expect(required.sort()).toEqual(['Hình thức đề nghị', 'Thuộc khối', 'Tên tập thể', 'Tóm tắt thành tích'].sort());
  });

  it('reports one CRITERIA_NOT_MET per criterion not met, naming it and quoting the plan', () => {
    const result = check(PLAN, { collectives: [team({ criterion0: 'Không đạt', criterion2: null })] });
    const unmet = result.nominations[0]!.issues.filter((i) => i.code === 'CRITERIA_NOT_MET');
    expect(unmet.map((i) => i.column)).toEqual(['Tiêu chuẩn 1', 'Tiêu chuẩn 3']);
    expect(formatIssue(unmet[0]!)).toContain(PLAN.criteria.tap_the[0]!.text);
  });

  it('tells which values a list accepts when one is mistyped', () => {
    const result = check(PLAN, { individuals: [person({ gender: 'Nu', leader: 'co' })] });
    const invalid = result.nominations[0]!.issues.filter((i) => i.code === 'FIELD_INVALID');
    expect(invalid.map((i) => i.column)).toEqual(['Giới tính', 'Lãnh đạo quản lý']);
    expect(formatIssue(invalid[0]!)).toContain('"Nam", "Nữ"');
  });

  it('accepts list values whatever the case, spacing and Unicode form', () => {
    const result = check(PLAN, {
      individuals: [
        person({
          gender: ' NỮ '.normalize('NFD'),
          criterion0: 'ĐẠT',
          report: 'có',
          form: PLAN.forms[0]!.label.toLowerCase().normalize('NFD'),
        }),
      ],
    });
    expect(result.nominations[0]!.status).toBe('valid');
    expect(result.nominations[0]!.form).toBe('BK_BCT');
  });

  it('takes the year range from the plan: 1940 and 2005 pass, 1939 and "198O" do not', () => {
    expect(codes(check(PLAN, { individuals: [person({ birthYear: 1940 })] }))).toEqual([]);
    expect(codes(check(PLAN, { individuals: [person({ birthYear: '2005' })] }))).toEqual([]);
    expect(codes(check(PLAN, { individuals: [person({ birthYear: 1939 })] }))).toEqual(['FIELD_INVALID']);
    expect(codes(check(PLAN, { individuals: [person({ birthYear: '198O' })] }))).toEqual(['FIELD_INVALID']);
  });

  it('names the first row as the clerk numbers it too, by its STT', () => {
    const result = check(PLAN, {
      individuals: [person(), person({ form: 'GK_SCT' }), person()],
    });
    const said = (code: string) =>
      formatIssue(result.nominations.flatMap((n) => n.issues).find((i) => i.code === code)!);
    expect(said('MULTIPLE_FORMS')).toContain('ở dòng 2 (STT 1)');
    expect(said('DUPLICATE_IN_FILE')).toContain('Trùng với dòng 2 (STT 1)');
  });

  it('flags only the later rows of a duplicate, pointing to the first', () => {
    const result = check(PLAN, { individuals: [person(), person({ name: 'Lê Văn Hải' }), person(), person()] });
    const dups = result.nominations.map((n) => {
      const dup = n.issues.find((i) => i.code === 'DUPLICATE_IN_FILE');
      return dup ? formatIssue(dup) : '';
    });
    expect(dups[0]).toBe('');
    expect(dups[1]).toBe('');
    expect(dups[2]).toContain('Trùng với dòng 2');
    expect(dups[3]).toContain('Trùng với dòng 2');
  });

  it('treats an NFD-typed name as its NFC twin', () => {
    const result = check(PLAN, {
      individuals: [person({ name: 'Nguyễn Thị Hường' }), person({ name: 'Nguyễn Thị Hường'.normalize('NFD') })],
    });
    expect(result.nominations[1]!.issues.map((i) => i.code)).toEqual(['DUPLICATE_IN_FILE']);
    expect(result.nominations[0]!.id).toBe(result.nominations[1]!.id.replace(/-2$/, ''));
  });

  it('keeps a collective and a person of the same name apart', () => {
    const result = check(PLAN, {
      collectives: [team({ name: 'Trần Thị Bình' })],
      individuals: [person({ name: 'Trần Thị Bình' })],
    });
    expect(codes(result)).toEqual([]);
  });

  it('stores text that looks like a formula as text and warns, without invalidating the row', () => {
    const result = check(PLAN, {
      individuals: [person({ summary: '+ Hoàn thành 100% kế hoạch năm, vượt chỉ tiêu thu ngân sách' })],
    });
    const n = result.nominations[0]!;
    expect(n.status).toBe('valid');
    expect(n.issues.map((i) => `${i.code}:${i.column}`)).toEqual(['TEXT_FORMULA_LIKE:Tóm tắt thành tích']);
    expect(n.values.summary).toMatch(/^\+ Hoàn thành/);
  });
});

describe('identity, ids and status', () => {
  it('gives the same id on every run, and a different one in another unit', () => {
    const a = check(PLAN, { individuals: [person()] }).nominations[0]!;
    const b = check(PLAN, { individuals: [person()] }).nominations[0]!;
    const c = check(PLAN, { info: { unitCode: 'H-LYSON' }, individuals: [person()] }).nominations[0]!;
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
    expect(a.id).toBe(nominationId(PLAN.id, PLAN.units[0]!.code, identityKey('ca_nhan', 'trần thị bình', 1985)));
  });

  it('does not change the id when the row moves or its other cells change', () => {
    const a = check(PLAN, { individuals: [person()] }).nominations[0]!;
    const b = check(PLAN, {
      individuals: [person({ name: 'Ai Khác' }), person({ summary: 'Khác hẳn', form: PLAN.forms[2]!.label })],
    }).nominations[1]!;
    expect(b.id).toBe(a.id);
  });

  it('is invalid with an error, valid with only warnings', () => {
    const result = check(PLAN, {
      individuals: [person({ summary: 'Ngắn' }), person({ name: 'Võ Thị Lan', report: 'Chưa' })],
    });
    expect(result.nominations.map((n) => n.status)).toEqual(['valid', 'invalid']);
  });

  it('puts the submission issues on every nomination of the file', () => {
    const result = check(PLAN, { info: { hasMinutes: 'Chưa' }, collectives: [team()], individuals: [person()] });
    expect(result.nominations.map((n) => n.issues.map((i) => i.code))).toEqual([
      ['DOSSIER_NO_BIENBAN'],
      ['DOSSIER_NO_BIENBAN'],
    ]);
    expect(result.nominations.map((n) => n.status)).toEqual(['invalid', 'invalid']);
  });
});

describe('duplicates across units (merge)', () => {
  it('warns both units, naming the other one, and leaves statuses alone', () => {
    const a = checkWorkbook(PLAN, workbook(PLAN, { info: { unitCode: 'H-BATO' }, individuals: [person()] }), {
      file: 'bato.xlsx',
    });
    const b = checkWorkbook(
      PLAN,
      workbook(PLAN, {
        info: { unitCode: 'SCT-VP' },
        individuals: [
          validRow(PLAN, 'ca_nhan', { name: ' trần thị  bình ' }, 'SCT-VP'),
          validRow(PLAN, 'ca_nhan', { name: 'Trần Thị Bình', birthYear: 1970 }, 'SCT-VP'),
        ],
      }),
      { file: 'vp.xlsx' },
    );
    const all = [...a.nominations, ...b.nominations];
    checkAcrossUnits(PLAN, all);
    const warned = all.map((n) => n.issues.find((i) => i.code === 'DUPLICATE_ACROSS_UNITS'));
    expect(formatIssue(warned[0]!)).toContain('Văn phòng Sở');
    expect(formatIssue(warned[1]!)).toContain('Phòng Kinh tế và Hạ tầng huyện Ba Tơ');
    expect(warned[2]).toBeUndefined();
    expect(all.map((n) => n.status)).toEqual(['valid', 'valid', 'valid']);
  });
});

describe('a second plan file', () => {
  it('drives sheet names, lists, criteria, ranges and forms: nothing about 2021 is built in', () => {
    const ok = check(TEST_PLAN, {
      collectives: [validRow(TEST_PLAN, 'tap_the')],
      individuals: [validRow(TEST_PLAN, 'ca_nhan', { birthYear: 2008 })],
    });
    expect(ok.accepted).toBe(true);
    expect(ok.nominations.map((n) => [n.source.sheet, n.status])).toEqual([
      ['Nhóm', 'valid'],
      ['Người', 'valid'],
    ]);
    const bad = check(TEST_PLAN, {
      individuals: [validRow(TEST_PLAN, 'ca_nhan', { form: PLAN.forms[0]!.label, criterion1: 'Không đạt' })],
    });
    expect(bad.nominations[0]!.issues.map((i) => `${i.code}:${i.column}`)).toEqual([
      'FORM_UNKNOWN:Hình thức đề nghị',
      'CRITERIA_NOT_MET:Điều kiện B',
    ]);
    const wrongPlan = check(TEST_PLAN, { info: { planId: PLAN.id } });
    expect(wrongPlan.fileIssues.map((i) => i.code)).toEqual(['TEMPLATE_UNKNOWN']);
  });
});

describe('ids stay distinct within a file', () => {
  it('gives repeated and nameless rows ids of their own, so the master can address each row', () => {
    const result = check(PLAN, {
      individuals: [person(), person(), person({ name: '' }), person({ name: '' }), person()],
    });
    const ids = result.nominations.map((n) => n.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(ids[4]).toBe(`${ids[0]}-3`);
    expect(result.nominations[3]!.issues.map((i) => i.code)).toEqual(['FIELD_REQUIRED']);
  });
});
