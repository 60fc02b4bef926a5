// npm run sync -- <merge|documents|register|pull|push> …: the secretariat's commands.
import { isEntryPoint, runCommand, UsageError } from '../node/cli.js';
import { DOCUMENTS_USAGE, runDocuments } from './documents-command.js';
import { PULL_USAGE, PUSH_USAGE, runPullCommand, runPushCommand } from './google-commands.js';
import { MERGE_USAGE, runMerge } from './merge-command.js';
import { REGISTER_USAGE, runRegister } from './register-command.js';

const USAGE = [MERGE_USAGE, DOCUMENTS_USAGE, REGISTER_USAGE, PULL_USAGE, PUSH_USAGE].join('\n  ');

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  merge: runMerge,
  documents: runDocuments,
  register: runRegister,
  pull: runPullCommand,
  push: runPushCommand,
};

export const main = ([command, ...rest]: string[]): Promise<number> =>
  runCommand(USAGE, async () => {
    const run = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run) return run(rest);
    throw new UsageError(
      command ? `Không có lệnh "${command}".` : 'Thiếu lệnh (merge, documents, register, pull hoặc push).',
    );
  });

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
