// The push with the master the real merge writes: every contract sheet reaches the Sheet, and a council
// decision typed in the Sheet survives push → merge → push.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPush } from '../../sync/google/push.js';
import { ID_HEADER, MASTER_SHEETS, SECRETARIAT_HEADERS } from '../../sync/master/layout.js';
import { openWorkbook, rowsOf, runSync, unit, writeInbox } from '../sync/inbox.js';
import { zipEntry } from '../zip.js';
import { closeHarness, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => closeHarness(h));

describe('push with a master written by merge', () => {
  it('writes every master sheet and keeps a decision typed in the Sheet across a re-merge', async () => {
    const inbox = path.join(h.dir, 'inbox');
    const master = path.join(h.dir, 'master.xlsx');
    await writeInbox(inbox, [
      unit('H-BATO', { collectives: 1, individuals: 2 }),
      unit('SCT-VP', { collectives: 0, individuals: 1 }),
    ]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    h.fake.addSpreadsheet('sheet-1', [{ title: 'Trang tính1' }]);
    const push = () => runPush({ sheet: 'sheet-1', master }, h.deps);

    expect(await push()).toBe(0);
    const wb = await openWorkbook(master);
    const visible = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    const titles = h.fake.spreadsheets.get('sheet-1')!.tabs.map((t) => t.title);
    expect(titles).toEqual(['Trang tính1', ...visible]);
    expect(titles).toEqual(expect.arrayContaining(Object.values(MASTER_SHEETS)));
    const tally = h.fake.tab('sheet-1', MASTER_SHEETS.tally)!;
    expect(tally.frozenRowCount).toBe(1);
    expect(tally.values).toHaveLength(rowsOf(wb.getWorksheet(MASTER_SHEETS.tally)!).length);

    // A council member marks the first nomination in the Sheet.
    const header = tally.values[0]!;
    const councilCol = header.indexOf(SECRETARIAT_HEADERS.council);
    const id = tally.values[1]![header.indexOf(ID_HEADER)];
    tally.values[1]![councilCol] = 'Không đồng ý';
    expect(await push()).toBe(0);

    // The rewritten master keeps the council dropdown as one range (exceljs alone would write overlaps).
    const tallyXml = `xl/worksheets/sheet${visible.indexOf(MASTER_SHEETS.tally) + 1}.xml`;
    const sqrefs = [...(await zipEntry(master, tallyXml)).matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(sqrefs.length).toBeGreaterThan(0);
    expect(new Set(sqrefs.map((r) => r!.replace(/\d+/g, ''))).size).toBe(sqrefs.length);

    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const merged = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.tally)!);
    const mergedHeader = merged[0]!;
    expect(
      merged.find((r) => r[mergedHeader.indexOf(ID_HEADER)] === id)?.[
        mergedHeader.indexOf(SECRETARIAT_HEADERS.council)
      ],
    ).toBe('Không đồng ý');

    expect(await push()).toBe(0);
    const again = h.fake.tab('sheet-1', MASTER_SHEETS.tally)!.values;
    expect(again.find((r) => r[header.indexOf(ID_HEADER)] === id)?.[councilCol]).toBe('Không đồng ý');
  }, 180_000);
});
