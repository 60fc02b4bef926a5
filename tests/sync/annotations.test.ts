// Nothing the secretariat typed is lost: re-merging a changed inbox keeps the three columns by id.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_HEADER, MASTER_SHEETS, TALLY_TYPED_HEADERS, STATUS_HEADER } from '../../sync/master/layout.js';
import { validRowFor } from '../../dev/sample/rows.js';
import { openWorkbook, PLAN, rowsOf, runSync, tmpDir, unit, writeInbox } from './inbox.js';

const person = (name: string, extra = {}) => validRowFor(PLAN, 'ca_nhan', { name, ...extra });

describe('the secretariat columns survive a re-merge', () => {
  it('keeps values by id, keeps withdrawn rows that carry a value, drops the others, and honours "Không đồng ý"', async () => {
    const dir = tmpDir('annot');
    const inbox = path.join(dir, 'inbox');
    const master = path.join(dir, 'master.xlsx');
    const people = {
      stays: 'Nguyễn Văn An',
      breaks: 'Trần Thị Bích',
      leaves: 'Lê Văn Cường',
      vanishes: 'Phạm Thị Dung',
      refused: 'Võ Minh Em',
    };
    const rows = Object.values(people).map((n) => person(n));
    await writeInbox(inbox, [unit('H-BATO', { collectives: 0, individuals: 0, extraRows: rows })]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);

    // The secretariat types into the master in Excel.
    const wb = await openWorkbook(master);
    const ws = wb.getWorksheet(MASTER_SHEETS.tally)!;
    const header = rowsOf(ws)[0]!;
    const col = (h: string) => header.indexOf(h) + 1;
    const nameCol = col('Tên tập thể / Họ và tên');
    const rowOf = (name: string) => {
      let r = 0;
      ws.eachRow((row, i) => {
        if (row.getCell(nameCol).value === name) r = i;
      });
      return r;
    };
    const type = (name: string, values: Partial<Record<keyof typeof TALLY_TYPED_HEADERS, string>>) => {
      for (const [k, v] of Object.entries(values))
        ws.getCell(rowOf(name), col(TALLY_TYPED_HEADERS[k as keyof typeof TALLY_TYPED_HEADERS])).value = v;
    };
    type(people.stays, { office: 'Đủ hồ sơ', council: 'Đồng ý' });
    type(people.breaks, { officeNote: 'Đã gọi điện nhắc' });
    type(people.leaves, { office: 'Chờ bổ sung =xác nhận' });
    type(people.refused, { council: 'Không đồng ý' });
    const ids = Object.fromEntries(Object.values(people).map((n) => [n, ws.getCell(rowOf(n), col(ID_HEADER)).value]));
    await wb.xlsx.writeFile(master);

    // The unit sends a new file: one row now breaks a rule, two are gone.
    await fs.rm(inbox, { recursive: true });
    await writeInbox(inbox, [
      unit('H-BATO', {
        collectives: 0,
        individuals: 0,
        receivedAt: new Date('2021-04-12T10:00:00+07:00'),
        extraRows: [person(people.stays), person(people.breaks, { report: 'Chưa' }), person(people.refused)],
      }),
    ]);
    const again = await runSync(['merge', '--inbox', inbox, '--out', master]);
    expect(again.stderr).not.toContain('Không đọc được');
    expect(again.code).toBe(0);

    const after = await openWorkbook(master);
    const tally = rowsOf(after.getWorksheet(MASTER_SHEETS.tally)!);
    const h = tally[0]!;
    const byId = new Map(tally.slice(1).map((r) => [r[h.indexOf(ID_HEADER)], r]));
    const get = (name: string, header: string) => byId.get(ids[name])?.[h.indexOf(header)];
    expect(get(people.stays, TALLY_TYPED_HEADERS.office)).toBe('Đủ hồ sơ');
    expect(get(people.stays, TALLY_TYPED_HEADERS.council)).toBe('Đồng ý');
    expect(get(people.breaks, TALLY_TYPED_HEADERS.officeNote)).toBe('Đã gọi điện nhắc');
    expect(get(people.breaks, STATUS_HEADER)).toBe('Không hợp lệ');
    expect(get(people.leaves, STATUS_HEADER)).toBe('Đã rút');
    expect(get(people.leaves, TALLY_TYPED_HEADERS.office)).toBe('Chờ bổ sung =xác nhận');
    expect(get(people.leaves, 'Tên tập thể / Họ và tên')).toBe(people.leaves);
    expect(byId.has(ids[people.vanishes])).toBe(false);
    expect(tally).toHaveLength(1 + 4);

    // The council's "Không đồng ý" keeps a name out of its list; "Đồng ý" does not.
    const form = PLAN.forms.find((f) => f.label === rows[0]!.values.form)!;
    const listed = rowsOf(after.getWorksheet(form.listSheet)!)
      .filter((r) => typeof r[0] === 'number')
      .map((r) => r[1]);
    expect(listed).toEqual([people.stays]);

    // The previous master is kept as a backup and still holds the typed values.
    const backup = await openWorkbook(path.join(dir, 'master.bak.xlsx'));
    expect(rowsOf(backup.getWorksheet(MASTER_SHEETS.tally)!).flat()).toContain('Chờ bổ sung =xác nhận');
  }, 180_000);
});
