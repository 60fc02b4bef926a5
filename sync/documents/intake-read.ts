// What the letters to units need from a master beyond Tổng hợp: where each unit stands with its submission
// (Theo đơn vị: on time, late, refused, nothing sent; when it was received) and the issues of Lỗi — why a
// unit's files were refused, the errors on a used file as a whole and those of each row — so a letter says
// exactly what the secretariat's master says, stated as a signed letter states it (issueStatement).
import {
  describeLocation,
  ISSUE_KINDS,
  issueStatement,
  matchKey,
  SEVERITY_LABELS,
  type IssueCode,
} from '../../engine/index.js';
import { isFormula, type TypedCell } from '../../node/xlsx-rows.js';
import { typedText } from '../typed-values/master.js';
import { MASTER_SHEETS, RECEIVED_BY_OFFICE_HEADER, UNIT_CODE_HEADER } from '../master/layout.js';
import { UNIT_STATUS_LABELS, type UnitStanding } from '../master/units.js';
import { readReceivedTime } from '../typed-values/received-time.js';

export interface UnitIntake {
  unit: string;
  standing: UnitStanding;
  /** When the Sở received the submission: the secretariat's record, else the file's time. */
  receivedAt: Date | null;
  /** Why the unit's files were refused, one sentence each naming its file. */
  refusals: string[];
}

export interface Intake {
  units: Map<string, UnitIntake>;
  /** Errors of each row, by rowKey(file, sheet, line), as a signed letter states them. */
  rowErrors: Map<string, string[]>;
  /** Errors on a used file as a whole (its Thông tin, its sending), by file: they stand on every row of it. */
  fileErrors: Map<string, string[]>;
}

export const rowKey = (file: string, sheet: string, line: number): string => `${file}\u0000${sheet}\u0000${line}`;

interface SheetRecord {
  get: (h: string) => string;
  raw: (h: string) => TypedCell;
}

const valueOf = (c: TypedCell | undefined): TypedCell => (isFormula(c) ? (c.result ?? null) : c) ?? null;

/** A sheet's rows under its header row, by header (matched as the merge matches them, whatever the case);
 *  a formula by its cached result. */
function records(rows: TypedCell[][]): SheetRecord[] {
  const header = (rows[0] ?? []).map((h) => matchKey(typedText(valueOf(h))));
  return rows.slice(1).map((r) => {
    const raw = (h: string) => valueOf(r[header.indexOf(matchKey(h))]);
    return { raw, get: (h: string) => typedText(raw(h)).trim() };
  });
}

const standingOf = new Map(
  (Object.entries(UNIT_STATUS_LABELS) as [UnitStanding, string][]).map(([k, label]) => [matchKey(label), k]),
);

/** A located sentence with its file, sheet and row (those it names) left out: "Cột "Năm sinh": Giá trị …". */
function withoutLocation(text: string, file: string, sheet: string, line: number): string {
  const where = describeLocation({ file, sheet: sheet || undefined, row: line || undefined });
  const rest = text.startsWith(where) ? text.slice(where.length).replace(/^[:,]\s*/, '') : text;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** An issue of Lỗi as a signed letter states it: by its code, else (a code this version does not know) the
 *  merge's sentence with its location left out. */
function statementOf(i: SheetRecord): string {
  const code = i.get('Mã lỗi');
  if (Object.hasOwn(ISSUE_KINDS, code)) return issueStatement(code as IssueCode, i.get('Cột'));
  const sentence = withoutLocation(i.get('Nội dung'), i.get('Tệp'), i.get('Trang'), Number(i.raw('Dòng')));
  return sentence.replace(/\.$/, '');
}

const levelOf = (i: SheetRecord) => ISSUE_KINDS[i.get('Mã lỗi') as IssueCode]?.level;

const append = (map: Map<string, string[]>, key: string, text: string) => map.set(key, [...(map.get(key) ?? []), text]);

/** The sheets the intake is read from, in the master's one read (master-read.ts). */
export const INTAKE_SHEETS: readonly string[] = [MASTER_SHEETS.units, MASTER_SHEETS.issues];

/** The intake from the rows of Theo đơn vị and Lỗi as read (a missing sheet: no rows). */
export function intakeOf(timeZone: string, sheets: ReadonlyMap<string, TypedCell[][]>): Intake {
  const issues = records(sheets.get(MASTER_SHEETS.issues) ?? []);
  const intake: Intake = { units: new Map(), rowErrors: new Map(), fileErrors: new Map() };
  for (const u of records(sheets.get(MASTER_SHEETS.units) ?? [])) {
    const code = u.get(UNIT_CODE_HEADER);
    const standing = standingOf.get(matchKey(u.get('Tình trạng')));
    if (!code || !standing) continue;
    const typed = u.raw(RECEIVED_BY_OFFICE_HEADER);
    const receivedAt =
      (typed !== null ? readReceivedTime(typed, timeZone) : undefined) ??
      readReceivedTime(u.get('Thời điểm nhận') || null, timeZone) ??
      null;
    const refusals =
      standing === 'refused'
        ? issues
            .filter((i) => i.get('Đơn vị') === code && !i.get('Trang'))
            .map((i) => `${describeLocation({ file: i.get('Tệp') })}: ${statementOf(i)}.`)
        : [];
    intake.units.set(code, { unit: code, standing, receivedAt, refusals });
  }
  for (const i of issues) {
    const [f, sheet, line] = [i.get('Tệp'), i.get('Trang'), Number(i.raw('Dòng'))];
    if (i.get('Mức độ') !== SEVERITY_LABELS.error) continue;
    if (levelOf(i) === 'submission') append(intake.fileErrors, f, statementOf(i));
    else if (sheet && line) append(intake.rowErrors, rowKey(f, sheet, line), statementOf(i));
  }
  return intake;
}
