// DUPLICATE_ACROSS_UNITS warns where two units may really propose the same nominee — a person, or an
// enterprise or organisation of a group open to every unit — and stays quiet for two units' own teams that
// share a generic name. The demo inbox's warnings are the one true case.
import { describe, expect, it } from 'vitest';
import { checkAcrossUnits, type Nomination } from '../../engine/index.js';
import { writeDemoInbox } from '../../dev/sample/demo-inbox.js';
import { merge } from '../../sync/merge.js';
import { tmpDir } from '../sync/inbox.js';
import { check, PLAN, validRow } from './grids.js';

const group = (code: string) => PLAN.groups.find((g) => g.code === code)!.label;

function acrossUnits(name: string, groupCode: string): string[] {
  const team = (unitCode: string) =>
    check(PLAN, { info: { unitCode }, collectives: [validRow(PLAN, 'tap_the', { name, group: group(groupCode) })] })
      .nominations;
  const all: Nomination[] = [...team('H-BATO'), ...team('H-SONHA')];
  checkAcrossUnits(PLAN, all);
  return all.flatMap((n) => n.issues.filter((i) => i.code === 'DUPLICATE_ACROSS_UNITS').map(() => n.unit));
}

describe('duplicates across units', () => {
  it('warns both units proposing the same enterprise', () => {
    expect(acrossUnits('Công ty Cổ phần Đường Quảng Ngãi', 'other').sort()).toEqual(['H-BATO', 'H-SONHA']);
  });

  it("does not take two districts' own teams with one generic name for one nominee", () => {
    expect(acrossUnits('Tổ Kế hoạch tổng hợp số 1', 'district_office')).toEqual([]);
  });

  it('warns in the demo inbox only for the person two units both propose', async () => {
    const inbox = tmpDir('inbox-demo');
    await writeDemoInbox(PLAN, inbox);
    const result = await merge({ plan: PLAN, inbox });
    const warned = result.nominations.filter((n) => n.issues.some((i) => i.code === 'DUPLICATE_ACROSS_UNITS'));
    expect(warned.map((n) => `${n.unit}:${n.name}`).sort()).toEqual([
      'H-TUNGHIA:Phạm Văn Đồng',
      'SCT-VP:Phạm Văn Đồng',
    ]);
  }, 120_000);
});
