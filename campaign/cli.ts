// npm run campaign -- new DIR --plan PLAN | run DIR: one folder per campaign and one command that runs it.
// `new` lays out what the Sở sends to the units and where their files arrive; `run` does pull (when the
// settings name a Drive folder), merge with feedback, documents and push (when they name a Sheet), with the
// folder's defaults, by calling the existing commands in-process. Every step may be run again at any time.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChecker } from '../addin/build.js';
import { writeFileAtomic } from '../node/atomic.js';
import { isEntryPoint, parseOptions, runCommand, UsageError } from '../node/cli.js';
import { loadPlan } from '../node/plan-file.js';
import { main as sync } from '../sync/cli.js';
import { writeAchievementForms, writeTemplates } from '../templates/cli.js';
import { exportPlanWorkbook } from '../templates/plan-cli.js';
import { campaignGuide, runScript } from './guide.js';
import { CAMPAIGN_LAYOUT as L, readSettings, SETTINGS_FILE, type CampaignSettings } from './settings.js';

export const CAMPAIGN_USAGE = `npm run campaign -- new THƯ_MỤC --plan KẾ_HOẠCH(.json|.xlsx)
  npm run campaign -- run THƯ_MỤC`;

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function runNew(argv: string[]): Promise<number> {
  const [dir, ...rest] = argv;
  if (!dir || dir.startsWith('--')) throw new UsageError('Thiếu tên thư mục đợt thi đua.');
  const v = parseOptions(rest, { usage: CAMPAIGN_USAGE, options: { plan: 'string' }, required: ['plan'] });
  const plan = await loadPlan(v.plan);
  const existing = await fs.readdir(dir).catch(() => []);
  if (existing.length) throw new UsageError(`Thư mục "${dir}" đã có nội dung: hãy chọn thư mục mới.`);
  const send = path.join(dir, L.send);
  console.log(`Lập thư mục đợt thi đua ${plan.id} tại ${dir} …`);
  for (const sub of [L.inbox, L.results]) await fs.mkdir(path.join(dir, sub), { recursive: true });
  await exportPlanWorkbook(plan, path.join(dir, L.plan));
  const templates = await writeTemplates(plan, path.join(send, L.templates));
  await writeAchievementForms(plan, send);
  await buildChecker(send);
  const settings: CampaignSettings = { plan: L.plan, includeLate: false, approvedOnly: false, prefill: true };
  await writeFileAtomic(path.join(dir, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
  await writeFileAtomic(path.join(dir, L.guide), campaignGuide(plan));
  await writeFileAtomic(path.join(dir, L.script), runScript(PROJECT_DIR));
  console.log(`Đã lập: ${templates.length} sổ mẫu, mẫu báo cáo thành tích và trang kiểm tra trong ${send};`);
  console.log(`hồ sơ đơn vị gửi về để vào ${path.join(dir, L.inbox)}; đọc ${path.join(dir, L.guide)}.`);
  return 0;
}

/** The arguments of each step, with the folder's paths and settings. */
function steps(dir: string, s: CampaignSettings): { title: string; argv: string[] }[] {
  const at = (p: string) => path.join(dir, p);
  const plan = ['--plan', at(s.plan)];
  const creds = s.google?.credentials ? ['--credentials', at(s.google.credentials)] : [];
  const flags = [...(s.includeLate ? ['--include-late'] : []), ...(s.approvedOnly ? ['--approved-only'] : [])];
  const list = [];
  if (s.google?.driveFolder)
    list.push({
      title: 'Tải hồ sơ từ Google Drive',
      argv: ['pull', '--drive-folder', s.google.driveFolder, '--inbox', at(L.inbox), ...creds, ...plan],
    });
  list.push({
    title: 'Tổng hợp và phản hồi',
    argv: ['merge', '--inbox', at(L.inbox), '--out', at(L.master), '--report', at(L.report)].concat([
      '--feedback',
      at(L.feedback),
      ...flags,
      ...plan,
    ]),
  });
  list.push({
    title: 'Lập văn bản',
    argv: ['documents', '--master', at(L.master), '--out', at(L.documents), '--inbox', at(L.inbox), ...plan].concat(
      s.prefill ? ['--prefill'] : [],
      s.approvedOnly ? ['--approved-only'] : [],
    ),
  });
  if (s.google?.sheet)
    list.push({
      title: 'Đưa lên Google Sheets',
      argv: ['push', '--sheet', s.google.sheet, '--master', at(L.master), ...creds],
    });
  return list;
}

async function runRun(argv: string[]): Promise<number> {
  const [dir] = argv;
  if (!dir || dir.startsWith('--')) throw new UsageError('Thiếu tên thư mục đợt thi đua.');
  const settings = await readSettings(dir);
  let worst = 0;
  for (const step of steps(dir, settings)) {
    console.log(`\n=== ${step.title} ===`);
    const code = await sync(step.argv);
    // 2: ran, with a file refused — the next steps still run on what was accepted.
    if (code === 1) {
      console.error(
        `Bước "${step.title}" không chạy được; các bước sau chưa chạy. Sửa theo thông báo trên rồi chạy lại.`,
      );
      return 1;
    }
    worst = Math.max(worst, code);
  }
  console.log(`\nXong. Kết quả trong ${path.join(dir, L.results)}; chạy lại lệnh này bất cứ lúc nào khi có hồ sơ mới.`);
  return worst;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  return runCommand(CAMPAIGN_USAGE, async () => {
    if (command === 'new') return runNew(rest);
    if (command === 'run') return runRun(rest);
    throw new UsageError(command ? `Không có lệnh "${command}".` : 'Thiếu lệnh (new hoặc run).');
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
