// npm run demo [-- --plan FILE]: a sample inbox of the plan's units merged into a master, then the Sở's draft
// documents and the prefilled achievement reports, on a fresh clone with no setup. The 2021 plan gets its
// scripted inbox (typical mistakes, a resent file, an .xls); any other plan a sample inbox of its own units.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PLAN } from '../engine/plans/index.js';
import { planFingerprint } from '../engine/index.js';
import { loadPlan } from '../node/plan-file.js';
import { runDocuments } from '../sync/documents-command.js';
import { runMerge } from '../sync/merge-command.js';
import { writeDemoInbox } from './sample/demo-inbox.js';
import { writePlanInbox } from './sample/plan-inbox.js';

const { values } = parseArgs({ options: { plan: { type: 'string' } } });
const plan = await loadPlan(values.plan);
const planArgs = values.plan ? ['--plan', values.plan] : [];
const out = path.resolve('demo-output');
const inbox = path.join(out, 'inbox');
console.log(`Tạo hộp thư mẫu của các đơn vị trong ${inbox} …`);
if (planFingerprint(plan) === planFingerprint(DEFAULT_PLAN)) await writeDemoInbox(plan, inbox);
else await writePlanInbox(plan, inbox);
const code = await runMerge([
  '--inbox',
  inbox,
  '--out',
  path.join(out, 'master.xlsx'),
  '--report',
  path.join(out, 'report.json'),
  '--feedback',
  path.join(out, 'phan-hoi'),
  ...planArgs,
]);
// Exit 2 means "ran, some file rejected": the demo inbox holds one on purpose.
const documents =
  code === 1
    ? 1
    : await runDocuments([
        '--master',
        path.join(out, 'master.xlsx'),
        '--out',
        path.join(out, 'van-ban'),
        '--prefill',
        ...planArgs,
      ]);
process.exitCode = code === 1 || documents === 1 ? 1 : 0;
