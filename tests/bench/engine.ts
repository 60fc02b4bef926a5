// Engine throughput: rows per second checking 100,000 generated rows (goal: ≥ 200,000 rows/s on one core).
import { performance } from 'node:perf_hooks';
import { checkWorkbook, type WorkbookGrid } from '../../engine/index.js';
import { DEFAULT_PLAN as plan } from '../../engine/plans/index.js';
import { listSheet, infoSheet, validInfo, validRow, type RowValues } from '../engine/grids.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Ngọc'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hùng',
  'Hưng',
  'Lan',
  'Mai',
  'Nam',
  'Phúc',
  'Quang',
  'Thảo',
  'Trang',
  'Vy',
];

/** 100,000 rows, one in ten with a mistake, as a clerk's sheet would come from exceljs. */
export function benchGrid(total = 100_000): WorkbookGrid {
  const individuals: RowValues[] = [];
  const collectives: RowValues[] = [];
  for (let i = 0; i < total; i++) {
    const name =
      `${FAMILY[i % 10]} ${MIDDLE[(i >> 3) % 6]} ${GIVEN[(i >> 5) % 14]} ${Math.floor(i / 2000) || ''}`.trim();
    const mistake: RowValues =
      i % 10 === 0 ? { criterion1: 'Không đạt' } : i % 10 === 5 ? { form: plan.forms[1]!.label } : {};
    if (i % 10 === 9) collectives.push(validRow(plan, 'tap_the', { name: `Tổ công tác số ${i}`, ...mistake }));
    else individuals.push(validRow(plan, 'ca_nhan', { name, birthYear: 1960 + (i % 45), ...mistake }));
  }
  return {
    sheets: [
      infoSheet(validInfo(plan)),
      listSheet(plan, 'tap_the', collectives),
      listSheet(plan, 'ca_nhan', individuals),
    ],
  };
}

export async function runEngineBench(): Promise<string[]> {
  const grid = benchGrid();
  const rows = grid.sheets.reduce((n, s) => n + s.rows.length - 1, 0) - (grid.sheets[0]!.rows.length - 1);
  checkWorkbook(plan, grid); // warm-up: JIT and vocabularies
  const times: number[] = [];
  let issues = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const result = checkWorkbook(plan, grid, { file: 'bench.xlsx', receivedAt: new Date('2021-04-10T08:00:00+07:00') });
    times.push(performance.now() - t0);
    issues = result.nominations.reduce((n, x) => n + x.issues.length, 0);
  }
  times.sort((a, b) => a - b);
  const median = times[2]!;
  const perSecond = Math.round(rows / (median / 1000));
  return [
    `Engine: ${rows.toLocaleString('en')} rows, ${issues.toLocaleString('en')} issues, median of 5 runs ${median.toFixed(0)} ms`,
    `Engine throughput: ${perSecond.toLocaleString('en')} rows/s (goal ≥ 200,000 rows/s: ${perSecond >= 200_000 ? 'met' : 'NOT met'}; ${(perSecond / 200_000).toFixed(2)}× the goal)`,
  ];
}
