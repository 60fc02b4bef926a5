// The demo's meeting and what came after, typed into the master as the secretariat types it in Excel: the
// council's result and votes on every valid nomination (a few refused, the person proposed by two units
// kept once), the members present and the meeting date, the Sở's numbers and dates, and for the forms
// decided above the decision's number and each name's result there. Also the next campaign: its plan (the
// same rules a year later) and a unit proposing again someone awarded this year, and a namesake.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { isDecidedAbove, type Plan } from '../../engine/index.js';
import {
  COUNCIL_VALUES,
  HIGHER_VALUES,
  MASTER_SHEETS,
  TALLY_TYPED_HEADERS as H,
  STATUS_LABELS,
} from '../../sync/master/layout.js';
import { higherKey, DOCUMENTS_KEYS } from '../../sync/master/documents-sheet.js';
import { validRowFor } from './rows.js';
import { writeUnitFile } from './inbox.js';

export interface Awarded {
  name: string;
  birthYear: number;
  unit: string;
  form: string;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const MEMBERS = 9;

/** Types the council's and the deciders' results into Tổng hợp; returns a person the Sở itself awarded. */
function typeResults(plan: Plan, ws: ExcelJS.Worksheet): Awarded | null {
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (h: string) => header.indexOf(h);
  const formOf = new Map(plan.forms.map((f) => [f.label, f]));
  const seen = new Set<string>();
  let awarded: Awarded | null = null;
  let i = 0;
  ws.eachRow((row, r) => {
    const get = (h: string) => String(row.getCell(col(h)).value ?? '');
    if (r === 1 || get('Trạng thái') !== STATUS_LABELS.valid) return;
    const form = formOf.get(get('Hình thức đề nghị'));
    const who = `${get('Tên tập thể / Họ và tên')}|${get('Năm sinh')}`;
    // Every seventh is refused, and the second proposal of one person.
    const approve = ++i % 7 !== 0 && !seen.has(who);
    seen.add(who);
    row.getCell(col(H.council)).value = approve ? COUNCIL_VALUES.approve : COUNCIL_VALUES.reject;
    row.getCell(col(H.votes)).value = approve ? MEMBERS - (i % 3) : 3;
    if (approve && form && isDecidedAbove(form))
      row.getCell(col(H.higher)).value = i % 5 === 0 ? HIGHER_VALUES.notAwarded : HIGHER_VALUES.awarded;
    if (approve && form && !isDecidedAbove(form) && !awarded && get('Loại') !== 'Tập thể')
      awarded = {
        name: get('Tên tập thể / Họ và tên'),
        birthYear: Number(get('Năm sinh')),
        unit: get('Đơn vị'),
        form: form.label,
      };
  });
  return awarded;
}

/** Văn bản: the meeting, the members present, the signer, every number and date the papers cite. */
function typeRegister(plan: Plan, ws: ExcelJS.Worksheet): void {
  const typed: Record<string, [unknown, Date | null]> = {
    [DOCUMENTS_KEYS.meetingDate]: [day('2021-04-20'), null],
    [DOCUMENTS_KEYS.membersPresent]: [MEMBERS, null],
    [DOCUMENTS_KEYS.signer]: ['Nguyễn Văn Tám', null],
    [DOCUMENTS_KEYS.chair]: ['Nguyễn Văn Tám', null],
    [DOCUMENTS_KEYS.secretary]: ['Lê Thị Thu', null],
    KH_SCT: ['12', null],
    QD_SCT: ['18/2016/QĐ-UBND', day('2016-05-04')],
    QC_TDKT: ['25/2018/QĐ-UBND', day('2018-08-29')],
  };
  plan.forms.forEach((f, k) => {
    typed[f.code] = [String(125 + k), day('2021-04-22')];
    if (isDecidedAbove(f)) typed[higherKey(f)] = [`${2345 + k}/QĐ-${k ? 'UBND' : 'BCT'}`, day('2021-05-10')];
  });
  ws.eachRow((row) => {
    const v = typed[String(row.getCell(1).value ?? '')];
    if (!v) return;
    row.getCell(3).value = v[0] as ExcelJS.CellValue;
    if (v[1]) row.getCell(4).value = v[1];
  });
}

export async function typeCouncilDecisions(plan: Plan, master: string): Promise<Awarded | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(master);
  const awarded = typeResults(plan, wb.getWorksheet(MASTER_SHEETS.tally)!);
  typeRegister(plan, wb.getWorksheet(MASTER_SHEETS.documents)!);
  await wb.xlsx.writeFile(master);
  return awarded;
}

/** The next year's campaign under the same rules: its plan file and an inbox proposing `again` once more
 *  (warned ALREADY_AWARDED by the register) and a namesake born another year (not warned). */
export async function writeNextCampaign(plan: Plan, again: Awarded, dir: string): Promise<string> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(path.join(dir, 'inbox'), { recursive: true });
  // A campaign of its own: its title and the plan it cites say 2022, not the 2021 ones copied.
  const next: Plan = {
    ...plan,
    id: plan.id.replace('2021', '2022'),
    title: 'Phong trào thi đua năm 2022 của Sở Công Thương (ví dụ: đợt năm sau, cùng quy định)',
    campaign: { start: '2022-02-10', end: '2022-04-20' },
    deadline: '2022-04-20',
    ...(plan.documents && {
      documents: {
        ...plan.documents,
        references: plan.documents.references?.map((r) => ({
          ...r,
          label: r.label.replaceAll('2021', '2022'),
          ...(r.date && { date: r.date.replace('2021', '2022') }),
        })),
      },
    }),
  };
  const planFile = path.join(dir, 'ke-hoach-2022.json');
  await fs.writeFile(planFile, `${JSON.stringify(next, null, 2)}\n`);
  const row = (birthYear: number) =>
    validRowFor(next, 'ca_nhan', { name: again.name, birthYear, form: again.form }, again.unit);
  await writeUnitFile(next, path.join(dir, 'inbox'), {
    unit: again.unit,
    file: `${again.unit}.xlsx`,
    receivedAt: new Date('2022-04-12T09:00:00+07:00'),
    info: {
      letterDate: new Date(Date.UTC(2022, 3, 8)),
      meetingDate: new Date(Date.UTC(2022, 3, 5)),
      sentDate: new Date(Date.UTC(2022, 3, 11)),
    },
    collectives: 0,
    individuals: 0,
    extraRows: [row(again.birthYear), row(again.birthYear + 9)],
  });
  return planFile;
}
