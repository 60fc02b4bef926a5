// One measured run in a fresh process: `floor` (what exceljs alone costs), `remerge-floor` (the same, plus
// exceljs reading every row of the previous master named by the fourth argument) or `merge` (the real
// command, with a report when a fourth argument names it; a re-merge when the master already exists).
// Prints {ms, maxRssMB} as JSON on the last line.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { runMerge } from '../../sync/merge-command.js';

const [mode, inbox, out, report] = process.argv.slice(2) as [string, string, string, string | undefined];

/** The floor: load every workbook, touch every cell, stream every row once into one new sheet. */
async function floor(): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false });
  const sheet = writer.addWorksheet('Tất cả');
  for (const name of (await fs.readdir(inbox)).filter((n) => n.endsWith('.xlsx')).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(path.join(inbox, name))) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => {
        const values: unknown[] = [];
        row.eachCell((cell) => values.push(cell.value));
        sheet.addRow(values).commit();
      });
    }
  }
  sheet.commit();
  await writer.commit();
}

/** exceljs's streaming reader over every row of every sheet of the previous master, touching every cell. */
async function readPrevious(file: string): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache' });
  let cells = 0;
  for await (const ws of reader)
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) row.eachCell(() => void cells++);
  if (cells === 0) throw new Error(`no cells read from ${file}`);
}

const t0 = performance.now();
if (mode === 'floor') await floor();
else if (mode === 'remerge-floor') {
  await readPrevious(report!);
  await floor();
} else {
  // BENCH_PLAN and BENCH_FEEDBACK: the many-units case runs on its own plan, with the feedback folder.
  const plan = process.env.BENCH_PLAN ? ['--plan', process.env.BENCH_PLAN] : [];
  const feedback = process.env.BENCH_FEEDBACK ? ['--feedback', process.env.BENCH_FEEDBACK] : [];
  const code = await runMerge([
    '--inbox',
    inbox,
    '--out',
    out,
    ...(report ? ['--report', report] : []),
    ...plan,
    ...feedback,
  ]);
  if (code === 1) throw new Error('merge failed');
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
