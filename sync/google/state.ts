// What the last pulls brought into an inbox, keyed by Drive file id, so an unchanged file is not
// downloaded again and a local name stays tied to its Drive file. The file's name starts with '.', so
// merge ignores it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../node/atomic.js';

export const STATE_FILE = '.drive-state.json';

export interface PulledFile {
  /** Name of the local copy inside the inbox. */
  name: string;
  /** Drive's md5 of the content; absent for native Google Sheets. */
  md5Checksum?: string;
  modifiedTime: string;
  pulledAt: string;
}

export interface DriveState {
  version: 1;
  files: Record<string, PulledFile>;
}

export const emptyState = (): DriveState => ({ version: 1, files: {} });

/** The inbox's state; empty when there is none. A damaged state file is reported and set aside. */
export async function loadState(inbox: string): Promise<{ state: DriveState; warning?: string }> {
  const file = path.join(inbox, STATE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState() };
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<DriveState>;
    if (parsed.version === 1 && typeof parsed.files === 'object' && parsed.files !== null)
      return { state: { version: 1, files: parsed.files } };
  } catch {
    // Fall through: treated like an unknown format.
  }
  return {
    state: emptyState(),
    warning: `Tệp trạng thái ${STATE_FILE} trong inbox bị hỏng: bỏ qua, so sánh lại từng tệp với Drive.`,
  };
}

/** Writes the state through a temporary file and a rename, so a crash never leaves half a file. */
export const saveState = (inbox: string, state: DriveState): Promise<void> =>
  writeFileAtomic(path.join(inbox, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
