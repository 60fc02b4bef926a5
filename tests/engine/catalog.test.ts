// Every issue code, each declared by exactly one check (or reading step), with an input that triggers it
// and a near miss that must not.
import { promises as fs, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkAcrossUnits,
  checkAgainstAwards,
  checkWorkbook,
  ENGINE_EMITTERS,
  formatIssue,
  ISSUE_CODES,
  ISSUE_KINDS,
  issueStatement,
  makeIssue,
  NOMINATION_STATUS_LABELS,
  type Issue,
  type IssueCode,
} from '../../engine/index.js';
import { rowCheck } from '../../engine/checks/types.js';
import { LIMITS } from '../../engine/limits.js';
import { INTAKE, parseFile, screenFile } from '../../sync/intake/intake.js';
import { buildTemplate } from '../../templates/workbook.js';
import { compoundFile } from '../sync/hostile-files.js';
import { check, codes, PLAN, validRow, workbook, type WorkbookSpec } from './grids.js';

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

// Codes found in one workbook's grid.
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
  GROUP_NOT_ALLOWED: {
    // A district office (the workbook's unit, TP-QUANGNGAI) marks its own staff as one of the Sở's departments.
    trigger: { individuals: [person({ group: group('so_unit'), form: form('GK_SCT') })] },
    // An enterprise: a group the plan opens to every unit.
    nearMiss: { collectives: [team({ name: 'Công ty Cổ phần Cơ khí Quảng Ngãi', group: group('other') })] },
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
  PLAN_OUTDATED: {
    // Made from last season's template: the plan it carries has another deadline than the Sở's.
    trigger: { carriedPlan: { ...PLAN, deadline: '2021-04-30' }, individuals: [person()] },
    nearMiss: { carriedPlan: PLAN, individuals: [person()] },
  },
  SUMMARY_TOO_SHORT: {
    trigger: { individuals: [person({ summary: 'x'.repeat(29) })] },
    nearMiss: { individuals: [person({ summary: 'x'.repeat(30) })] },
  },
  TEXT_TOO_LONG: {
    trigger: { individuals: [person({ summary: 'x'.repeat(LIMITS.cellChars + 1) })] },
    nearMiss: { individuals: [person({ summary: 'x'.repeat(LIMITS.cellChars) })] },
  },
  TEXT_FORMULA_LIKE: {
    // A line break, then "=": trimmed by whoever copies it, it is a formula again.
    trigger: { individuals: [person({ name: '\n=Nguyễn Văn A' })] },
    nearMiss: { individuals: [person({ position: 'Phó phòng (=trưởng nhóm)' })] },
  },
};

describe('issue catalog', () => {
  it('calls a late file by the one name its rows carry everywhere ("Gửi muộn")', () => {
    expect(ISSUE_KINDS.DEADLINE_LATE.title).toBe(NOMINATION_STATUS_LABELS.late);
  });

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
      'PLAN_OUTDATED',
      'FIELD_REQUIRED',
      'FIELD_INVALID',
      'FORM_UNKNOWN',
      'CRITERIA_NOT_MET',
      'GROUP_NOT_ALLOWED',
      'ROUTE_NOT_ELIGIBLE',
      'OUTSTANDING_REQUIRED',
      'DOSSIER_NO_REPORT',
      'DOSSIER_NO_CONFIRMATION',
      'DUPLICATE_IN_FILE',
      'MULTIPLE_FORMS',
      'DUPLICATE_ACROSS_UNITS',
      'SUMMARY_TOO_SHORT',
      'TEXT_FORMULA_LIKE',
      'TEXT_TOO_LONG',
      'ALREADY_AWARDED',
    ];
    expect([...ISSUE_CODES].sort()).toEqual([...spec].sort());
    const warnings = ISSUE_CODES.filter((c) => ISSUE_KINDS[c].severity === 'warning').sort();
    expect(warnings).toEqual([
      'ALREADY_AWARDED',
      'DATE_OUTSIDE_CAMPAIGN',
      'DUPLICATE_ACROSS_UNITS',
      'PLAN_OUTDATED',
      'SUMMARY_TOO_SHORT',
      'TEXT_FORMULA_LIKE',
      'TEXT_TOO_LONG',
    ]);
  });

  it('states every code for a signed letter: what was not met, with no instruction or program menu', () => {
    for (const code of ISSUE_CODES) {
      for (const column of [undefined, 'Năm sinh']) {
        const said = issueStatement(code, column);
        expect(said.length, code).toBeGreaterThan(10);
        expect(said, code).not.toMatch(/Hãy|hãy|›|Excel 20|LibreOffice|WPS|gửi lại|\.$/);
      }
    }
    expect(issueStatement('CRITERIA_NOT_MET', 'Tiêu chuẩn 2')).toContain('Tiêu chuẩn 2');
  });

  it('has every code declared by exactly one check or reading step', () => {
    const emitters = [...ENGINE_EMITTERS, INTAKE];
    expect(new Set(emitters.map((e) => e.name)).size).toBe(emitters.length);
    const declaredBy = (code: IssueCode) => emitters.filter((e) => e.emits.some((c) => c === code)).map((e) => e.name);
    for (const code of ISSUE_CODES) {
      // FIELD_INVALID is the one rule read on two kinds of sheet: the list rows and the Thông tin lines.
      if (code === 'FIELD_INVALID') expect(declaredBy(code).sort()).toEqual(['submission-values', 'values']);
      else expect(declaredBy(code), code).toHaveLength(1);
    }
  });

  it('types each code’s parameters and each check’s codes (tsc fails when an expected error disappears)', () => {
    const at = { sheet: 'Cá nhân', row: 7, column: 'Tóm tắt thành tích', columnKey: 'summary' as const };
    // @ts-expect-error lengths are numbers, not text
    makeIssue('SUMMARY_TOO_SHORT', at, { length: '12', min: 30 });
    // @ts-expect-error FORM_UNKNOWN cannot be made without the value and the plan's forms
    makeIssue('FORM_UNKNOWN', at);
    rowCheck('example', ['SUMMARY_TOO_SHORT'], (_row, _ctx, emit) => {
      emit('SUMMARY_TOO_SHORT', 'summary', { length: 12, min: 30 });
      // @ts-expect-error a check emits only the codes it declares
      emit('FIELD_REQUIRED', 'summary');
    });
    const issue = makeIssue('SUMMARY_TOO_SHORT', at, { length: 12, min: 30 });
    expect(formatIssue(issue)).toBe(
      'Trang "Cá nhân", dòng 7, cột "Tóm tắt thành tích": Tóm tắt thành tích chỉ có 12 ký tự (nên từ 30 ký tự). Hãy nêu rõ thành tích nổi bật.',
    );
    expect(formatIssue(issue, { withLocation: false })).toBe(
      'Tóm tắt thành tích chỉ có 12 ký tự (nên từ 30 ký tự). Hãy nêu rõ thành tích nổi bật.',
    );
  });

  it('has a trigger case for every code', () => {
    expect([...Object.keys(CASES), ...Object.keys(OTHER_CASES)].sort()).toEqual([...ISSUE_CODES].sort());
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

// Codes found before the engine sees a grid (intake), across two units' files (merge), or when a sheet is
// missing: each case yields the issues of its input.
interface OtherCase {
  trigger: () => Promise<Issue[]> | Issue[];
  nearMiss: () => Promise<Issue[]> | Issue[];
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
let template: Buffer;
beforeAll(async () => {
  template = Buffer.from(await buildTemplate(PLAN, 'H-BATO', { rows: [] }).xlsx.writeBuffer());
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** The file-level issues of a file with these bytes, through the merge's intake. */
async function intake(name: string, data: Buffer): Promise<Issue[]> {
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return (await parseFile(PLAN, await screenFile(file))).fileIssues;
}

const acrossUnits = (otherBirthYear: number) => {
  const a = check(PLAN, { info: { unitCode: 'H-BATO' }, individuals: [person()] });
  const b = check(PLAN, {
    info: { unitCode: 'SCT-VP' },
    individuals: [validRow(PLAN, 'ca_nhan', { birthYear: otherBirthYear }, 'SCT-VP')],
  });
  const all = [...a.nominations, ...b.nominations];
  checkAcrossUnits(PLAN, all);
  return all.flatMap((n) => n.issues);
};

/** A person of H-BATO checked against an award register holding Trần Thị Bình (1985), BK_BCT, 2020. */
const againstRegister = (birthYear: number) => {
  const nominations = check(PLAN, { info: { unitCode: 'H-BATO' }, individuals: [person({ birthYear })] }).nominations;
  const award = {
    name: 'trần thị  bình',
    birthYear: 1985,
    unit: 'H-BATO',
    form: form('BK_BCT'),
    year: 2020,
    planId: 'SCT-QNG-2020',
    decision: 'Quyết định số 12/QĐ-BCT ngày 10/05/2020',
  };
  checkAgainstAwards(PLAN, nominations, [award]);
  return nominations.flatMap((n) => n.issues);
};

const withSheetNamed = (name: string) => {
  const grid = workbook(PLAN, { collectives: [team()] });
  grid.sheets[2]!.name = name;
  return checkWorkbook(PLAN, grid).fileIssues;
};

const OTHER_CASES: Partial<Record<IssueCode, OtherCase>> = {
  FILE_UNSUPPORTED: {
    trigger: () => intake('H-BATO.xls', template),
    nearMiss: () => intake('H-BATO.XLSX', template),
  },
  FILE_TOO_LARGE: {
    trigger: () => intake('lon.xlsx', Buffer.alloc(LIMITS.fileBytes + 1)),
    nearMiss: () => intake('vua.xlsx', Buffer.alloc(LIMITS.fileBytes)),
  },
  FILE_ENCRYPTED: {
    trigger: () => intake('mat-khau.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage'])),
    // The same container holding an Excel 97–2003 workbook has no password: it is FILE_UNSUPPORTED.
    nearMiss: () => intake('cu.xlsx', compoundFile(['Workbook'])),
  },
  FILE_UNREADABLE: {
    trigger: () => intake('cut.xlsx', template.subarray(0, template.length >> 1)),
    nearMiss: () => intake('H-BATO.xlsx', template),
  },
  MISSING_SHEET: {
    trigger: () => withSheetNamed('Cá nhân (cũ)'),
    nearMiss: () => withSheetNamed(' CÁ NHÂN '),
  },
  ALREADY_AWARDED: {
    trigger: () => againstRegister(1985),
    // A namesake born another year is someone else.
    nearMiss: () => againstRegister(1986),
  },
  DUPLICATE_ACROSS_UNITS: {
    trigger: () => acrossUnits(1985),
    // Same name, another birth year: another person.
    nearMiss: () => acrossUnits(1986),
  },
};

describe('issue catalog: codes outside one grid', () => {
  for (const [code, c] of Object.entries(OTHER_CASES) as [IssueCode, OtherCase][]) {
    describe(code, () => {
      it('is reported by the input that breaks the rule', async () => {
        const issue = (await c.trigger()).find((i) => i.code === code);
        expect(issue).toMatchObject({ severity: ISSUE_KINDS[code].severity, level: ISSUE_KINDS[code].level });
      });
      it('is not reported by the near miss', async () => {
        expect((await c.nearMiss()).map((i) => i.code)).not.toContain(code);
      });
    });
  }
});
