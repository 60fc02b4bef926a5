// After the council: what it typed in Kết quả Hội đồng decides every count — lists, Tổng hợp, Theo đơn
// vị, Thống kê and the report agree on each of them.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LISTED_VALUES, MASTER_SHEETS } from '../../sync/master/layout.js';
import { NO_FEMALE_HEAD_FIELD, STATS_FORM_HEADERS } from '../../sync/master/stats.js';
import { COUNT_HEADERS } from '../../sync/master/units.js';
import { BCT, GK, person, UBND } from './campaign.js';
import { DOCUMENTS_KEYS, DOCUMENTS_SHEET } from '../../sync/master/documents-sheet.js';
import {
  listOf,
  statsByForm,
  tallyRecords,
  typeCouncil,
  typeRegister,
  unitTotals,
  LISTED_HEADER,
} from './council-counts.js';
import { rowsOf } from './inbox.js';
import { hasSoffice, soffice } from '../soffice.js';
import { docxParagraphs } from '../zip.js';
import { expectCountsAsPrinted, expectListCounts } from './list-counts.js';
import { execFileSync } from 'node:child_process';
import { openWorkbook, PLAN, readReport, runSync, tmpDir, unit, writeInbox } from './inbox.js';

// H-BATO proposes six for the Minister's Bằng khen (one of them invalid), two for the province, two Giấy khen.
const rows = [
  ...['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung', 'Võ Minh Em'].map((n) => person(n, BCT)),
  person('Đặng Văn Phúc', BCT, { report: 'Chưa' }),
  person('Hồ Thị Giang', UBND),
  person('Bùi Văn Hải', UBND),
  person('Ngô Thị Hoa', GK),
  person('Đinh Văn Khoa', GK),
];
const decisions: Record<string, string> = {
  // The report's case: two Bằng khen Bộ trưởng refused.
  'Nguyễn Văn An': 'Không đồng ý',
  'Trần Thị Bích': 'Không đồng ý',
  'Lê Văn Cường': 'Đồng ý',
  // Approving an invalid row does not make it listed or approved.
  'Đặng Văn Phúc': 'Đồng ý',
  'Hồ Thị Giang': 'Đồng ý',
  'Ngô Thị Hoa': 'Không đồng ý',
  'Đinh Văn Khoa': 'đồng ý ',
};

type Nom = {
  id: string;
  unit: string;
  type: string;
  name: string;
  form: string;
  status: string;
  council: string;
  listed: boolean;
};

describe('council results typed in the master', () => {
  const dir = tmpDir('council');
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  const reportFile = path.join(dir, 'report.json');
  let report: { nominations: Nom[] };

  beforeAll(async () => {
    await writeInbox(inbox, [
      unit('H-BATO', { collectives: 0, individuals: 0, extraRows: rows }),
      unit('H-MODUC', { collectives: 1, individuals: 3 }),
    ]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const wb = await openWorkbook(master);
    typeCouncil(wb, decisions);
    typeRegister(wb, {
      [DOCUMENTS_KEYS.meetingDate]: { value: new Date(Date.UTC(2021, 3, 19)) },
      [DOCUMENTS_KEYS.signer]: { value: 'Võ Văn Rân' },
      [BCT.code]: { value: 125, date: new Date(Date.UTC(2021, 3, 20)) },
      [GK.code]: { value: '45/QĐ-SCT', date: new Date(Date.UTC(2021, 3, 21)) },
    });
    await wb.xlsx.writeFile(master);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master, '--report', reportFile])).code).toBe(0);
    report = await readReport(reportFile);
  }, 240_000);

  it('gives every nomination its council status in the report', () => {
    const byName = new Map(report.nominations.map((n) => [n.name, n]));
    expect(byName.get('Nguyễn Văn An')!.council).toBe('rejected');
    expect(byName.get('Lê Văn Cường')!.council).toBe('approved');
    expect(byName.get('Đinh Văn Khoa')!.council).toBe('approved');
    expect(byName.get('Phạm Thị Dung')!.council).toBe('pending');
    expect(byName.get('Đặng Văn Phúc')).toMatchObject({ status: 'invalid', council: 'approved', listed: false });
  });

  it('agrees on every count: lists, Tổng hợp, Theo đơn vị, Thống kê and the report', async () => {
    const wb = await openWorkbook(master);
    const stats = statsByForm(wb);
    const tally = tallyRecords(wb);
    const noms = report.nominations;
    const valid = (f: string) => noms.filter((n) => n.form === f && n.status === 'valid');

    // The report's case: the Minister's list drops the two refused names and Thống kê says so.
    const bct = listOf(wb, BCT.listSheet);
    expect(bct.names).not.toContain('Nguyễn Văn An');
    expect(bct.names).toHaveLength(valid(BCT.code).length - 2);
    expect(stats.get(BCT.label)![STATS_FORM_HEADERS.listed]).toBe(bct.names.length);
    expect(stats.get(BCT.label)![STATS_FORM_HEADERS.rejected]).toBe(2);

    for (const form of PLAN.forms) {
      const list = listOf(wb, form.listSheet);
      const listed = noms.filter((n) => n.form === form.code && n.listed);
      const v = valid(form.code);
      // The list is exactly the report's listed nominations, with its printed counts.
      expect([...list.names].sort()).toEqual(listed.map((n) => n.name).sort());
      expect(list.total).toBe(listed.length);
      expect(list.parts.reduce((a, b) => a + b, 0)).toBe(listed.length);
      expectListCounts(
        rowsOf(wb.getWorksheet(form.listSheet)!).map((r) => String(r[0] ?? '')),
        form.listSheet,
      );
      // Listed = valid and not refused; Tổng hợp marks exactly those.
      expect(listed.map((n) => n.id).sort()).toEqual(
        v
          .filter((n) => n.council !== 'rejected')
          .map((n) => n.id)
          .sort(),
      );
      const tallyListed = tally.filter(
        (r) => r[LISTED_HEADER] === LISTED_VALUES.yes && r['Hình thức đề nghị'] === form.label,
      );
      expect(tallyListed.map((r) => r['Tên tập thể / Họ và tên']).sort()).toEqual(listed.map((n) => n.name).sort());
      // Thống kê: proposed and approved side by side.
      expect(stats.get(form.label)).toMatchObject({
        [STATS_FORM_HEADERS.valid]: v.length,
        [STATS_FORM_HEADERS.approved]: v.filter((n) => n.council === 'approved').length,
        [STATS_FORM_HEADERS.rejected]: v.filter((n) => n.council === 'rejected').length,
        [STATS_FORM_HEADERS.pending]: v.filter((n) => n.council === 'pending').length,
        [STATS_FORM_HEADERS.listed]: listed.length,
      });
    }
    const approved = noms.filter((n) => n.status === 'valid' && n.council === 'approved').length;
    expect(unitTotals(wb)).toMatchObject({
      [COUNT_HEADERS.valid]: noms.filter((n) => n.status === 'valid').length,
      [COUNT_HEADERS.approved]: approved,
      [COUNT_HEADERS.rejected]: noms.filter((n) => n.status === 'valid' && n.council === 'rejected').length,
      [COUNT_HEADERS.listed]: noms.filter((n) => n.listed).length,
    });
    expect(stats.get('Tổng cộng')![STATS_FORM_HEADERS.approved]).toBe(approved);
  });

  it('says what each list is attached to, with the numbers typed once in Văn bản and kept across re-merges', async () => {
    const wb = await openWorkbook(master);
    const bct = listOf(wb, BCT.listSheet).text;
    expect(bct).toContain('(Kèm theo Tờ trình số 125/TTr-SCT ngày 20/04/2021 của Sở Công Thương)');
    expect(listOf(wb, UBND.listSheet).text).toContain(
      '(Kèm theo Tờ trình số …/TTr-SCT ngày ……/……/2021 của Sở Công Thương)',
    );
    const gk = listOf(wb, GK.listSheet).text;
    expect(gk).toContain('DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ CÔNG THƯƠNG');
    expect(gk).toContain('(Kèm theo Quyết định số 45/QĐ-SCT ngày 21/04/2021 của Giám đốc Sở Công Thương)');
    // The Director does not sign a list proposing to himself: the decision it is attached to is signed.
    expect(gk.some((t) => /ĐỀ NGHỊ/.test(t))).toBe(false);
    expect(gk).not.toContain(PLAN.issuer.signer);
    // Văn bản keeps what was typed.
    const reg = rowsOf(wb.getWorksheet(DOCUMENTS_SHEET)!);
    const get = (code: string) => reg.find((r) => r[0] === code);
    expect(get(DOCUMENTS_KEYS.signer)![2]).toBe('Võ Văn Rân');
    expect(get(BCT.code)![2]).toBe(125);
    expect(get(DOCUMENTS_KEYS.meetingDate)![2]).toEqual(new Date(Date.UTC(2021, 3, 19)));
  });

  it('lists only approved nominations with --approved-only, and Thống kê says so', async () => {
    const out = path.join(dir, 'approved.xlsx');
    const { copyFile } = await import('node:fs/promises');
    await copyFile(master, out);
    const json = path.join(dir, 'approved.json');
    expect((await runSync(['merge', '--inbox', inbox, '--out', out, '--report', json, '--approved-only'])).code).toBe(
      0,
    );
    const r: { nominations: Nom[] } = await readReport(json);
    const wb = await openWorkbook(out);
    const stats = statsByForm(wb);
    for (const form of PLAN.forms) {
      const approved = r.nominations.filter(
        (n) => n.form === form.code && n.status === 'valid' && n.council === 'approved',
      );
      expect(listOf(wb, form.listSheet).names.sort()).toEqual(approved.map((n) => n.name).sort());
      expect(stats.get(form.label)![STATS_FORM_HEADERS.listed]).toBe(approved.length);
    }
    expect(listOf(wb, BCT.listSheet).names).toEqual(['Lê Văn Cường']);
  }, 180_000);

  it('writes the Tờ trình and the Quyết định with exactly the lists’ rows, numbers, dates and counts', async () => {
    const out = path.join(dir, 'documents');
    const run = await runSync(['documents', '--master', master, '--out', out, '--prefill']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const docs = Object.fromEntries(
      await Promise.all(
        PLAN.forms.map(async (f) => {
          const file = path.join(out, `${f.document!.kind === 'to_trinh' ? 'to-trinh' : 'quyet-dinh'}-${f.code}.docx`);
          return [f.code, await docxParagraphs(file)] as const;
        }),
      ),
    );
    for (const form of PLAN.forms) {
      const listed = report.nominations.filter((n) => n.form === form.code && n.listed);
      // Every listed nominee once in its own document, in no other.
      for (const n of listed)
        for (const other of PLAN.forms)
          expect(docs[other.code]!.filter((p) => p === n.name || p.startsWith(`${n.name}, `))).toHaveLength(
            other.code === form.code ? 1 : 0,
          );
      const text = docs[form.code]!.join('\n');
      expect(text).toContain(`Tổng cộng: ${listed.length}`);
      expectCountsAsPrinted(docs[form.code]!);
      expect(text).toContain(form.listTitle);
    }
    const bct = docs[BCT.code]!;
    expect(bct).toContain('Số: 125/TTr-SCT');
    expect(bct).toContain('Quảng Ngãi, ngày 20 tháng 4 năm 2021');
    expect(bct).toContain(`Kính gửi: ${BCT.document!.addressee}`);
    // Names are still pending: the draft claims no council meeting yet.
    expect(bct.join('\n')).not.toContain('kết quả họp xét');
    expect(bct).toContain('Võ Văn Rân');
    expect(bct).toContain('(Kèm theo Tờ trình số 125/TTr-SCT ngày 20/04/2021 của Sở Công Thương)');
    const bctListed = report.nominations.filter((n) => n.form === BCT.code && n.listed);
    expect(expectCountsAsPrinted(bct).reduce((a, p) => a + p.count, 0)).toBe(bctListed.length);
    // The province's Bằng khen goes through the route's intermediary.
    const ubnd = docs[UBND.code]!;
    expect(ubnd).toContain(`(qua ${UBND.document!.through})`);
    expect(ubnd).toContain('Số: …/TTr-SCT');
    // The Director decides the Giấy khen: a draft decision, its list attached to it.
    const gk = docs[GK.code]!;
    expect(gk).toContain('QUYẾT ĐỊNH');
    expect(gk).toContain('Số: 45/QĐ-SCT');
    expect(gk).toContain('(Kèm theo Quyết định số 45/QĐ-SCT ngày 21/04/2021 của Giám đốc Sở Công Thương)');
    const gkListed = report.nominations.filter((n) => n.form === GK.code && n.listed);
    expect(expectCountsAsPrinted(gk).reduce((a, p) => a + p.count, 0)).toBe(gkListed.length);
    expect(gk.find((p) => p.startsWith('Điều 1.'))).toContain(`cho ${gkListed.length} cá nhân (có danh sách kèm theo)`);

    // One prefilled achievement report per listed nomination, under its unit.
    for (const n of report.nominations.filter((x) => x.listed)) {
      const file = path.join(out, 'bao-cao-thanh-tich', n.unit, `${n.id}.docx`);
      const paras = await docxParagraphs(file);
      expect(paras.join('\n')).toContain(n.name);
    }
    const giang = report.nominations.find((n) => n.name === 'Hồ Thị Giang')!;
    const form = await docxParagraphs(path.join(out, 'bao-cao-thanh-tich', giang.unit, `${giang.id}.docx`));
    expect(form).toContain(`ĐỀ NGHỊ TẶNG ${(UBND.document!.award ?? UBND.label).toUpperCase()}`);
    expect(form).toContain('I. SƠ LƯỢC LÝ LỊCH');
    expect(form).toContain('II. THÀNH TÍCH ĐẠT ĐƯỢC');

    // Rendered by LibreOffice, the Tờ trình reads as typed.
    if (!hasSoffice()) return;
    await soffice('pdf', out, [path.join(out, `to-trinh-${BCT.code}.docx`)]);
    // Cells wrap long names over lines: compare with whitespace collapsed.
    const pdf = execFileSync('pdftotext', [path.join(out, `to-trinh-${BCT.code}.pdf`), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(pdf).toContain('TỜ TRÌNH');
    expect(pdf).toContain('Số: 125/TTr-SCT');
    for (const n of bctListed) expect(pdf).toContain(n.name);
  }, 240_000);

  // How Thống kê prints (pages, sizes, every section whole) is checked on the demo in stats.test.ts.
  it('opens on Thống kê, its time local and written out', async () => {
    const wb = await openWorkbook(master);
    // The workbook opens on Thống kê.
    expect(wb.worksheets[wb.views[0]!.activeTab!]!.name).toBe(MASTER_SHEETS.stats);
    const stats = rowsOf(wb.getWorksheet(MASTER_SHEETS.stats)!).flat().map(String);
    expect(stats.some((t) => t.includes('UTC'))).toBe(false);
    expect(stats.some((t) => /lập lúc \d{2} giờ \d{2} phút, ngày \d{2} tháng \d{1,2} năm \d{4}/.test(t))).toBe(true);
    expect(stats.some((t) => t.includes(NO_FEMALE_HEAD_FIELD))).toBe(true);
  });

  it('writes the documents from the council results typed now, without another merge', async () => {
    const copy = path.join(dir, 'changed.xlsx');
    const wb = await openWorkbook(master);
    typeCouncil(wb, { 'Phạm Thị Dung': 'Không đồng ý' });
    await wb.xlsx.writeFile(copy);
    const out = path.join(dir, 'changed-docs');
    const run = await runSync(['documents', '--master', copy, '--out', out]);
    expect(run.code).toBe(0);
    const bct = await docxParagraphs(path.join(out, `to-trinh-${BCT.code}.docx`));
    expect(bct).not.toContain('Phạm Thị Dung');
    // The terminal says the master's printed list is older than the documents.
    expect(run.stdout).toContain(BCT.listSheet);
    expect(run.stdout).toContain('chạy lại lệnh merge');
    // Approved-only documents from lists that are not: one step too.
    const again = await runSync([
      'documents',
      '--master',
      master,
      '--out',
      path.join(dir, 'approved-docs'),
      '--approved-only',
    ]);
    expect(again.code).toBe(0);
    const approved = await docxParagraphs(path.join(dir, 'approved-docs', `to-trinh-${BCT.code}.docx`));
    expect(approved).toContain('Lê Văn Cường');
    expect(approved).not.toContain('Phạm Thị Dung');
  }, 240_000);
});
