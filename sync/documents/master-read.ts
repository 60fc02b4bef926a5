// What the documents command needs from a master: every nomination of Tổng hợp with its status, issue
// codes, source and the council's result as typed now, the Văn bản register, and the names each printed
// list holds — so the terminal can say when the master's lists are older than the documents.
import ExcelJS from 'exceljs';
import {
  cellText,
  flattenCell,
  ISSUE_KINDS,
  matchKey,
  type Cell,
  type IssueCode,
  type NomineeTypeCode,
  type Plan,
} from '../../engine/index.js';
import { ID_HEADER, MASTER_SHEETS, SECRETARIAT_HEADERS, STATUS_HEADER, STATUS_LABELS } from '../master/layout.js';
import { readAnnotations } from '../master/annotations.js';
import { REGISTER_ANNOTATIONS, registerFrom, type Register } from '../master/register.js';
import { councilStatus, type Standing } from '../statuses.js';

export interface MasterNomination {
  id: string;
  unit: string;
  type: NomineeTypeCode;
  form: string | null;
  name: string;
  gender: string;
  birthYear: string;
  position: string;
  workplace: string;
  summary: string;
  /** Group code (Thuộc khối); null when not one of the plan's. */
  group: string | null;
  /** Where it came from: the unit's file and sheet. */
  file: string;
  sheet: string;
  /** Line of the nomination in its unit's file: the lists' order within a unit. */
  line: number;
  /** Issue codes the merge found on it. */
  codes: IssueCode[];
  standing: Standing;
}

export interface MasterSnapshot {
  nominations: MasterNomination[];
  register: Register;
  /** Names printed in each form's list sheet, in order (absent when the sheet is missing). */
  lists: Map<string, string[]>;
}

const HEADERS = {
  unit: 'Đơn vị',
  file: 'Tệp',
  sheet: 'Trang',
  line: 'Dòng',
  group: 'Thuộc khối',
  type: 'Loại',
  name: 'Tên tập thể / Họ và tên',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  position: 'Chức vụ',
  workplace: 'Đơn vị công tác',
  form: 'Hình thức đề nghị',
  summary: 'Tóm tắt thành tích',
  status: STATUS_HEADER,
  codes: 'Mã lỗi',
  id: ID_HEADER,
  council: SECRETARIAT_HEADERS.council,
} as const;

// row.values is 1-based: index 0 is empty.
const values = (row: ExcelJS.Row): Cell[] => Array.from((row.values as unknown[]).slice(1), (v) => flattenCell(v));
const text = (c: Cell | undefined): string => (c === undefined ? '' : cellText(c));

export class MasterError extends Error {}

function readTally(plan: Plan, ws: ExcelJS.Worksheet, file: string): MasterNomination[] {
  const rows: Cell[][] = [];
  ws.eachRow((row) => rows.push(values(row)));
  const header = (rows[0] ?? []).map((h) => matchKey(text(h)));
  const col = Object.fromEntries(Object.entries(HEADERS).map(([k, h]) => [k, header.indexOf(matchKey(h))])) as Record<
    keyof typeof HEADERS,
    number
  >;
  const missing = Object.entries(col)
    .filter(([, i]) => i < 0)
    .map(([k]) => `"${HEADERS[k as keyof typeof HEADERS]}"`);
  if (missing.length)
    throw new MasterError(
      `Trang "${MASTER_SHEETS.tally}" của "${file}" thiếu cột ${missing.join(', ')}: chạy lại lệnh merge để tạo sổ tổng hợp mới.`,
    );
  const typeOf = new Map(plan.nomineeTypes.map((t) => [matchKey(t.label), t.code]));
  const formOf = new Map(plan.forms.map((f) => [matchKey(f.label), f.code]));
  const groupOf = new Map(plan.groups.map((g) => [matchKey(g.label), g.code]));
  const statusOf = new Map(
    (['valid', 'invalid', 'late'] as const).map((s) => [matchKey(STATUS_LABELS[s]), s] as const),
  );
  const out: MasterNomination[] = [];
  for (const r of rows.slice(1)) {
    const get = (k: keyof typeof HEADERS) => text(r[col[k]]);
    const status = statusOf.get(matchKey(get('status')));
    const type = typeOf.get(matchKey(get('type')));
    // Withdrawn rows (Đã rút) and rows without an id are no nominations of this merge.
    if (!status || !type || !get('id')) continue;
    const codes = get('codes')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean) as IssueCode[];
    const lateOnly =
      status === 'late' && codes.every((c) => c === 'DEADLINE_LATE' || ISSUE_KINDS[c]?.severity === 'warning');
    out.push({
      id: get('id'),
      unit: get('unit'),
      type,
      form: formOf.get(matchKey(get('form'))) ?? null,
      name: get('name'),
      gender: get('gender'),
      birthYear: get('birthYear'),
      position: get('position'),
      workplace: get('workplace'),
      summary: get('summary'),
      group: groupOf.get(matchKey(get('group'))) ?? null,
      file: get('file'),
      sheet: get('sheet'),
      line: Number(r[col.line]) || 0,
      codes,
      standing: { status, lateOnly, council: councilStatus(get('council')) },
    });
  }
  return out;
}

function readListNames(ws: ExcelJS.Worksheet): string[] {
  const names: string[] = [];
  ws.eachRow((row) => {
    const v = values(row);
    if (typeof v[0] === 'number') names.push(text(v[1]));
  });
  return names;
}

export async function readMaster(plan: Plan, file: string): Promise<MasterSnapshot> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new MasterError(`Không đọc được sổ tổng hợp "${file}": ${(e as Error).message}`);
  }
  const tally = wb.getWorksheet(MASTER_SHEETS.tally);
  if (!tally)
    throw new MasterError(
      `"${file}" không có trang "${MASTER_SHEETS.tally}": đây không phải sổ tổng hợp do lệnh merge tạo ra.`,
    );
  const lists = new Map<string, string[]>();
  for (const f of plan.forms) {
    const ws = wb.getWorksheet(f.listSheet);
    if (ws) lists.set(f.code, readListNames(ws));
  }
  return {
    nominations: readTally(plan, tally, file),
    // Read by the rule the merge reads it with (a copied row: the first value), so the documents carry the
    // numbers the lists print.
    register: registerFrom(await readAnnotations(file, [REGISTER_ANNOTATIONS], MASTER_SHEETS.unmatched, '')),
    lists,
  };
}
