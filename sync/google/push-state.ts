// What the previous push wrote into each spreadsheet's secretariat columns, kept beside the master
// (a dot file, by master name). It tells a value someone typed in the Sheet since then from one the
// Sheet merely still shows after the secretariat changed it in the master.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../node/atomic.js';
import type { SecretariatValues } from '../master/layout.js';

export interface PushedTab {
  sheetId?: number;
  rows: string[];
}

interface PushState {
  version: 1;
  spreadsheets: Record<
    string,
    {
      pushedAt: string;
      values: Record<string, Partial<SecretariatValues>>;
      /** Per tab written: its sheet id (to find it again when renamed) and a digest of each row written. */
      tabs?: Record<string, PushedTab>;
    }
  >;
}

export const pushStatePath = (master: string): string =>
  path.join(path.dirname(master), `.${path.basename(master)}.google-sheets.json`);

async function readState(master: string): Promise<PushState> {
  try {
    const parsed = JSON.parse(await readFile(pushStatePath(master), 'utf8')) as PushState;
    if (parsed.version === 1 && typeof parsed.spreadsheets === 'object' && parsed.spreadsheets) return parsed;
  } catch {
    // No state yet, or a damaged one: every differing Sheet value then wins, the safe side.
  }
  return { version: 1, spreadsheets: {} };
}

/** The secretariat values the last push wrote into `spreadsheetId` (empty when never pushed). */
export async function lastPushed(
  master: string,
  spreadsheetId: string,
): Promise<Map<string, Partial<SecretariatValues>>> {
  const state = await readState(master);
  return new Map(Object.entries(state.spreadsheets[spreadsheetId]?.values ?? {}));
}

/** What the last push wrote into each tab of `spreadsheetId`, by title (empty when never pushed). */
export async function lastPushedTabs(master: string, spreadsheetId: string): Promise<Map<string, PushedTab>> {
  const state = await readState(master);
  return new Map(Object.entries(state.spreadsheets[spreadsheetId]?.tabs ?? {}));
}

export async function rememberPushed(
  master: string,
  spreadsheetId: string,
  values: Map<string, Partial<SecretariatValues>>,
  tabs: Map<string, PushedTab>,
): Promise<void> {
  const state = await readState(master);
  state.spreadsheets[spreadsheetId] = {
    pushedAt: new Date().toISOString(),
    values: Object.fromEntries(values),
    tabs: Object.fromEntries(tabs),
  };
  await writeFileAtomic(pushStatePath(master), `${JSON.stringify(state, null, 2)}\n`);
}
