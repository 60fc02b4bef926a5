// The marked copy is the unit's own file with the marks added (SPEC §8), whatever program saved it: units that
// fill the template in LibreOffice send workbooks whose rows sit in tables, which a library re-write cannot
// write back. Here every unit's workbook is re-saved by LibreOffice, marked, opened again by LibreOffice, and
// the whole inbox is merged with --feedback.
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook, computeMarks, templateSheetNames } from '../../engine/index.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { NODE_CODEC } from '../../node/zip-codec.js';
import { markedCopy, packageMarks, type PackageMarks } from '../../ooxml/mark-package.js';
import { entryData, readZip } from '../../ooxml/zip.js';
import { FEEDBACK_SHEET } from '../../sync/feedback.js';
import { AS_XLSX, haveSoffice, soffice } from '../soffice.js';
import { onTime, PLAN, runSync, tmpDir, unit, writeInbox } from './inbox.js';
import { editPart, readEntries, writeEntries } from './zip-entries.js';

const haveOffice = haveSoffice && existsSync('/usr/bin/pdftotext');
if (!haveOffice && process.env.CI === 'true')
  throw new Error('LibreOffice hoặc pdftotext chưa được cài: CI phải cài libreoffice-calc-nogui poppler-utils.');

const UNITS = ['H-BATO', 'SCT-VP', 'TP-QUANGNGAI', 'TX-DUCPHO'];
const dir = tmpDir('marked-copy');

/** Every entry's content by name. */
async function entries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of readZip(bytes)) out.set(e.name, Buffer.from(await entryData(e, NODE_CODEC)));
  return out;
}

async function marksOf(bytes: Buffer, file: string): Promise<PackageMarks> {
  const check = checkWorkbook(PLAN, await readXlsxGrid(bytes), { file });
  return packageMarks(computeMarks(check));
}

describe.runIf(haveOffice)('workbooks re-saved by LibreOffice, rows in tables', () => {
  const typed = path.join(dir, 'typed');
  const inbox = path.join(dir, 'inbox');
  beforeAll(async () => {
    await writeInbox(
      typed,
      UNITS.map((u, i) => unit(u, { mistakes: i + 1 })),
    );
    await soffice(
      AS_XLSX,
      inbox,
      readdirSync(typed).map((f) => path.join(typed, f)),
    );
    for (const f of readdirSync(inbox)) await fs.utimes(path.join(inbox, f), onTime, onTime);
  }, 300_000);

  it('get a marked copy in which only the marked sheets, styles and the notes’ parts differ', async () => {
    const file = path.join(inbox, 'H-BATO.xlsx');
    const original = readFileSync(file);
    const before = await entries(original);
    expect([...before.keys()].filter((n) => n.startsWith('xl/tables/')).length).toBeGreaterThan(0);
    const marks = await marksOf(original, 'H-BATO.xlsx');
    const [first] = marks.cells;
    // A mark carrying a sentence becomes a note on its cell.
    first!.comment = 'Năm sinh phải là số có 4 chữ số, ví dụ 1985.';
    const after = await entries(await markedCopy(original, marks, NODE_CODEC));
    const changed = [...after.keys()].filter((n) => !before.get(n)?.equals(after.get(n)!));
    const may =
      /^(xl\/worksheets\/sheet\d+\.xml|xl\/styles\.xml|\[Content_Types\]\.xml|.*\.rels|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml)$/;
    expect(changed.filter((n) => !may.test(n))).toEqual([]);
    expect([...before.keys()].filter((n) => !after.has(n))).toEqual([]);
    const sheets = changed.filter((n) => n.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.length).toBeLessThanOrEqual(templateSheetNames(PLAN).length);
  });

  it('open in LibreOffice with the verdicts, the fills and the notes', async () => {
    const file = path.join(inbox, 'SCT-VP.xlsx');
    const original = readFileSync(file);
    const marks = await marksOf(original, 'SCT-VP.xlsx');
    const noted = marks.cells.find((c) => c.severity === 'error')!;
    noted.comment = 'Ghi chú của công cụ kiểm tra: sửa ô này & kiểm tra lại.';
    const out = path.join(dir, 'opened');
    await fs.mkdir(out, { recursive: true });
    const marked = path.join(out, 'SCT-VP-da-kiem-tra.xlsx');
    await fs.writeFile(marked, await markedCopy(original, marks, NODE_CODEC));
    // LibreOffice reads the copy and writes it again: what it read is what it wrote.
    await soffice(AS_XLSX, path.join(out, 'again'), [marked]);
    const again = readFileSync(path.join(out, 'again', 'SCT-VP-da-kiem-tra.xlsx'));
    const grid = await readXlsxGrid(again);
    const texts = marks.results.flatMap((r) => r.texts.filter(Boolean));
    const seen = JSON.stringify(grid.sheets.map((s) => s.rows));
    for (const t of new Set(texts)) expect(seen).toContain(JSON.stringify(t));
    const parts = await entries(again);
    const notes = [...parts].filter(([n]) => /comments\d+\.xml$/.test(n)).map(([, d]) => d.toString('utf8'));
    expect(notes.join('')).toContain('sửa ô này &amp; kiểm tra lại.');
    const styles = parts.get('xl/styles.xml')!.toString('utf8');
    expect(styles).toMatch(/rgb="FFFFC7CE"/i);
  }, 300_000);

  it('give every unit its feedback workbook from merge --feedback, tables kept', async () => {
    const feedback = path.join(dir, 'phan-hoi');
    const run = await runSync([
      'merge',
      '--inbox',
      inbox,
      '--out',
      path.join(dir, 'master.xlsx'),
      '--feedback',
      feedback,
    ]);
    expect(run.code, run.stderr).toBe(0);
    for (const u of UNITS) {
      const bytes = readFileSync(path.join(feedback, `${u}.xlsx`));
      const grid = await readXlsxGrid(bytes);
      expect(grid.sheets.map((s) => s.name).slice(0, 4), u).toEqual([FEEDBACK_SHEET, ...templateSheetNames(PLAN)]);
      expect(JSON.stringify(grid.sheets[0]!.rows), u).not.toMatch(/Sổ đánh dấu/);
      const names = readZip(bytes).map((e) => e.name);
      expect(names.filter((n) => n.startsWith('xl/tables/')).length, u).toBeGreaterThan(0);
    }
    // LibreOffice opens a feedback workbook on its Phản hồi sheet.
    await soffice('pdf', path.join(dir, 'pdf'), [path.join(feedback, 'H-BATO.xlsx')]);
    const pdf = execFileSync('pdftotext', [path.join(dir, 'pdf', 'H-BATO.pdf'), '-'], { encoding: 'utf8' });
    expect(pdf).toContain('PHẢN HỒI VỀ HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG');
    expect(pdf).toContain('Chưa sẵn sàng');
    expect(pdf).toMatch(/Không hợp lệ: /);
  }, 300_000);
});

describe('a unit whose workbook cannot be marked', () => {
  it('gets its Phản hồi sheet saying why, and the units after it still get theirs', async () => {
    const inbox = path.join(dir, 'unmarkable');
    const feedback = path.join(dir, 'unmarkable-phan-hoi');
    await writeInbox(inbox, [unit('H-BATO'), unit('SCT-VP')]);
    // A workbook without a styles part: readable, but nowhere to put a fill.
    const file = path.join(inbox, 'H-BATO.xlsx');
    const entries = await readEntries(readFileSync(file));
    entries.delete('xl/styles.xml');
    editPart(entries, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace(/<Relationship [^>]*styles"[^>]*\/>/, ''));
    await fs.writeFile(file, writeEntries(entries));
    for (const f of readdirSync(inbox)) await fs.utimes(path.join(inbox, f), onTime, onTime);
    const run = await runSync(['merge', '--inbox', inbox, '--out', path.join(dir, 'um.xlsx'), '--feedback', feedback]);
    expect(run.code, run.stderr).toBe(0);
    const alone = await readXlsxGrid(readFileSync(path.join(feedback, 'H-BATO.xlsx')));
    expect(alone.sheets.map((s) => s.name)).toEqual([FEEDBACK_SHEET]);
    const said = JSON.stringify(alone.sheets[0]!.rows);
    expect(said).toContain('Không đánh dấu được vào sổ đơn vị gửi');
    expect(said).not.toMatch(/styles|Error/);
    const next = await readXlsxGrid(readFileSync(path.join(feedback, 'SCT-VP.xlsx')));
    expect(next.sheets.map((s) => s.name).slice(0, 4)).toEqual([FEEDBACK_SHEET, ...templateSheetNames(PLAN)]);
  }, 180_000);
});
