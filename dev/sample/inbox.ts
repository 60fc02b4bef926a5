// Sample unit workbooks, built with the real templates and filled as clerks fill them: for the demo (a
// readable inbox with the typical mistakes) and for tests and the benchmark (any size).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isPerson, type Cell, type ColumnKey, type InfoKey, type Plan } from '../../engine/index.js';
import { buildTemplate, type FillRow } from '../../templates/workbook.js';
import {
  FAMILY,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE,
  MIDDLE_MALE,
  pick,
  POSITIONS_BY_KIND,
  random,
  SUMMARIES,
  TEAMS_BY_KIND,
  unitKind,
  type Position,
} from './people.js';

export interface UnitSample {
  unit: string;
  file: string;
  receivedAt: Date;
  collectives: number;
  individuals: number;
  /** Share of rows (0–1) given one typical mistake. */
  mistakes?: number;
  info?: Partial<Record<InfoKey, Cell>>;
  /** Rows appended as they are, for scripted cases. */
  extraRows?: FillRow[];
  seed?: number;
}

/** A dossier dated inside the campaign: meeting, then letter, then sending. */
export const onTimeInfo = (seq: number): Partial<Record<InfoKey, Cell>> => ({
  preparedBy: 'Nguyễn Thị Thu Hà',
  phone: '0255 3 822 456',
  letterNo: `${10 + seq}/TTr-KT`,
  letterDate: new Date(Date.UTC(2021, 3, 9)),
  meetingDate: new Date(Date.UTC(2021, 3, 6)),
  hasLetter: 'Có',
  hasMinutes: 'Có',
  sentDate: new Date(Date.UTC(2021, 3, 12)),
});

export function sampleRows(plan: Plan, s: UnitSample): FillRow[] {
  const rnd = random(s.seed ?? hashCode(s.unit));
  const unit = plan.units.find((u) => u.code === s.unit)!;
  const forms = plan.forms.filter((f) => !f.requiresOutstanding && f.eligibleGroups.includes(unit.group));
  const outstandingForm = plan.forms.find((f) => f.requiresOutstanding);
  const groupLabel = plan.groups.find((g) => g.code === unit.group)!.label;
  const base = (type: 'tap_the' | 'ca_nhan'): Partial<Record<ColumnKey, Cell>> => {
    const v: Partial<Record<ColumnKey, Cell>> = {
      group: groupLabel,
      form: pick(rnd, forms).label,
      outstanding: 'Không',
      summary: pick(rnd, SUMMARIES),
      report: 'Có',
      confirmation: 'Có',
    };
    (plan.criteria[type] ?? []).forEach((_, i) => (v[`criterion${i}`] = 'Đạt'));
    if (outstandingForm && rnd() < 0.1) Object.assign(v, { form: outstandingForm.label, outstanding: 'Có' });
    return v;
  };
  const rows: FillRow[] = [];
  for (let i = 0; i < s.collectives; i++)
    rows.push({
      type: 'tap_the',
      values: { ...base('tap_the'), name: `${pick(rnd, TEAMS_BY_KIND[unitKind(unit.name)])} số ${i + 1}` },
    });
  const takeable = positions(unit.name);
  for (let i = 0; i < s.individuals; i++) {
    const female = rnd() < 0.45;
    const position = takeable(rnd());
    // A suffix keeps names distinct in big inboxes, where a real office would have distinct people.
    const suffix = s.individuals > 200 ? ` ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}` : '';
    rows.push({
      type: 'ca_nhan',
      values: {
        ...base('ca_nhan'),
        name: `${pick(rnd, FAMILY)} ${pick(rnd, female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${pick(rnd, female ? GIVEN_FEMALE : GIVEN_MALE)}${suffix}`,
        gender: female ? 'Nữ' : 'Nam',
        birthYear: position.born[0] + Math.floor(rnd() * (position.born[1] - position.born[0] + 1)),
        position: position.title,
        workplace: unit.name,
        leader: position.leader ? 'Có' : 'Không',
      },
    });
  }
  const mistakes = typicalMistakes(plan);
  rows.forEach((r, i) => {
    if (rnd() < (s.mistakes ?? 0)) Object.assign(r.values, mistakes[i % mistakes.length]!(r));
  });
  return [...rows, ...(s.extraRows ?? [])];
}

/** Draws positions of a unit's staff list: a unit has one head, so a second draw of it takes the next post. */
function positions(unitName: string): (draw: number) => Position {
  const list: readonly Position[] = POSITIONS_BY_KIND[unitKind(unitName)];
  const taken = new Set<string>();
  return (draw) => {
    let i = Math.floor(draw * list.length);
    while (list[i]!.single && taken.has(list[i]!.title)) i = (i + 1) % list.length;
    taken.add(list[i]!.title);
    return list[i]!;
  };
}

/** The mistakes clerks make most, each a change to a row. */
function typicalMistakes(plan: Plan): ((r: FillRow) => Partial<Record<ColumnKey, Cell>>)[] {
  const outstanding = plan.forms.find((f) => f.requiresOutstanding);
  const narrow = plan.forms.find((f) => f.eligibleGroups.length < plan.groups.length);
  const outsider = plan.groups.find((g) => narrow && !narrow.eligibleGroups.includes(g.code));
  return [
    () => ({ criterion1: 'Không đạt' }),
    () => (outstanding ? { form: outstanding.label, outstanding: 'Không' } : { report: 'Chưa' }),
    () => (narrow && outsider ? { form: narrow.label, group: outsider.label } : { confirmation: 'Chưa' }),
    () => ({ report: 'Chưa' }),
    () => ({ confirmation: null }),
    () => ({ summary: 'Hoàn thành tốt nhiệm vụ' }),
    (r) =>
      isPerson(plan, r.type) ? { birthYear: 1932 } : { summary: '=Hoàn thành xuất sắc nhiệm vụ năm 2021 của đơn vị' },
  ];
}

function hashCode(s: string): number {
  let h = 7;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export async function writeUnitFile(plan: Plan, dir: string, s: UnitSample): Promise<string> {
  const file = path.join(dir, s.file);
  const wb = buildTemplate(plan, s.unit, {
    info: { ...onTimeInfo(plan.units.findIndex((u) => u.code === s.unit)), ...s.info },
    rows: sampleRows(plan, s),
  });
  await wb.xlsx.writeFile(file);
  await fs.utimes(file, s.receivedAt, s.receivedAt);
  return file;
}
