// sync pull / sync push: argument parsing for the Google commands (their work is in sync/google/).
import { parseArgs } from 'node:util';
import { runPull } from './google/pull.js';
import { runPush } from './google/push.js';

export const PULL_USAGE = 'npm run sync -- pull --drive-folder ID --inbox THƯ_MỤC [--credentials KHÓA.json]';
export const PUSH_USAGE =
  'npm run sync -- push --sheet ID --master SỔ_TỔNG_HỢP.xlsx [--credentials KHÓA.json] [--wait SỐ_GIÂY]';

function parse(
  argv: string[],
  names: string[],
  required: string[],
  usage: string,
): Record<string, string | undefined> | null {
  try {
    const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
    const { values } = parseArgs({ args: argv, options });
    const strings = values as Record<string, string | undefined>;
    const missing = required.filter((k) => !strings[k]);
    if (missing.length) throw new Error(`Thiếu ${missing.map((k) => `--${k}`).join(', ')}.`);
    return strings;
  } catch (e) {
    console.error(`${(e as Error).message}\nCách dùng: ${usage}`);
    return null;
  }
}

export async function runPullCommand(argv: string[]): Promise<number> {
  const v = parse(argv, ['drive-folder', 'inbox', 'credentials'], ['drive-folder', 'inbox'], PULL_USAGE);
  if (!v) return 1;
  return runPull({ driveFolder: v['drive-folder']!, inbox: v.inbox!, credentials: v.credentials });
}

export async function runPushCommand(argv: string[]): Promise<number> {
  const v = parse(argv, ['sheet', 'master', 'credentials', 'wait'], ['sheet', 'master'], PUSH_USAGE);
  if (!v) return 1;
  const wait = v.wait === undefined ? undefined : Number(v.wait);
  if (wait !== undefined && !(wait >= 0)) {
    console.error(`--wait phải là số giây: "${v.wait}".\nCách dùng: ${PUSH_USAGE}`);
    return 1;
  }
  return runPush({ sheet: v.sheet!, master: v.master!, credentials: v.credentials, wait });
}
