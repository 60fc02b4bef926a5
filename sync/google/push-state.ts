// What the previous push wrote into each spreadsheet's typed columns (the secretariat's columns of Tổng
// hợp, the received time of Theo đơn vị), kept beside the master (a dot file, by master name). It tells a
// value someone typed in the Sheet since then from one the Sheet merely still shows after the secretariat
// changed it in the master.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../node/atomic.js';
import { MASTER_SHEETS, TALLY_TYPED_HEADERS, type TallyTypedKey } from '../master/layout.js';
import type { RowValues } from '../typed-values/reconcile.js';

export interface PushedTab {
  sheetId?: number;
  rows: string[];
}

/** Typed values by master sheet, then by key (id, unit code), then by column header. */
export type TypedBySheet = Map<string, Map<string, RowValues>>;

interface PushState {
  version: 1;
  spreadsheets: Record<
    string,
    {
      pushedAt: string;
      /** Tổng hợp's values by id and column key, as the first pushes wrote them (read, no longer written). */
      values?: Record<string, Partial<Record<TallyTypedKey, string>>>;
      typed?: Record<string, Record<string, RowValues>>;
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

/** The typed values the last push wrote into `spreadsheetId` (empty when never pushed). */
export async function lastPushed(master: string, spreadsheetId: string): Promise<TypedBySheet> {
  const entry = (await readState(master)).spreadsheets[spreadsheetId];
  const result: TypedBySheet = new Map();
  for (const [sheet, byKey] of Object.entries(entry?.typed ?? {})) result.set(sheet, new Map(Object.entries(byKey)));
  if (!entry?.typed && entry?.values) {
    const byHeader = ([k, v]: [string, string | undefined]) => [TALLY_TYPED_HEADERS[k as TallyTypedKey], v];
    result.set(
      MASTER_SHEETS.tally,
      new Map(Object.entries(entry.values).map(([id, v]) => [id, Object.fromEntries(Object.entries(v).map(byHeader))])),
    );
  }
  return result;
}

/** What the last push wrote into each tab of `spreadsheetId`, by title (empty when never pushed). */
export async function lastPushedTabs(master: string, spreadsheetId: string): Promise<Map<string, PushedTab>> {
  const state = await readState(master);
  return new Map(Object.entries(state.spreadsheets[spreadsheetId]?.tabs ?? {}));
}

export async function rememberPushed(
  master: string,
  spreadsheetId: string,
  typed: TypedBySheet,
  tabs: Map<string, PushedTab>,
): Promise<void> {
  const state = await readState(master);
  state.spreadsheets[spreadsheetId] = {
    pushedAt: new Date().toISOString(),
    typed: Object.fromEntries([...typed].map(([sheet, byKey]) => [sheet, Object.fromEntries(byKey)])),
    tabs: Object.fromEntries(tabs),
  };
  await writeFileAtomic(pushStatePath(master), `${JSON.stringify(state, null, 2)}\n`);
}
