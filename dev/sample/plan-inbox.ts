// A sample inbox for any plan (the demo and tests of a plan other than 2021's): every unit but one sends a
// file dated inside the campaign, one sends late, every third has a few typical mistakes.
import { promises as fs } from 'node:fs';
import type { Plan } from '../../engine/index.js';
import { writeUnitFile } from './inbox.js';

const DAY = 86_400_000;
/** A local date of the plan's campaign (Việt Nam, UTC+7) at a given hour. */
const localAt = (iso: string, days: number, hour: number) =>
  new Date(Date.parse(`${iso}T00:00:00+07:00`) + days * DAY + hour * 3_600_000);
const utcDay = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY);

export interface PlanInbox {
  late: string;
  missing: string;
}

export async function writePlanInbox(plan: Plan, dir: string): Promise<PlanInbox> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const missing = plan.units.at(-1)!.code;
  const late = plan.units.at(-2)!.code;
  for (const [i, unit] of plan.units.entries()) {
    if (unit.code === missing) continue;
    const before = 1 + (i % 7);
    await writeUnitFile(plan, dir, {
      unit: unit.code,
      file: `${unit.code}.xlsx`,
      receivedAt: unit.code === late ? localAt(plan.deadline, 2, 9) : localAt(plan.deadline, -before, 15),
      collectives: 1 + (i % 2),
      individuals: 2 + (i % 3),
      mistakes: i % 3 === 0 ? 0.3 : 0,
      info: {
        meetingDate: utcDay(plan.deadline, -before - 3),
        letterDate: utcDay(plan.deadline, -before - 1),
        sentDate: utcDay(plan.deadline, -before),
      },
    });
  }
  return { late, missing };
}
