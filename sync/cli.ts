// npm run sync -- <merge|pull|push> …: the secretariat's commands.
import { MERGE_USAGE, runMerge } from './merge-command.js';

const USAGE = `Cách dùng:
  ${MERGE_USAGE}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'merge':
      return runMerge(rest);
    default:
      console.error(command ? `Không có lệnh "${command}".\n${USAGE}` : USAGE);
      return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
