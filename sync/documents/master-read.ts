// What the papers need from a master, read once into one snapshot that every paper is built from: every
// nomination of Tổng hợp with its status, issue codes and source; what the secretariat typed (the council's
// result, votes and higher results in Tổng hợp, the Văn bản sheet), read by the merge's own rules
// (sync/typed-values/); the units' intake (Theo đơn vị, Lỗi); and the names each printed list holds — so the
// terminal can say when the master's lists are older than the documents. The master is read with our own
// reader, as the merge reads it: exceljs decodes the merge's texts a second time, so a name typed as
// "&amp;&lt;" would print as "&<".
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
import { ToldError } from '../../engine/told-error.js';
import { DAMAGED_REASON } from '../../node/fs-errors.js';
import { readXlsxRows, XlsxReadError, type TypedCell } from '../../node/xlsx-rows.js';
import { ID_HEADER, MASTER_SHEETS, TALLY_TYPED_HEADERS, STATUS_HEADER, STATUS_LABELS } from '../master/layout.js';
import { TALLY_TYPED } from '../master/tally.js';
import { keyOf, typedValuesPass, type TypedValuesPass } from '../typed-values/master.js';
import { DOCUMENTS_TYPED, documentsSheetFrom, type DocumentsSheet } from '../master/documents-sheet.js';
import type { Standing } from '../statuses.js';
import {
  councilFromPrevious,
  outcomesFromPrevious,
  type CouncilStatus,
  type Outcome,
} from '../typed-values/council.js';
import { intakeOf, INTAKE_SHEETS, type Intake } from './intake-read.js';

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
  documentsSheet: DocumentsSheet;
  /** Votes and higher results typed in Tổng hợp, by keyOf(id). */
  outcomes: Map<string, Outcome>;
  /** Each unit's submission and the merge's sentences about it, from Theo đơn vị and Lỗi. */
  intake: Intake;
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
  // Read through the typed values (sync/typed-values/council.ts); required here so that a master whose
  // column was renamed is refused rather than every nomination read as not decided.
  council: TALLY_TYPED_HEADERS.council,
} as const;

const text = (c: Cell | undefined): string => (c === undefined ? '' : cellText(c));

export class MasterError extends ToldError {}

type TallyColumns = Record<keyof typeof HEADERS, number>;

/** Where each of Tổng hợp's columns is; a missing one means an older master, to merge again. */
function tallyColumns(rows: Cell[][], file: string): TallyColumns {
  const header = (rows[0] ?? []).map((h) => matchKey(text(h)));
  const col = Object.fromEntries(
    Object.entries(HEADERS).map(([k, h]) => [k, header.indexOf(matchKey(h))]),
  ) as TallyColumns;
  const missing = Object.entries(col)
    .filter(([, i]) => i < 0)
    .map(([k]) => `"${HEADERS[k as keyof typeof HEADERS]}"`);
  if (missing.length)
    throw new MasterError(
      `Trang "${MASTER_SHEETS.tally}" của "${file}" thiếu cột ${missing.join(', ')}: chạy lại lệnh merge để tạo sổ tổng hợp mới.`,
    );
  return col;
}

/** Every nomination of Tổng hợp; the council's result as the typed values hold it (`council`, by keyOf(id)). */
function readTally(plan: Plan, rows: Cell[][], col: TallyColumns, council: Map<string, CouncilStatus>) {
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
      standing: { status, lateOnly, council: council.get(keyOf(get('id'))) ?? 'pending' },
    });
  }
  return out;
}

/** The names of a list sheet: the cell after each row number. */
const listNames = (rows: Cell[][]): string[] => rows.filter((r) => typeof r[0] === 'number').map((r) => text(r[1]));

/** One pass over the master: the sheets in `wanted` kept row by row as read, the typed values collected by
 *  `typed` from the sheets it picks. */
async function readSheets(file: string, wanted: string[], typed: TypedValuesPass): Promise<Map<string, TypedCell[][]>> {
  const sheets = new Map<string, TypedCell[][]>();
  const forTyped = new Set<string>();
  try {
    await readXlsxRows(file, {
      pick: (names) => {
        const picked = typed.pick(names);
        picked.forEach((n) => forTyped.add(n));
        return [...picked, ...names.filter((n) => wanted.includes(n) && !forTyped.has(n))];
      },
      onRow: (event) => {
        const rows = wanted.includes(event.sheet)
          ? (sheets.get(event.sheet) ?? sheets.set(event.sheet, []).get(event.sheet)!)
          : undefined;
        rows?.push(Array.from(event.cells, (c) => c ?? null));
        // Once the typed values are done with a sheet (a probe that is not the renamed tab), no more of it.
        if (forTyped.has(event.sheet) && !typed.onRow(event)) forTyped.delete(event.sheet);
        return rows !== undefined || forTyped.has(event.sheet);
      },
    });
  } catch (e) {
    if (e instanceof XlsxReadError)
      throw new MasterError(`Không đọc được sổ tổng hợp "${file}": ${DAMAGED_REASON}. Sổ được giữ nguyên.`, {
        cause: e,
      });
    throw e;
  }
  return sheets;
}

const flatRows = (rows: TypedCell[][]): Cell[][] => rows.map((r) => r.map((c) => flattenCell(c)));

/** The master at `file` as the papers see it, read once (see the head of this file). */
export async function readMaster(plan: Plan, file: string): Promise<MasterSnapshot> {
  const pass = typedValuesPass(file, [TALLY_TYPED, DOCUMENTS_TYPED], MASTER_SHEETS.unmatched, '');
  const listSheets = plan.forms.map((f) => f.listSheet);
  const sheets = await readSheets(file, [MASTER_SHEETS.tally, ...INTAKE_SHEETS, ...listSheets], pass);
  const tallyRows = sheets.get(MASTER_SHEETS.tally);
  if (!tallyRows)
    throw new MasterError(
      `"${file}" không có trang "${MASTER_SHEETS.tally}": đây không phải sổ tổng hợp do lệnh merge tạo ra.`,
    );
  const tally = flatRows(tallyRows);
  const columns = tallyColumns(tally, file);
  const typed = pass.result();
  const lists = new Map<string, string[]>();
  for (const f of plan.forms) {
    const rows = sheets.get(f.listSheet);
    if (rows) lists.set(f.code, listNames(flatRows(rows)));
  }
  return {
    nominations: readTally(plan, tally, columns, councilFromPrevious(typed)),
    // Read by the rule the merge reads it with (a copied row: the first value), so the documents carry the
    // numbers the lists print.
    documentsSheet: documentsSheetFrom(typed),
    outcomes: outcomesFromPrevious(typed),
    intake: intakeOf(plan.timeZone, sheets),
    lists,
  };
}
