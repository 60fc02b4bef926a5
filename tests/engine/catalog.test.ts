// Every issue code the engine emits, each with a workbook that triggers it and a near miss that must not.
import { describe, expect, it } from 'vitest';
import { formatIssue, ISSUE_CODES, ISSUE_KINDS, type IssueCode } from '../../engine/index.js';
import { check, codes, PLAN, validRow, type WorkbookSpec } from './grids.js';

const person = (o = {}) => validRow(PLAN, 'ca_nhan', o);
const team = (o = {}) => validRow(PLAN, 'tap_the', o);
const form = (code: string) => PLAN.forms.find((f) => f.code === code)!.label;
const group = (code: string) => PLAN.groups.find((g) => g.code === code)!.label;
const at = (iso: string) => new Date(iso);

interface Case {
  trigger: WorkbookSpec;
  nearMiss: WorkbookSpec;
  receivedAt?: [trigger: Date, nearMiss: Date];
}

// Codes found before the engine sees a grid (FILE_*) are tested with the sync intake; the cross-unit
// duplicate is tested with checkAcrossUnits below.
const CASES: Partial<Record<IssueCode, Case>> = {
  TEMPLATE_UNKNOWN: {
    trigger: { info: { planId: 'SCT-QNG-2020-KHAC' }, individuals: [person()] },
    nearMiss: { info: { planId: ' sct-qng-2021-dtdb ' }, individuals: [person()] },
  },
  TEMPLATE_VERSION: {
    trigger: { info: { templateVersion: 2 }, individuals: [person()] },
    nearMiss: { info: { templateVersion: '1' }, individuals: [person()] },
  },
  UNIT_UNKNOWN: {
    trigger: { info: { unitCode: 'H-QUANGNAM' }, individuals: [person()] },
    nearMiss: { info: { unitCode: 'h-lyson' }, individuals: [person()] },
  },
  MISSING_COLUMN: {
    trigger: {
      individuals: [person()],
      sheetOptions: {
        order: [
          'seq',
          'name',
          'form',
          'group',
          'criterion0',
          'criterion1',
          'criterion2',
          'outstanding',
          'summary',
          'report',
          'confirmation',
        ],
      },
    },
    // Ghi chú, STT and Kết quả kiểm tra may be left out.
    nearMiss: {
      collectives: [team()],
      collectiveSheet: {
        order: [
          'name',
          'form',
          'group',
          'criterion0',
          'criterion1',
          'criterion2',
          'outstanding',
          'summary',
          'report',
          'confirmation',
        ],
      },
    },
  },
  DEADLINE_LATE: {
    trigger: { individuals: [person()] },
    nearMiss: { individuals: [person()] },
    // 03:00 on 16/4 in Quảng Ngãi is still 15/4 in UTC; 23:30 on 15/4 local is on time.
    receivedAt: [at('2021-04-15T20:00:00Z'), at('2021-04-15T16:30:00Z')],
  },
  DOSSIER_NO_TOTRINH: {
    trigger: { info: { letterNo: '' }, individuals: [person()] },
    nearMiss: { info: { hasLetter: ' có ' }, individuals: [person()] },
  },
  DOSSIER_NO_BIENBAN: {
    trigger: { info: { hasMinutes: 'Chưa' }, individuals: [person()] },
    nearMiss: { individuals: [person()] },
  },
  DATE_TOTRINH_AFTER_DEADLINE: {
    trigger: { info: { letterDate: '16/04/2021' }, individuals: [person()] },
    nearMiss: { info: { letterDate: '15/04/2021' }, individuals: [person()] },
  },
  DATE_BIENBAN_AFTER_TOTRINH: {
    trigger: { info: { letterDate: '10/04/2021', meetingDate: '11/04/2021' }, individuals: [person()] },
    nearMiss: { info: { letterDate: '10/04/2021', meetingDate: '10/04/2021' }, individuals: [person()] },
  },
  DATE_OUTSIDE_CAMPAIGN: {
    trigger: { info: { letterDate: '02/02/2021', meetingDate: '01/02/2021' }, individuals: [person()] },
    nearMiss: { info: { letterDate: '03/02/2021', meetingDate: '03/02/2021' }, individuals: [person()] },
  },
  FIELD_REQUIRED: {
    trigger: { individuals: [person({ workplace: '  ' })] },
    nearMiss: { individuals: [person({ note: '' })] },
  },
  FIELD_INVALID: {
    trigger: { individuals: [person({ birthYear: 2006 })] },
    nearMiss: { individuals: [person({ birthYear: 2005 })] },
  },
  FORM_UNKNOWN: {
    trigger: { individuals: [person({ form: 'Bằng khen của Thủ tướng' })] },
    nearMiss: { individuals: [person({ form: form('BK_BCT').toUpperCase() })] },
  },
  CRITERIA_NOT_MET: {
    trigger: { collectives: [team({ criterion1: 'Không đạt' })] },
    nearMiss: { collectives: [team({ criterion1: 'đạt' })] },
  },
  ROUTE_NOT_ELIGIBLE: {
    trigger: { collectives: [team({ form: form('GK_SCT'), group: group('other') })] },
    nearMiss: { collectives: [team({ form: form('GK_SCT'), group: group('district_office') })] },
  },
  OUTSTANDING_REQUIRED: {
    trigger: { individuals: [person({ form: form('BK_UBND'), outstanding: 'Không' })] },
    nearMiss: { individuals: [person({ form: form('BK_UBND'), outstanding: 'Có' })] },
  },
  DOSSIER_NO_REPORT: {
    trigger: { individuals: [person({ report: 'Chưa' })] },
    nearMiss: { individuals: [person({ report: 'Có' })] },
  },
  DOSSIER_NO_CONFIRMATION: {
    trigger: { individuals: [person({ confirmation: null })] },
    nearMiss: { individuals: [person({ confirmation: 'Có' })] },
  },
  DUPLICATE_IN_FILE: {
    trigger: { individuals: [person({ name: 'Nguyễn Văn Hùng' }), person({ name: 'nguyễn  văn hùng ' })] },
    // "Hùng" and "Hưng" are different people.
    nearMiss: { individuals: [person({ name: 'Nguyễn Văn Hùng' }), person({ name: 'Nguyễn Văn Hưng' })] },
  },
  MULTIPLE_FORMS: {
    trigger: { individuals: [person(), person({ form: form('GK_SCT') })] },
    // Same name, another birth year: another person.
    nearMiss: { individuals: [person(), person({ form: form('GK_SCT'), birthYear: 1990 })] },
  },
  SUMMARY_TOO_SHORT: {
    trigger: { individuals: [person({ summary: 'x'.repeat(29) })] },
    nearMiss: { individuals: [person({ summary: 'x'.repeat(30) })] },
  },
  TEXT_FORMULA_LIKE: {
    trigger: { individuals: [person({ position: '=HYPERLINK("x")' })] },
    nearMiss: { individuals: [person({ position: 'Phó phòng (=trưởng nhóm)' })] },
  },
};

describe('issue catalog', () => {
  it('declares every SPEC §4 code once, with a Vietnamese title and a message template', () => {
    const spec = [
      'FILE_UNREADABLE',
      'FILE_ENCRYPTED',
      'FILE_UNSUPPORTED',
      'FILE_TOO_LARGE',
      'TEMPLATE_UNKNOWN',
      'TEMPLATE_VERSION',
      'UNIT_UNKNOWN',
      'MISSING_SHEET',
      'MISSING_COLUMN',
      'DEADLINE_LATE',
      'DOSSIER_NO_TOTRINH',
      'DOSSIER_NO_BIENBAN',
      'DATE_TOTRINH_AFTER_DEADLINE',
      'DATE_BIENBAN_AFTER_TOTRINH',
      'DATE_OUTSIDE_CAMPAIGN',
      'FIELD_REQUIRED',
      'FIELD_INVALID',
      'FORM_UNKNOWN',
      'CRITERIA_NOT_MET',
      'ROUTE_NOT_ELIGIBLE',
      'OUTSTANDING_REQUIRED',
      'DOSSIER_NO_REPORT',
      'DOSSIER_NO_CONFIRMATION',
      'DUPLICATE_IN_FILE',
      'MULTIPLE_FORMS',
      'DUPLICATE_ACROSS_UNITS',
      'SUMMARY_TOO_SHORT',
      'TEXT_FORMULA_LIKE',
    ];
    expect([...ISSUE_CODES].sort()).toEqual([...spec].sort());
    const warnings = ISSUE_CODES.filter((c) => ISSUE_KINDS[c].severity === 'warning').sort();
    expect(warnings).toEqual([
      'DATE_OUTSIDE_CAMPAIGN',
      'DUPLICATE_ACROSS_UNITS',
      'SUMMARY_TOO_SHORT',
      'TEXT_FORMULA_LIKE',
    ]);
  });

  it('has a trigger case for every code the engine itself emits', () => {
    const engineCodes = ISSUE_CODES.filter(
      (c) => !c.startsWith('FILE_') && c !== 'DUPLICATE_ACROSS_UNITS' && c !== 'MISSING_SHEET',
    );
    expect(Object.keys(CASES).sort()).toEqual(engineCodes.sort());
  });

  for (const [code, c] of Object.entries(CASES) as [IssueCode, Case][]) {
    describe(code, () => {
      it('is reported by the row that breaks the rule', () => {
        const result = check(PLAN, c.trigger, { file: 'don-vi.xlsx', receivedAt: c.receivedAt?.[0] });
        expect(codes(result)).toContain(code);
        const issue = [...result.fileIssues, ...result.nominations.flatMap((n) => n.issues)].find(
          (i) => i.code === code,
        )!;
        expect(issue.severity).toBe(ISSUE_KINDS[code].severity);
        expect(formatIssue(issue)).toMatch(/^Tệp "don-vi\.xlsx"/);
      });
      it('is not reported by the near miss', () => {
        const result = check(PLAN, c.nearMiss, { file: 'don-vi.xlsx', receivedAt: c.receivedAt?.[1] });
        expect(result.accepted).toBe(true);
        expect(codes(result)).not.toContain(code);
      });
    });
  }
});
