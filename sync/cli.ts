// npm run sync -- <merge|documents|register|pull|push> …: the secretariat's commands.
import { isEntryPoint } from '../node/cli.js';
import { DOCUMENTS_USAGE, runDocuments } from './documents-command.js';
import { PULL_USAGE, PUSH_USAGE, runPullCommand, runPushCommand } from './google-commands.js';
import { MERGE_USAGE, runMerge } from './merge-command.js';
import { REGISTER_USAGE, runRegister } from './register-command.js';

const USAGE = `Cách dùng:
  ${MERGE_USAGE}
  ${DOCUMENTS_USAGE}
  ${REGISTER_USAGE}
  ${PULL_USAGE}
  ${PUSH_USAGE}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'merge':
      return runMerge(rest);
    case 'documents':
      return runDocuments(rest);
    case 'register':
      return runRegister(rest);
    case 'pull':
      return runPullCommand(rest);
    case 'push':
      return runPushCommand(rest);
    default:
      console.error(command ? `Không có lệnh "${command}".\n${USAGE}` : USAGE);
      return 1;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
