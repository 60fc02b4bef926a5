// Merge against the floor (exceljs loading every input and streaming every row once), in one run:
// 20 units × 2,750 rows (2,500 individuals and 250 collectives each, 55,000 nominations).
// Goal: merge wall time ≤ 2× the floor, peak memory ≤ 2× the floor's.
// Then the re-merge of that inbox over the master the first merge wrote, the secretariat's notes typed on
// every third row (long Vietnamese text), against the floor plus exceljs reading every row of that master.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PLAN as plan } from '../../engine/plans/index.js';
import { writeUnitFile } from '../../dev/sample/inbox.js';
import ExcelJS from 'exceljs';
import { readXlsxRows, type TypedCell } from '../../node/xlsx-rows.js';
import { MASTER_SHEETS, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';

const INDIVIDUALS = 2_500;
const COLLECTIVES = 250;
// Bump when the generator changes so a cached inbox is rebuilt.
const INBOX = path.join(os.tmpdir(), `bench-inbox-v1-${INDIVIDUALS}-${COLLECTIVES}`);

async function ensureInbox(log: (line: string) => void): Promise<void> {
  if (existsSync(path.join(INBOX, '.complete'))) return;
  log(`Generating the bench inbox in ${INBOX} (once; cached) …`);
  await fs.rm(INBOX, { recursive: true, force: true });
  await fs.mkdir(INBOX, { recursive: true });
  for (const [i, u] of plan.units.entries()) {
    await writeUnitFile(plan, INBOX, {
      unit: u.code,
      file: `${u.code}.xlsx`,
      receivedAt: new Date(`2021-04-${String(5 + (i % 10)).padStart(2, '0')}T10:00:00+07:00`),
      collectives: COLLECTIVES,
      individuals: INDIVIDUALS,
      mistakes: 0.1,
      seed: i + 1,
    });
  }
  await fs.writeFile(path.join(INBOX, '.complete'), '');
}

function measure(
  mode: 'floor' | 'merge' | 'remerge-floor',
  out: string,
  previous?: string,
): { ms: number; maxRssMB: number } {
  const args = ['--import', 'tsx', 'tests/bench/merge-child.ts', mode, INBOX, out, ...(previous ? [previous] : [])];
  const stdout = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

const NOTE =
  'Đã đối chiếu hồ sơ với biên bản họp Hội đồng Thi đua – Khen thưởng; đề nghị bổ sung xác nhận của Ủy ban nhân dân cấp huyện trước khi trình Giám đốc Sở.';

/** The master `from` as the secretariat leaves it after weeks of work: a note on every third row of
 *  Tổng hợp, an opinion on every seventh, the council's result on every tenth; the other sheets as they are. */
async function annotate(from: string, to: string): Promise<number> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: to, useStyles: true, useSharedStrings: false });
  let current: { name: string; ws: ExcelJS.Worksheet; cols: Map<string, number> } | undefined;
  let notes = 0;
  await readXlsxRows(from, {
    pick: (names) => names,
    onRow: ({ sheet, row, cells }) => {
      if (current?.name !== sheet) {
        current?.ws.commit();
        current = { name: sheet, ws: writer.addWorksheet(sheet), cols: new Map() };
      }
      const line: TypedCell[] = Array.from(cells, (c) => c ?? null);
      if (sheet === MASTER_SHEETS.tally && row === 1) line.forEach((h, i) => current!.cols.set(String(h), i));
      if (sheet === MASTER_SHEETS.tally && row > 1) {
        const at = (h: string) => current!.cols.get(h)!;
        if (row % 3 === 0) line[at(TALLY_TYPED_HEADERS.officeNote)] = `${NOTE} (${row})`;
        if (row % 7 === 0) line[at(TALLY_TYPED_HEADERS.office)] = 'Đủ hồ sơ';
        if (row % 10 === 0) line[at(TALLY_TYPED_HEADERS.council)] = row % 20 === 0 ? 'Không đồng ý' : 'Đồng ý';
        if (row % 3 === 0 || row % 7 === 0 || row % 10 === 0) notes++;
      }
      current.ws.addRow(line as ExcelJS.CellValue[]).commit();
    },
  });
  current?.ws.commit();
  await writer.commit();
  return notes;
}

export async function runMergeBench(log: (line: string) => void = console.log): Promise<string[]> {
  await ensureInbox(log);
  const out = mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
  // Interleaved, twice each, best of two: both sides see the same machine and the same noise.
  const runs = [0, 1].map((i) => ({
    floor: measure('floor', path.join(out, `floor-${i}.xlsx`)),
    merge: measure('merge', path.join(out, `master-${i}.xlsx`)),
  }));
  const best = (k: 'floor' | 'merge') => ({
    ms: Math.min(...runs.map((r) => r[k].ms)),
    maxRssMB: Math.min(...runs.map((r) => r[k].maxRssMB)),
  });
  const floor = best('floor');
  const merge = best('merge');

  const previous = path.join(out, 'previous.xlsx');
  const notes = await annotate(path.join(out, 'master-0.xlsx'), previous);
  const reruns = [0, 1].map((i) => {
    const remergeFloor = measure('remerge-floor', path.join(out, `refloor-${i}.xlsx`), previous);
    const target = path.join(out, `remerge-${i}.xlsx`);
    copyFileSync(previous, target);
    return { floor: remergeFloor, merge: measure('merge', target) };
  });
  const rebest = (k: 'floor' | 'merge') => ({
    ms: Math.min(...reruns.map((r) => r[k].ms)),
    maxRssMB: Math.min(...reruns.map((r) => r[k].maxRssMB)),
  });
  const reFloor = rebest('floor');
  const remerge = rebest('merge');
  await fs.rm(out, { recursive: true, force: true });
  const t = merge.ms / floor.ms;
  const m = merge.maxRssMB / floor.maxRssMB;
  const rt = remerge.ms / reFloor.ms;
  const rm = remerge.maxRssMB / reFloor.maxRssMB;
  return [
    `Merge inbox: 20 units × ${INDIVIDUALS + COLLECTIVES} rows (${(20 * (INDIVIDUALS + COLLECTIVES)).toLocaleString('en')} nominations)`,
    `Best of 2 interleaved runs each (all runs: floor ${runs.map((r) => (r.floor.ms / 1000).toFixed(1)).join(', ')} s; merge ${runs.map((r) => (r.merge.ms / 1000).toFixed(1)).join(', ')} s)`,
    `Floor (exceljs load + touch + stream out): ${(floor.ms / 1000).toFixed(1)} s, peak RSS ${floor.maxRssMB.toFixed(0)} MB`,
    `Merge (sync merge, master workbook):     ${(merge.ms / 1000).toFixed(1)} s, peak RSS ${merge.maxRssMB.toFixed(0)} MB`,
    `Ratios: time ${t.toFixed(2)}× (goal ≤ 2: ${t <= 2 ? 'met' : 'NOT met'}), memory ${m.toFixed(2)}× (goal ≤ 2: ${m <= 2 ? 'met' : 'NOT met'})`,
    `Re-merge over the previous master (${notes.toLocaleString('en')} rows with secretariat values), best of 2 (all runs: floor ${reruns.map((r) => (r.floor.ms / 1000).toFixed(1)).join(', ')} s; re-merge ${reruns.map((r) => (r.merge.ms / 1000).toFixed(1)).join(', ')} s)`,
    `Floor (exceljs reads the previous master + the floor above): ${(reFloor.ms / 1000).toFixed(1)} s, peak RSS ${reFloor.maxRssMB.toFixed(0)} MB`,
    `Re-merge (sync merge over the previous master):          ${(remerge.ms / 1000).toFixed(1)} s, peak RSS ${remerge.maxRssMB.toFixed(0)} MB`,
    `Re-merge ratios: time ${rt.toFixed(2)}× (goal ≤ 2: ${rt <= 2 ? 'met' : 'NOT met'}), memory ${rm.toFixed(2)}× (goal ≤ 2: ${rm <= 2 ? 'met' : 'NOT met'})`,
  ];
}
