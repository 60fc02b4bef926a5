// npm run demo [-- --plan FILE]: a whole campaign on a fresh clone with no setup. A sample inbox of the plan's
// units merged into a master, the Sở's draft papers and the reminders as on a day the deadline was still open;
// then (the 2021 plan) the council's meeting and the deciders' results typed into the master, the papers
// again (minutes, notices, Tờ trình and Quyết định), the award register appended, and the next year's
// merge warned ALREADY_AWARDED by it. The 2021 plan gets its scripted inbox (typical mistakes, a resent
// file, an .xls); any other plan a sample inbox of its own units and the first part only.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { DEFAULT_PLAN } from '../engine/plans/index.js';
import { planFingerprint, type Plan } from '../engine/index.js';
import { isEntryPoint, parseOptions, runCommand } from '../node/cli.js';
import { loadPlan } from '../node/plan-file.js';
import { runDocuments } from '../sync/documents-command.js';
import { runMerge } from '../sync/merge-command.js';
import { runRegister } from '../sync/register-command.js';
import { typeCouncilDecisions, writeNextCampaign } from './sample/demo-council.js';
import { writeDemoInbox } from './sample/demo-inbox.js';
import { writePlanInbox } from './sample/plan-inbox.js';

const USAGE = 'npm run demo [-- --plan TỆP_KẾ_HOẠCH.json|.xlsx]';

/** Where one demo run writes, and with which plan. */
interface Demo {
  plan: Plan;
  planArgs: string[];
  out: string;
  inbox: string;
  master: string;
}

const step = (title: string) => console.log(`\n━━ ${title}`);

/** A day the deadline was still open: the reminders are written only then. */
const beforeDeadline = (p: Plan) => new Date(`${p.deadline}T09:00:00+07:00`);

// Exit 2 means "ran, some file rejected": the demo inbox holds one on purpose.
const failed = (code: number) => code === 1;

export const main = (argv: string[]): Promise<number> =>
  runCommand(USAGE, async () => {
    const values = parseOptions(argv, { usage: USAGE, options: { plan: 'string' } });
    const out = path.resolve('demo-output');
    const demo: Demo = {
      plan: await loadPlan(values.plan),
      planArgs: values.plan ? ['--plan', values.plan] : [],
      out,
      inbox: path.join(out, 'inbox'),
      master: path.join(out, 'master.xlsx'),
    };
    const scripted = planFingerprint(demo.plan) === planFingerprint(DEFAULT_PLAN);
    let code = await beforeTheDeadline(demo, scripted);
    if (!failed(code) && scripted) code = await afterTheMeeting(demo);
    return failed(code) ? 1 : 0;
  });

/** The units' inbox merged, and the papers as on a day the deadline was still open. */
async function beforeTheDeadline(demo: Demo, scripted: boolean): Promise<number> {
  const { plan, out, inbox } = demo;
  step(`1. Hộp thư mẫu của các đơn vị (${inbox}) và sổ tổng hợp`);
  // Each run is a fresh campaign: a master kept from an earlier run would carry its council's decisions into
  // the papers "as on a day the deadline was open". demo-output/ holds only what the demo writes.
  await fs.rm(out, { recursive: true, force: true });
  if (scripted) await writeDemoInbox(plan, inbox);
  else await writePlanInbox(plan, inbox);
  const code = await merge(demo);
  if (failed(code)) return code;
  step(`2. Văn bản như lập vào ngày hạn gửi còn mở (${plan.deadline}): dự thảo và công văn đôn đốc`);
  return runDocuments(['--master', demo.master, '--out', path.join(out, 'van-ban-truoc-han'), ...demo.planArgs], {
    now: beforeDeadline(plan),
  });
}

const merge = ({ inbox, master, out, planArgs }: Demo) =>
  runMerge([
    '--inbox',
    inbox,
    '--out',
    master,
    '--report',
    path.join(out, 'report.json'),
    '--feedback',
    path.join(out, 'phan-hoi'),
    ...planArgs,
  ]);

/** The council meets, the deciders decide, the register remembers, the next campaign is warned. */
async function afterTheMeeting(demo: Demo): Promise<number> {
  const { plan, master, out } = demo;
  step('3. Hội đồng họp, cấp trên quyết định: Văn phòng ghi kết quả vào sổ tổng hợp rồi tổng hợp lại');
  const again = await typeCouncilDecisions(plan, master);
  let code = await merge(demo);
  if (failed(code)) return code;
  step('4. Biên bản họp Hội đồng, thông báo kết quả, Tờ trình và Quyết định');
  code = await runDocuments(['--master', master, '--out', path.join(out, 'van-ban')]);
  if (failed(code) || !again) return code;
  step('5. Sổ theo dõi khen thưởng');
  const register = path.join(out, 'so-theo-doi-khen-thuong.xlsx');
  await fs.rm(register, { force: true });
  code = await runRegister(['--master', master, '--register', register]);
  if (failed(code)) return code;
  step(
    `6. Đợt thi đua năm sau: ${again.name} (sinh năm ${again.birthYear}) được đề nghị lại, cùng một người trùng tên`,
  );
  const next = path.join(out, 'nam-sau');
  const nextPlan = await writeNextCampaign(plan, again, next);
  const report = path.join(next, 'report.json');
  code = await runMerge([
    '--inbox',
    path.join(next, 'inbox'),
    '--out',
    path.join(next, 'master.xlsx'),
    '--report',
    report,
    '--feedback',
    path.join(next, 'phan-hoi'),
    '--register',
    register,
    '--plan',
    nextPlan,
  ]);
  const json = JSON.parse(await fs.readFile(report, 'utf8')) as {
    nominations: { name: string; birthYear: number | null; issues: { code: string; message: string }[] }[];
  };
  for (const n of json.nominations) {
    const warned = n.issues.find((i) => i.code === 'ALREADY_AWARDED');
    console.log(`  ${n.name} (sinh năm ${n.birthYear}): ${warned ? warned.message : 'không có cảnh báo khen trùng'}`);
  }
  return code;
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
