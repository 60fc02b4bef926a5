// A unit that filled last season's template: its workbook carries another plan. The merge checks it against
// the Sở's own plan file all the same and warns, on every nomination, to use the latest template.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeUnitFile } from '../../dev/sample/inbox.js';
import { PLAN, readReport, runSync, tmpDir, unit } from './inbox.js';

type Nom = { unit: string; status: string; issues: { code: string; severity: string; message: string }[] };

describe('a workbook carrying an outdated plan', () => {
  const dir = tmpDir('plan-outdated');
  const inbox = path.join(dir, 'inbox');
  let nominations: Nom[];

  beforeAll(async () => {
    await fs.mkdir(inbox, { recursive: true });
    // The outdated template's plan gives until 30/04/2021; the Sở's plan file says 15/04/2021.
    await writeUnitFile({ ...PLAN, deadline: '2021-04-30' }, inbox, {
      ...unit('H-BATO'),
      receivedAt: new Date('2021-04-20T09:00:00+07:00'),
    });
    await writeUnitFile(PLAN, inbox, unit('H-LYSON'));
    const report = path.join(dir, 'report.json');
    await runSync(['merge', '--inbox', inbox, '--out', path.join(dir, 'master.xlsx'), '--report', report]);
    nominations = (await readReport(report)).nominations;
  }, 120_000);

  it('warns on every nomination of that file to use the latest template', () => {
    const bato = nominations.filter((n) => n.unit === 'H-BATO');
    expect(bato.length).toBeGreaterThan(0);
    for (const n of bato) {
      const warning = n.issues.find((i) => i.code === 'PLAN_OUTDATED')!;
      expect(warning.severity).toBe('warning');
      expect(warning.message).toContain(`khác kế hoạch ${PLAN.id} hiện hành của Sở`);
      expect(warning.message).toContain('mẫu mới nhất');
    }
    expect(nominations.filter((n) => n.unit === 'H-LYSON').flatMap((n) => n.issues.map((i) => i.code))).not.toContain(
      'PLAN_OUTDATED',
    );
  });

  it("checks its rows against the Sở's plan: received after 15/04/2021, it is late", () => {
    const bato = nominations.filter((n) => n.unit === 'H-BATO');
    expect(bato.every((n) => n.status === 'late' && n.issues.some((i) => i.code === 'DEADLINE_LATE'))).toBe(true);
  });
});
