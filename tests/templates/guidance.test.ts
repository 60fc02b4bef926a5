// A template that guides the clerk on its own: required columns marked, a prompt on every column the clerk
// fills, empty required cells highlighted once a row has a name, and a guide that reads on screen and on
// A4 paper (checked in a LibreOffice PDF render).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnLetter, GUIDE_SHEET, INFO_LABELS, INFO_SHEET, sheetColumns } from '../../engine/index.js';
import { buildTemplate, MISSING_ARGB, REQUIRED_HEADER_ARGB } from '../../templates/workbook.js';
import { PLAN } from '../engine/grids.js';
import { SOFFICE, soffice } from '../soffice.js';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), 'guidance-'));
const FILE = path.join(dir, 'H-BATO.xlsx');

async function reopen(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FILE);
  return wb;
}

type CfRule = { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } };
type Cf = { ref: string; rules: CfRule[] };
const conditionalFormats = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;

beforeAll(async () => {
  await buildTemplate(PLAN, 'H-BATO').xlsx.writeFile(FILE);
});

describe('the template guides the clerk', () => {
  it('marks required columns with a red header, and required Thông tin lines in red', async () => {
    const wb = await reopen();
    for (const t of PLAN.nomineeTypes) {
      const ws = wb.getWorksheet(t.sheet)!;
      sheetColumns(PLAN, t.code).forEach((spec, i) => {
        const fill = (ws.getCell(1, i + 1).fill as ExcelJS.FillPattern).fgColor?.argb;
        if (spec.required) expect(fill, spec.header).toBe(REQUIRED_HEADER_ARGB);
        else expect(fill, spec.header).not.toBe(REQUIRED_HEADER_ARGB);
      });
    }
    const info = wb.getWorksheet(INFO_SHEET)!;
    const red = (label: string) => {
      const row = Object.values(INFO_LABELS).indexOf(label as never) + 1;
      return info.getCell(row, 1).font?.color?.argb === REQUIRED_HEADER_ARGB;
    };
    expect(red('Số Tờ trình')).toBe(true);
    expect(red('Ngày họp bình xét')).toBe(true);
    expect(red('Người lập')).toBe(false);
  });

  it('prompts on every list and date cell, saying what goes there', async () => {
    const wb = await reopen();
    for (const t of PLAN.nomineeTypes) {
      const ws = wb.getWorksheet(t.sheet)!;
      sheetColumns(PLAN, t.code).forEach((spec, i) => {
        if (spec.key === 'seq') return;
        // Row 700: far below the rows a template starts with, still inside the ruled range.
        const rule = ws.getCell(700, i + 1).dataValidation;
        expect(rule?.showInputMessage, spec.header).toBe(true);
        expect(rule?.promptTitle).toBe(spec.header);
        expect(rule?.prompt?.length).toBeLessThanOrEqual(255);
        if (spec.required) expect(rule?.prompt).toMatch(/^Bắt buộc\. /);
        if (spec.list === 'criterion') {
          const criterion = PLAN.criteria[t.code]!.find((c) => c.label === spec.header)!;
          expect(rule?.prompt).toContain(criterion.text);
        }
      });
      const col = (key: string) => sheetColumns(PLAN, t.code).findIndex((s) => s.key === key) + 1;
      expect(ws.getCell(3, col('group')).dataValidation?.prompt).toContain('Doanh nghiệp, tổ chức khác');
      expect(ws.getCell(3, col('summary')).dataValidation?.prompt).toContain(`từ ${PLAN.summaryMinLength} ký tự`);
    }
    const caNhan = wb.getWorksheet('Cá nhân')!;
    const yearCol = sheetColumns(PLAN, 'ca_nhan').findIndex((s) => s.key === 'birthYear') + 1;
    expect(caNhan.getCell(10, yearCol).dataValidation).toMatchObject({
      type: 'whole',
      prompt: 'Bắt buộc. Năm sinh có 4 chữ số, từ 1940 đến 2005.',
    });

    const info = wb.getWorksheet(INFO_SHEET)!;
    const keys = Object.keys(INFO_LABELS);
    const at = (key: string) => info.getCell(keys.indexOf(key) + 1, 2).dataValidation;
    for (const key of ['letterDate', 'meetingDate', 'sentDate']) {
      expect(at(key), key).toMatchObject({ type: 'date', showInputMessage: true });
      expect(at(key)?.prompt).toContain('dd/mm/yyyy');
    }
    for (const key of ['hasLetter', 'hasMinutes']) {
      expect(at(key), key).toMatchObject({ type: 'list', showInputMessage: true });
      expect(at(key)?.prompt).toContain('"Có"');
    }
  });

  it('highlights an empty required cell once its row has a name, over the bounded rule range', async () => {
    const wb = await reopen();
    for (const t of PLAN.nomineeTypes) {
      const ws = wb.getWorksheet(t.sheet)!;
      const specs = sheetColumns(PLAN, t.code);
      const name = columnLetter(specs.findIndex((s) => s.key === 'name'));
      const byRef = new Map(conditionalFormats(ws).map((cf) => [cf.ref, cf.rules]));
      specs.forEach((spec, i) => {
        const col = columnLetter(i);
        const rules = byRef.get(`${col}2:${col}1001`);
        if (!spec.required || spec.key === 'name') {
          expect(rules, spec.header).toBeUndefined();
          return;
        }
        expect(rules, spec.header).toHaveLength(1);
        const [rule] = rules!;
        expect(rule!.type).toBe('expression');
        expect(rule!.formulae).toEqual([`AND(LEN(TRIM($${name}2))>0,LEN(TRIM(${col}2))=0)`]);
        expect(rule!.style?.fill?.bgColor?.argb).toBe(MISSING_ARGB);
      });
      // Nothing is ruled over whole columns.
      expect(conditionalFormats(ws).every((cf) => /^[A-Z]+2:[A-Z]+1001$/.test(cf.ref))).toBe(true);
    }
  });

  it('words the guide as the Sở writes: "Sở Công Thương", "giờ Việt Nam"', async () => {
    const guide = (await reopen()).getWorksheet(GUIDE_SHEET)!.getColumn(1).values.join('\n');
    expect(guide).toContain('Hạn gửi hồ sơ về Sở Công Thương: đến hết ngày 15/04/2021 (giờ Việt Nam)');
    expect(guide).not.toContain('Asia/Ho_Chi_Minh');
    expect(guide).not.toMatch(/Sở công thương/);
    expect(guide).toContain('Cột có tiêu đề nền đỏ là cột bắt buộc');
    expect(guide).toContain('kiem-tra.html');
  });

  it('says each thing once: no sentence said twice in a line, no brackets after brackets', async () => {
    const lines = (await reopen()).getWorksheet(GUIDE_SHEET)!.getColumn(1).values.filter(Boolean).map(String);
    for (const line of lines) {
      expect(line, line).not.toMatch(/\) \(|\)\)/);
      const sentences = line.split(/(?<=\.) /).map((s) => s.replace(/^\s*(•\s*)?/, '').toLowerCase());
      // "Dành cho …" then "Dành cho …" again; "Chỉ đề nghị khi … tiêu biểu xuất sắc" then "Chỉ dành cho … tiêu biểu xuất sắc".
      expect(new Set(sentences.map((s) => s.split(' ').slice(0, 2).join(' '))).size, line).toBe(sentences.length);
      expect(sentences.filter((s) => s.includes('tiêu biểu xuất sắc')).length, line).toBeLessThanOrEqual(1);
    }
    // The route's own note sits with the route it explains.
    const bct = PLAN.forms.find((f) => f.routeNote?.includes('38a'))!;
    expect(lines.find((l) => l.startsWith(`• ${bct.label}`))).toContain(
      `Tuyến trình: Đơn vị → ${bct.route.join(' → ')} (${bct.routeNote})`,
    );
  });
});

const haveOffice = existsSync(SOFFICE) && existsSync('/usr/bin/pdftotext');
if (!haveOffice && process.env.CI === 'true')
  throw new Error('LibreOffice hoặc pdftotext chưa được cài: CI phải cài libreoffice-calc-nogui poppler-utils.');

describe.runIf(haveOffice)('the guide printed through LibreOffice', () => {
  let text = '';
  let bbox = '';
  let info = '';

  beforeAll(async () => {
    // A guide-only copy: the page count and layout checked are the guide's alone.
    const wb = await reopen();
    for (const ws of [...wb.worksheets]) if (ws.name !== GUIDE_SHEET) wb.removeWorksheet(ws.id);
    const file = path.join(dir, 'huong-dan.xlsx');
    await wb.xlsx.writeFile(file);
    await soffice('pdf', dir, [file]);
    const pdf = path.join(dir, 'huong-dan.pdf');
    text = (await run('pdftotext', [pdf, '-'])).stdout;
    bbox = (await run('pdftotext', ['-bbox', pdf, '-'])).stdout;
    info = (await run('pdfinfo', [pdf])).stdout;
  }, 120_000);

  it('prints on A4 with every line whole: wrapped, not overlapping, nothing past the right margin', async () => {
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const flat = text.replace(/\s+/g, ' ');
    const lines = (await reopen()).getWorksheet(GUIDE_SHEET)!.getColumn(1).values.filter(Boolean).map(String);
    expect(lines.length).toBeGreaterThan(20);
    // A row too short for its text makes LibreOffice draw it over the next row: the text then interleaves.
    for (const line of lines) expect(flat, line).toContain(line.replace(/\s+/g, ' ').trim());
    const width = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
    const right = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    const left = Math.min(...[...bbox.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
    // At least 1 cm of paper either side.
    expect(right).toBeLessThan(width - 28);
    expect(left).toBeGreaterThan(28);
  });
});
