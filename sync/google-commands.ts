// sync pull / sync push: argument parsing for the Google commands (their work is in sync/google/).
import { parseOptions, runCommand, secondsOption } from '../node/cli.js';
import { loadPlan } from '../node/plan-file.js';
import { runPull } from './google/pull.js';
import { runPush } from './google/push.js';

export const PULL_USAGE =
  'npm run sync -- pull --drive-folder ID --inbox THƯ_MỤC [--credentials KHÓA.json] [--plan KẾ_HOẠCH.json]';
export const PUSH_USAGE =
  'npm run sync -- push --sheet ID --master SỔ_TỔNG_HỢP.xlsx [--credentials KHÓA.json] [--wait SỐ_GIÂY] [--plan KẾ_HOẠCH.json]';

export const runPullCommand = (argv: string[]): Promise<number> =>
  runCommand(PULL_USAGE, async () => {
    const v = parseOptions(argv, {
      usage: PULL_USAGE,
      options: { 'drive-folder': 'string', inbox: 'string', credentials: 'string', plan: 'string' },
      required: ['drive-folder', 'inbox'],
    });
    // The plan the merge will use decides which pulled files are late.
    const plan = await loadPlan(v.plan);
    return runPull({ plan, driveFolder: v['drive-folder']!, inbox: v.inbox!, credentials: v.credentials });
  });

export const runPushCommand = (argv: string[]): Promise<number> =>
  runCommand(PUSH_USAGE, async () => {
    const v = parseOptions(argv, {
      usage: PUSH_USAGE,
      options: { sheet: 'string', master: 'string', credentials: 'string', wait: 'string', plan: 'string' },
      required: ['sheet', 'master'],
    });
    const wait = v.wait === undefined ? undefined : secondsOption(v.wait, 'wait', 0);
    // The plan the master was merged with: its time zone dates the values set aside.
    const plan = await loadPlan(v.plan);
    return runPush({ plan, sheet: v.sheet!, master: v.master!, credentials: v.credentials, wait });
  });
