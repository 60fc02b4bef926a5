// The papers `sync documents` writes, read back as a secretariat and as Word would: the docx XML and a
// LibreOffice PDF page by page. A draft case (a pending nominee, one person proposed by two units) and the
// clean case once the council has decided and Văn bản is typed — from the same master, without a merge.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validRowFor } from '../../dev/sample/rows.js';
import { MASTER_SHEETS, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';
import { DOCUMENTS_KEYS, emptyDocumentsSheet } from '../../sync/master/documents-sheet.js';
import { buildLetter } from '../../sync/documents/letters.js';
import type { MasterNomination } from '../../sync/documents/master-read.js';
import { toBuffer } from '../../node/official-docx.js';
import { typeRegister } from './council-counts.js';
import { openWorkbook, PLAN, rowsOf, runSync, tmpDir, unit, writeInbox } from './inbox.js';
import { hasSoffice, soffice } from '../soffice.js';
import { expectCountsAsPrinted, expectListCounts } from './list-counts.js';
import { docxParagraphs, zipEntry } from '../zip.js';

const [BCT, UBND, GK] = PLAN.forms as [
  (typeof PLAN.forms)[number],
  (typeof PLAN.forms)[number],
  (typeof PLAN.forms)[number],
];
const groupOf = (code: string) =>
  PLAN.groups.find((g) => g.code === PLAN.units.find((u) => u.code === code)!.group)!.label;
const person = (unitCode: string, name: string, form: typeof BCT, extra = {}) =>
  validRowFor(
    PLAN,
    'ca_nhan',
    {
      name,
      form: form.label,
      group: groupOf(unitCode),
      outstanding: form.requiresOutstanding ? 'Có' : 'Không',
      ...extra,
    },
    unitCode,
  );
const team = (unitCode: string, name: string, form: typeof BCT) =>
  validRowFor(PLAN, 'tap_the', { name, form: form.label, group: groupOf(unitCode) }, unitCode);

const DONG = { birthYear: 1976, position: 'Trưởng phòng' };
const rows = {
  'H-BATO': [
    person('H-BATO', 'Phạm Văn Đồng', BCT, DONG),
    person('H-BATO', 'Trần Thị Bích', BCT, { summary: '=Hoàn thành 100% chỉ tiêu kiểm tra an toàn điện năm 2021' }),
    person('H-BATO', 'Lê Văn Cường', BCT, { summary: 'Hoàn thành tốt nhiệm vụ' }),
    person('H-BATO', 'Hồ Thị Giang', UBND),
    person('H-BATO', 'Ngô Thị Hoa', GK),
    person('H-BATO', 'Đặng Văn Phúc', GK, { report: 'Chưa' }),
    team('H-BATO', 'Tổ Điện nông thôn số 1', GK),
  ],
  'SCT-VP': [person('SCT-VP', 'Phạm Văn Đồng', BCT, DONG), team('SCT-VP', 'Tổ Điện nông thôn số 1', GK)],
};

/** Types a council result into the rows of Tổng hợp of that name (and unit, when given). */
function decide(wb: Awaited<ReturnType<typeof openWorkbook>>, name: string, value: string, unitCode?: string) {
  const ws = wb.getWorksheet(MASTER_SHEETS.tally)!;
  const header = rowsOf(ws)[0]!;
  const col = (h: string) => header.indexOf(h) + 1;
  ws.eachRow((row, i) => {
    if (i === 1 || row.getCell(col('Tên tập thể / Họ và tên')).value !== name) return;
    if (unitCode && row.getCell(col('Đơn vị')).value !== unitCode) return;
    row.getCell(col(TALLY_TYPED_HEADERS.council)).value = value;
  });
}

const PAPERS = [`to-trinh-${BCT.code}`, `to-trinh-${UBND.code}`, `quyet-dinh-${GK.code}`];
const text = async (file: string) => (await docxParagraphs(file)).join('\n');

/** Each page of the LibreOffice PDF of each paper, whitespace collapsed. */
async function pdfPages(dir: string, names: string[]): Promise<Record<string, string[]>> {
  const pdf = path.join(dir, 'pdf');
  await soffice(
    'pdf',
    pdf,
    names.map((n) => path.join(dir, `${n}.docx`)),
  );
  return Object.fromEntries(
    names.map((n) => [
      n,
      execFileSync('pdftotext', [path.join(pdf, `${n}.pdf`), '-'], { encoding: 'utf8' })
        .split('\f')
        .slice(0, -1)
        .map((p) => p.replace(/\s+/g, ' ').trim()),
    ]),
  );
}

/**
 * No blank page; the body's pages, then the annex from the very next page, numbered from its second page.
 * The signature's page carries the body's last paragraph (its "./."), never "Nơi nhận" and the signature alone.
 */
function expectPagesInOrder(pages: string[], form: typeof BCT): void {
  for (const p of pages) expect(p.length).toBeGreaterThan(20);
  const annexAt = pages.findIndex((p) => p.includes(form.listTitle.slice(0, 30)));
  const closingAt = pages.findIndex((p) => p.includes('Nơi nhận'));
  expect(closingAt).toBeGreaterThanOrEqual(0);
  expect(annexAt).toBe(closingAt + 1);
  const signaturePage = pages[closingAt]!;
  expect(signaturePage.slice(0, signaturePage.indexOf('Nơi nhận')), `${form.code}: signature page`).toContain('./.');
}

/** Each page's lines of text as printed (pdftotext -layout), trimmed, blank lines left out. */
function pageLines(pdf: string): string[][] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
}

/** A nominee as Tổng hợp lists it, of H-BATO for the Minister's Bằng khen. */
function listed(type: 'tap_the' | 'ca_nhan', line: number, summary: string): MasterNomination {
  const team = type === 'tap_the';
  return {
    id: `${type}-${line}`,
    unit: 'H-BATO',
    type,
    form: BCT.code,
    name: team ? `Tổ ${line}` : `Nguyễn Văn ${line}`,
    gender: '',
    birthYear: '1980',
    position: 'Chuyên viên',
    workplace: '',
    summary,
    // A collective open to every unit is named as typed: one short line.
    group: team ? 'other' : 'district_office',
    file: 'H-BATO.xlsx',
    sheet: '',
    line,
    codes: [],
    standing: { status: 'valid', lateOnly: false, council: 'approved' },
  };
}

describe('sync documents: the papers the Sở signs', () => {
  const dir = tmpDir('documents');
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  const draft = path.join(dir, 'draft');
  const clean = path.join(dir, 'clean');
  let draftRun: Awaited<ReturnType<typeof runSync>>;

  beforeAll(async () => {
    await writeInbox(inbox, [
      unit('H-BATO', { collectives: 0, individuals: 0, extraRows: rows['H-BATO'] }),
      unit('SCT-VP', { collectives: 0, individuals: 0, extraRows: rows['SCT-VP'] }),
    ]);
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    draftRun = await runSync(['documents', '--master', master, '--out', draft, '--prefill']);
  }, 240_000);

  it('writes a draft while names are pending or one person is listed twice, and says what to settle', async () => {
    expect(draftRun.stderr).toBe('');
    expect(draftRun.code).toBe(0);
    for (const p of PAPERS) {
      const body = await text(path.join(draft, `${p}.docx`));
      // No council meeting is claimed before it happened.
      expect(body).not.toMatch(/kết quả họp xét/);
      if (p.startsWith('to-trinh')) expect(body).toContain('chưa được');
    }
    const bct = await docxParagraphs(path.join(draft, `to-trinh-${BCT.code}.docx`));
    // The person proposed by two units is marked in the list, and counted as the rows print: the draft's
    // figures agree with its own list (the pair is settled before signing, can-xu-ly.docx).
    expect(bct.filter((p) => p === 'Phạm Văn Đồng (*)')).toHaveLength(2);
    expect(expectCountsAsPrinted(bct).map((p) => [p.title, p.count])).toEqual([['CÁ NHÂN', 4]]);
    expect(bct.join('\n')).toContain('cho 4 cá nhân đã có');
    expect(bct.join('\n')).toContain('Tổng cộng: 4 cá nhân.');
    for (const p of PAPERS) expectCountsAsPrinted(await docxParagraphs(path.join(draft, `${p}.docx`)));
    // The master's own list, printed as the same annex, words its counts the same way.
    const sheet = (await openWorkbook(master)).getWorksheet(BCT.listSheet)!;
    const firstCells = rowsOf(sheet).map((r) => String(r[0] ?? ''));
    expect(expectListCounts(firstCells, BCT.listSheet).map((p) => [p.title, p.count])).toEqual([['CÁ NHÂN', 4]]);
    // The text as the clerk meant it, without the spreadsheet's formula sign.
    expect(bct).toContain('Hoàn thành 100% chỉ tiêu kiểm tra an toàn điện năm 2021');
    expect(bct.some((p) => p.startsWith('='))).toBe(false);
    // Two collectives of the same name, each named in full with its unit.
    const gk = await docxParagraphs(path.join(draft, `quyet-dinh-${GK.code}.docx`));
    expect(gk).toContain('Tổ Điện nông thôn số 1, Phòng Kinh tế và Hạ tầng huyện Ba Tơ');
    expect(gk).toContain('Tổ Điện nông thôn số 1, Văn phòng Sở Công Thương');

    const settle = await text(path.join(draft, 'can-xu-ly.docx'));
    for (const t of [
      'Đề nghị chưa được Hội đồng xét',
      'Hồ Thị Giang (sinh năm 1985)',
      'Cùng một người có tên hơn một lần',
      'Phòng Kinh tế và Hạ tầng huyện Ba Tơ',
      'Văn phòng Sở Công Thương',
      'Tóm tắt thành tích quá ngắn',
      `dòng ${DOCUMENTS_KEYS.meetingDate}`,
      'dòng KH_SCT',
    ])
      expect(settle).toContain(t);
    // Both rows of the pair, with their files and rows.
    expect(settle).toMatch(/H-BATO\.xlsx, Cá nhân, dòng \d+[\s\S]*SCT-VP\.xlsx, Cá nhân, dòng \d+/);
    // The terminal says the same.
    expect(draftRun.stdout).toContain('DỰ THẢO');
    expect(draftRun.stdout).toContain('Cùng một người có tên hơn một lần (1 người, 2 dòng)');
    expect(draftRun.stdout).toMatch(/- Nhóm 1 \| .+ \| H-BATO\.xlsx/);
    expect(settle).toContain('Cùng một người có tên hơn một lần (1 người, 2 dòng)');
    expect(draftRun.stdout).toContain('can-xu-ly.docx');
    // The terminal counts each list as its paper does.
    expect(draftRun.stdout).toContain(`to-trinh-${BCT.code}.docx: ${BCT.label} – 4 cá nhân\n`);
    expect(draftRun.stdout).not.toMatch(/\b0 tập thể/);
  });

  it('totals a list with nobody in it yet as "Tổng cộng: 0", without empty parts', async () => {
    const one = path.join(dir, 'one-unit');
    await writeInbox(path.join(one, 'inbox'), [
      unit('SCT-VP', { collectives: 0, individuals: 0, extraRows: rows['SCT-VP'] }),
    ]);
    const file = path.join(one, 'master.xlsx');
    expect((await runSync(['merge', '--inbox', path.join(one, 'inbox'), '--out', file])).code).toBe(0);
    // Văn phòng Sở proposes nobody for the province's Bằng khen.
    const cells = rowsOf((await openWorkbook(file)).getWorksheet(UBND.listSheet)!).map((r) => String(r[0] ?? ''));
    expect(cells).toContain('Tổng cộng: 0');
    expect(cells.filter((c) => /^[IVX]+\. /.test(c))).toEqual([]);
  });

  it('writes achievement reports only for listed nominations, under their unit’s letterhead', async () => {
    const units = readdirSync(path.join(draft, 'bao-cao-thanh-tich'));
    expect(units.sort()).toEqual(['H-BATO', 'SCT-VP']);
    const files = readdirSync(path.join(draft, 'bao-cao-thanh-tich', 'H-BATO'));
    // Seven rows, one invalid (no report): six forms.
    expect(files).toHaveLength(6);
    const all = await Promise.all(files.map((f) => text(path.join(draft, 'bao-cao-thanh-tich', 'H-BATO', f))));
    expect(all.some((t) => t.includes('Đặng Văn Phúc'))).toBe(false);
    const teamForm = all.find((t) => t.includes('Tổ Điện nông thôn số 1'))!;
    expect(teamForm).toContain('UBND HUYỆN BA TƠ');
    expect(teamForm).toContain('PHÒNG KINH TẾ VÀ HẠ TẦNG');
    expect(teamForm).toContain('Tổ Điện nông thôn số 1, Phòng Kinh tế và Hạ tầng huyện Ba Tơ');
    expect(teamForm).toContain('Ba Tơ, ngày …… tháng …… năm 2021');
    expect(teamForm).not.toContain('sổ');
    const vp = readdirSync(path.join(draft, 'bao-cao-thanh-tich', 'SCT-VP'));
    const vpText = await text(path.join(draft, 'bao-cao-thanh-tich', 'SCT-VP', vp[0]!));
    expect(vpText).toContain('SỞ CÔNG THƯƠNG');
    expect(vpText).toContain('VĂN PHÒNG');
  });

  it('opens right in Word: fixed tables with cell widths equal to the grid, vi-VN, page numbers, properties', async () => {
    for (const p of [...PAPERS, 'can-xu-ly']) {
      const file = path.join(draft, `${p}.docx`);
      const xml = await zipEntry(file, 'word/document.xml');
      for (const tbl of xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
        expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
        const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
        // No column too narrow for its header (an STT or a Nhóm column: at least about 1 cm).
        expect(Math.min(...grid), p).toBeGreaterThanOrEqual(600);
        for (const tr of tbl.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? []) {
          let col = 0;
          for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
            const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
            const width = Number(
              /<w:tcW w:type="dxa" w:w="(\d+)"\/>|<w:tcW w:w="(\d+)" w:type="dxa"\/>/.exec(tc)!.slice(1).find(Boolean),
            );
            expect(width).toBe(grid.slice(col, col + span).reduce((a, b) => a + b, 0));
            col += span;
          }
        }
      }
      // Every run is Vietnamese.
      const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
      expect(runs.length).toBeGreaterThan(10);
      for (const r of runs) expect(r).toContain('<w:lang w:val="vi-VN"/>');
      // Every section: a first page of its own, numbered from 1; the other pages' header holds the page number.
      const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!;
      for (const s of sections) {
        expect(s).toContain('<w:titlePg/>');
        expect(s).toMatch(/<w:pgNumType w:start="1"/);
        const id = /<w:headerReference w:type="default" r:id="(\w+)"/.exec(s)![1];
        const rels = await zipEntry(file, 'word/_rels/document.xml.rels');
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
        const header = await zipEntry(file, `word/${target[1] ?? target[2]}`);
        expect(header).toMatch(/PAGE/);
        expect(header).toContain('DỰ THẢO');
      }
      const core = await zipEntry(file, 'docProps/core.xml');
      expect(core).toContain(PLAN.documents!.issuerFullName);
    }
  });

  it('prints every page as a draft, with no blank page and the annex right after the body', async () => {
    if (!hasSoffice()) return;
    const pages = await pdfPages(draft, PAPERS);
    for (const [p, form] of PAPERS.map((p, i) => [p, PLAN.forms[i]!] as const)) {
      for (const page of pages[p]!) expect(page).toContain('DỰ THẢO');
      expectPagesInOrder(pages[p]!, form);
      // Page numbers from page 2.
      expect(pages[p]![1]).toMatch(/^2 DỰ THẢO|^DỰ THẢO 2|\b2\b/);
    }
  }, 300_000);

  it('never leaves a part of the list (its heading) alone at the foot of a page', async () => {
    if (!hasSoffice()) return;
    // One-line rows of collectives, one more in each paper: the heading of the individuals' part steps down a
    // line at a time and, in one of these papers, reaches the foot of the annex's first page.
    const summary = 'Hoàn thành xuất sắc nhiệm vụ được giao, dẫn đầu phong trào thi đua của đơn vị năm 2021';
    const ctx = {
      plan: PLAN,
      documentsSheet: emptyDocumentsSheet(),
      settled: true,
      draft: false,
      duplicateIds: new Set<string>(),
    };
    const out = path.join(dir, 'heading-at-foot');
    const files = await Promise.all(
      Array.from({ length: 14 }, async (_, k) => {
        const teams = Array.from({ length: 18 + k }, (_, i) => listed('tap_the', i + 1, 'Tốt'));
        const people = Array.from({ length: 4 }, (_, i) => listed('ca_nhan', 100 + i, summary));
        const file = path.join(out, `list-${18 + k}.docx`);
        await mkdir(out, { recursive: true });
        await writeFile(file, await toBuffer(buildLetter(ctx, BCT, [...teams, ...people]).data));
        return file;
      }),
    );
    await soffice('pdf', out, files);
    const PART = /^[IVX]+\. [^()]+ \(\d+\)$/;
    const pages = files.flatMap((f) => pageLines(f.replace(/\.docx$/, '.pdf')));
    for (const lines of pages) expect(lines.at(-1)).not.toMatch(PART);
    // The case is met: in some paper the individuals' heading opens a page, under the repeated table header.
    expect(pages.some((lines) => lines.slice(0, 5).includes('II. CÁ NHÂN (4)'))).toBe(true);
  }, 300_000);

  describe('once the council has decided and Văn bản is typed', () => {
    let run: Awaited<ReturnType<typeof runSync>>;
    beforeAll(async () => {
      const wb = await openWorkbook(master);
      for (const n of ['Phạm Văn Đồng', 'Trần Thị Bích', 'Hồ Thị Giang', 'Ngô Thị Hoa', 'Tổ Điện nông thôn số 1'])
        decide(wb, n, 'Đồng ý');
      // The duplicate settled: Văn phòng Sở's row refused; the short summary too.
      decide(wb, 'Phạm Văn Đồng', 'Không đồng ý', 'SCT-VP');
      decide(wb, 'Lê Văn Cường', 'Không đồng ý');
      typeRegister(wb, {
        [DOCUMENTS_KEYS.meetingDate]: { value: new Date(Date.UTC(2021, 3, 19)) },
        [DOCUMENTS_KEYS.signer]: { value: 'Nguyễn Văn Tám' },
        [DOCUMENTS_KEYS.signerTitle]: { value: 'Phó Giám đốc ký thay' },
        [DOCUMENTS_KEYS.chair]: { value: 'Nguyễn Văn Tám' },
        [DOCUMENTS_KEYS.secretary]: { value: 'Lê Thị Thu' },
        [BCT.code]: { value: 125, date: new Date(Date.UTC(2021, 3, 20)) },
        [UBND.code]: { value: 126, date: new Date(Date.UTC(2021, 3, 20)) },
        [GK.code]: { value: '45/QĐ-SCT', date: new Date(Date.UTC(2021, 3, 21)) },
        KH_SCT: { value: 12 },
        QD_SCT: { value: '07/2016/QĐ-UBND', date: new Date(Date.UTC(2016, 1, 25)) },
        QC_TDKT: { value: '28/2018/QĐ-UBND', date: new Date(Date.UTC(2018, 9, 17)) },
      });
      await wb.xlsx.writeFile(master);
      // Run again into the draft's folder: its can-xu-ly.docx, now stale, goes away.
      expect((await runSync(['documents', '--master', master, '--out', draft])).code).toBe(0);
      run = await runSync(['documents', '--master', master, '--out', clean]);
    }, 240_000);

    it('writes clean papers in one step, with nothing left to settle', async () => {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(existsSync(path.join(clean, 'can-xu-ly.docx'))).toBe(false);
      expect(existsSync(path.join(draft, 'can-xu-ly.docx'))).toBe(false);
      expect(run.stdout).not.toContain('DỰ THẢO');
      for (const p of PAPERS) {
        const file = path.join(clean, `${p}.docx`);
        const body = await text(file);
        expect(body).toContain(
          'Căn cứ kết quả họp xét khen thưởng của Hội đồng Thi đua – Khen thưởng Sở Công Thương ngày 19 tháng 4 năm 2021;',
        );
        expect(body).toContain('Căn cứ Kế hoạch số 12/KH-SCT ngày 03 tháng 02 năm 2021 của Sở Công Thương');
        expect(body).toContain('KT. GIÁM ĐỐC');
        expect(body).toContain('PHÓ GIÁM ĐỐC');
        expect(body).toContain('Nguyễn Văn Tám');
        // The law cited by its title as published, one spelling throughout.
        expect(body).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003');
        expect(body).not.toContain('Thi đua, Khen thưởng');
        for (const h of ['header1.xml', 'header2.xml'])
          expect(await zipEntry(file, `word/${h}`)).not.toContain('DỰ THẢO');
      }
      const bct = await docxParagraphs(path.join(clean, `to-trinh-${BCT.code}.docx`));
      expect(bct).toContain('Quảng Ngãi, ngày 20 tháng 4 năm 2021');
      expect(bct).toContain(`Kính gửi: ${BCT.document!.addressee}`);
      expect(bct).toContain(`(qua ${BCT.document!.through})`);
      for (const r of ['UBND tỉnh (báo cáo);', 'Sở Nội vụ (Ban TĐKT);']) expect(bct).toContain(`- ${r}`);
      expect(bct.filter((p) => p.startsWith('Phạm Văn Đồng'))).toEqual(['Phạm Văn Đồng']);
      expect(bct).toContain('(Kèm theo Tờ trình số 125/TTr-SCT ngày 20/04/2021 của Sở Công Thương)');
      const ubnd = (await docxParagraphs(path.join(clean, `to-trinh-${UBND.code}.docx`))).join('\n');
      expect(ubnd).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi');
      expect(ubnd).toContain('Căn cứ Kế hoạch số 19/KH-UBND ngày 27 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh');
      expect(ubnd).not.toContain('38a/KH-BCT');
      expect(ubnd).toContain('thật sự tiêu biểu xuất sắc');
      expect(ubnd).not.toMatch(/\([^()]*\([^()]*\)[^()]*\)/);
      const gk = (await docxParagraphs(path.join(clean, `quyet-dinh-${GK.code}.docx`))).join('\n');
      expect(gk).toContain(
        'Căn cứ Quyết định số 07/2016/QĐ-UBND ngày 25 tháng 02 năm 2016 của Ủy ban nhân dân tỉnh Quảng Ngãi quy định chức năng',
      );
      expect(gk).toContain('Quỹ thi đua, khen thưởng của Sở Công Thương');
      // Điều 3 names who carries the decision out: the heads of the units whose nominees it awards (a district's
      // Phòng Kinh tế as well as the Sở's own), and the awardees themselves.
      expect(gk).toContain(
        'Chánh Văn phòng Sở; Thủ trưởng các đơn vị: Phòng Kinh tế và Hạ tầng huyện Ba Tơ, Văn phòng Sở Công Thương; các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
      );
    });

    it('writes the approved-only papers from a master merged without it', async () => {
      const out = path.join(dir, 'approved');
      const r = await runSync(['documents', '--master', master, '--out', out, '--approved-only']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const gk = await docxParagraphs(path.join(out, `quyet-dinh-${GK.code}.docx`));
      expect(gk).toContain('Ngô Thị Hoa');
      expect(gk.join('\n')).toContain('Tổng cộng: 3 (2 tập thể, 1 cá nhân).');
      expect(gk.join('\n')).toContain('cho 2 tập thể và 1 cá nhân (có danh sách kèm theo)');
      for (const p of PAPERS) expectCountsAsPrinted(await docxParagraphs(path.join(out, `${p}.docx`)));
      expect(existsSync(path.join(out, 'can-xu-ly.docx'))).toBe(false);
    });

    it('prints clean pages, no blank page, the annex right after the body', async () => {
      if (!hasSoffice()) return;
      const pages = await pdfPages(clean, PAPERS);
      PAPERS.forEach((p, i) => {
        for (const page of pages[p]!) expect(page).not.toContain('DỰ THẢO');
        expectPagesInOrder(pages[p]!, PLAN.forms[i]!);
      });
    }, 300_000);
  });
});
