// The demo's inbox: most units on time with a few typical mistakes, one late, one that sent nothing,
// one that sent a corrected file after a first one, one .xls, one file with the wrong plan, an Excel lock file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Plan } from '../../engine/index.js';
import { validRowFor } from './rows.js';
import { writeUnitFile } from './inbox.js';

const at = (iso: string) => new Date(iso);

export async function writeDemoInbox(plan: Plan, dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const [late, missing, resubmitting, badFormat, twin] = ['H-SONTAY', 'H-LYSON', 'H-BINHSON', 'SCT-QLNL', 'SCT-VP'];
  // One person proposed by two units (moved from the district office to Văn phòng Sở during the campaign),
  // each as its own staff with the post held there: the secretariat must reconcile.
  const sharedPost: Record<string, string> = { 'H-TUNGHIA': 'Phó Trưởng phòng', [twin]: 'Phó Chánh Văn phòng' };
  const shared = (unitCode: string) =>
    validRowFor(
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

  for (const [i, unit] of plan.units.entries()) {
    if (unit.code === missing || unit.code === badFormat) continue;
    const day = 5 + (i % 10);
    await writeUnitFile(plan, dir, {
      unit: unit.code,
      file: `${unit.code}.xlsx`,
      receivedAt:
        unit.code === late
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
      extraRows: [
        ...(unit.code === twin || unit.code === 'H-TUNGHIA' ? [shared(unit.code)] : []),
        // Clerks often start a summary with a dash or an equals sign: it must stay text everywhere.
        ...(unit.code === 'H-NGHIAHANH'
          ? [
              validRowFor(
                plan,
                'ca_nhan',
                {
                  name: 'Lê Thị Mỹ Dung',
                  summary: '=Hoàn thành 100% chỉ tiêu kiểm tra an toàn điện năm 2021, không để xảy ra sự cố',
                },
                unit.code,
              ),
            ]
          : []),
      ],
    });
  }
  // A first file with many mistakes, then the corrected one: the later one wins.
  await writeUnitFile(plan, dir, {
    unit: resubmitting,
    file: `${resubmitting}-lan1.xlsx`,
    receivedAt: at('2021-04-08T10:00:00+07:00'),
    collectives: 1,
    individuals: 5,
    mistakes: 0.9,
    seed: 11,
  });
  await writeUnitFile(plan, dir, {
    unit: resubmitting,
    file: `${resubmitting}-lan2.xlsx`,
    receivedAt: at('2021-04-14T16:45:00+07:00'),
    collectives: 1,
    individuals: 5,
    mistakes: 0,
    seed: 11,
  });
  await fs.rm(path.join(dir, `${resubmitting}.xlsx`), { force: true });

  // Saved in the old Excel format: refused with a message saying to save as .xlsx.
  const xls = path.join(dir, `${badFormat}-de-nghi.xls`);
  await fs.writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  await fs.utimes(xls, at('2021-04-13T09:00:00+07:00'), at('2021-04-13T09:00:00+07:00'));
  // Excel's lock file beside an open workbook: ignored.
  await fs.writeFile(path.join(dir, '~$TP-QUANGNGAI.xlsx'), 'lock');
}
