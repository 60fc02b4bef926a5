// The demo's inbox: most units on time with a few typical mistakes, one late, one that sent nothing,
// one that sent a corrected file after a first one, one .xls, one file with the wrong plan, an Excel lock file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Plan, PlanUnit } from '../../engine/index.js';
import type { FillRow } from '../../templates/workbook.js';
import { validRowFor } from './rows.js';
import { writeUnitFile, type UnitSample } from './inbox.js';

const at = (iso: string) => new Date(iso);
const [LATE, MISSING, RESUBMITTING, BAD_FORMAT, TWIN] = ['H-SONTAY', 'H-LYSON', 'H-BINHSON', 'SCT-QLNL', 'SCT-VP'];

export async function writeDemoInbox(plan: Plan, dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  for (const [i, unit] of plan.units.entries()) {
    if (unit.code === MISSING || unit.code === BAD_FORMAT) continue;
    await writeUnitFile(plan, dir, usualSample(plan, unit, i));
  }
  await writeResubmission(plan, dir);
  await writeStrayFiles(dir);
}

/** A unit's file as most send it: received on a day of its own, a few mistakes, some set on purpose. */
function usualSample(plan: Plan, unit: PlanUnit, i: number): UnitSample {
  const day = 5 + (i % 10);
  return {
    unit: unit.code,
    file: `${unit.code}.xlsx`,
    receivedAt:
      unit.code === LATE
        ? at('2021-04-16T08:30:00+07:00')
        : at(`2021-04-${String(day).padStart(2, '0')}T15:20:00+07:00`),
    collectives: 1 + (i % 2),
    individuals: 4 + (i % 4),
    mistakes: i % 3 === 0 ? 0.35 : 0.1,
    info:
      unit.code === 'H-MODUC'
        ? { letterNo: null }
        : unit.code === 'TX-DUCPHO'
          ? { meetingDate: new Date(Date.UTC(2021, 3, 11)) }
          : {},
    extraRows: extraRows(plan, unit.code),
  };
}

/** The rows a few units add to their sample: one person proposed twice, a summary that looks like a formula. */
function extraRows(plan: Plan, unitCode: string): FillRow[] {
  return [
    ...(unitCode === TWIN || unitCode === 'H-TUNGHIA' ? [sharedNominee(plan, unitCode)] : []),
    // Clerks often start a summary with a dash or an equals sign: it must stay text everywhere.
    ...(unitCode === 'H-NGHIAHANH'
      ? [
          validRowFor(
            plan,
            'ca_nhan',
            {
              name: 'Lê Thị Mỹ Dung',
              summary: '=Hoàn thành 100% chỉ tiêu kiểm tra an toàn điện năm 2021, không để xảy ra sự cố',
            },
            unitCode,
          ),
        ]
      : []),
  ];
}

/**
 * One person proposed by two units (moved from the district office to Văn phòng Sở during the campaign),
 * each as its own staff with the post held there: the secretariat must reconcile.
 */
function sharedNominee(plan: Plan, unitCode: string): FillRow {
  const sharedPost: Record<string, string> = { 'H-TUNGHIA': 'Phó Trưởng phòng', [TWIN]: 'Phó Chánh Văn phòng' };
  return validRowFor(
    plan,
    'ca_nhan',
    {
      name: 'Phạm Văn Đồng',
      birthYear: 1976,
      position: sharedPost[unitCode],
      workplace: plan.units.find((u) => u.code === unitCode)!.name,
      leader: 'Có',
    },
    unitCode,
  );
}

/** A first file with many mistakes, then the corrected one: the later one wins. */
async function writeResubmission(plan: Plan, dir: string): Promise<void> {
  const attempt = { unit: RESUBMITTING, collectives: 1, individuals: 5, seed: 11 };
  await writeUnitFile(plan, dir, {
    ...attempt,
    file: `${RESUBMITTING}-lan1.xlsx`,
    receivedAt: at('2021-04-08T10:00:00+07:00'),
    mistakes: 0.9,
  });
  await writeUnitFile(plan, dir, {
    ...attempt,
    file: `${RESUBMITTING}-lan2.xlsx`,
    receivedAt: at('2021-04-14T16:45:00+07:00'),
    mistakes: 0,
  });
  await fs.rm(path.join(dir, `${RESUBMITTING}.xlsx`), { force: true });
}

/** Files a clerk's folder holds besides workbooks: an old-format .xls and Excel's lock file. */
async function writeStrayFiles(dir: string): Promise<void> {
  // Saved in the old Excel format: refused with a message saying to save as .xlsx.
  const xls = path.join(dir, `${BAD_FORMAT}-de-nghi.xls`);
  await fs.writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  await fs.utimes(xls, at('2021-04-13T09:00:00+07:00'), at('2021-04-13T09:00:00+07:00'));
  // Excel's lock file beside an open workbook: ignored.
  await fs.writeFile(path.join(dir, '~$TP-QUANGNGAI.xlsx'), 'lock');
}
