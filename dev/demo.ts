// npm run demo: a sample inbox of the 20 units merged into a master, then the Sở's draft documents and the
// prefilled achievement reports, on a fresh clone with no setup.
import path from 'node:path';
import { DEFAULT_PLAN } from '../engine/plans/index.js';
import { runDocuments } from '../sync/documents-command.js';
import { runMerge } from '../sync/merge-command.js';
import { writeDemoInbox } from './sample/demo-inbox.js';

const out = path.resolve('demo-output');
const inbox = path.join(out, 'inbox');
console.log(`Tạo hộp thư mẫu của các đơn vị trong ${inbox} …`);
await writeDemoInbox(DEFAULT_PLAN, inbox);
const code = await runMerge([
  '--inbox',
  inbox,
  '--out',
  path.join(out, 'master.xlsx'),
  '--report',
  path.join(out, 'report.json'),
  '--feedback',
  path.join(out, 'phan-hoi'),
]);
// Exit 2 means "ran, some file rejected": the demo inbox holds one on purpose.
const documents =
  code === 1
    ? 1
    : await runDocuments(['--master', path.join(out, 'master.xlsx'), '--out', path.join(out, 'van-ban'), '--prefill']);
process.exitCode = code === 1 || documents === 1 ? 1 : 0;
