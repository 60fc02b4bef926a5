// LibreOffice for tests that need a unit's real program (re-saving a workbook as LibreOffice does) or that
// read papers back as printed pages. Without it those parts skip with how to install it, except under CI
// where it is a failure. Conversions go to the LibreOffice the office project keeps running
// (soffice-server.ts) once it is ready; otherwise each starts LibreOffice with a profile of its own, since
// conversions at the same time (and a desktop LibreOffice) would block on one profile's lock and convert nothing.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

import { SOFFICE, sofficeArgs } from './soffice-server.js';

export { SOFFICE };
/** Re-saving as LibreOffice Calc saves an .xlsx. */
export const AS_XLSX = 'xlsx:Calc MS Excel 2007 XML';

export function hasSoffice(): boolean {
  if (existsSync(SOFFICE)) return true;
  // Under CI the packages are installed by .ci/run: missing there is a failure, not a skip.
  if (process.env.CI === 'true') throw new Error('soffice is missing: .ci/run installs libreoffice-writer-nogui');
  console.warn('soffice not found: install libreoffice-writer-nogui and poppler-utils to check the PDF rendering');
  return false;
}
export const haveSoffice = hasSoffice();

const shared = (() => {
  try {
    return inject('sharedOffice');
  } catch {
    return undefined; // outside a vitest worker (a bench script)
  }
})();
const privateProfile = () => mkdtempSync(path.join(os.tmpdir(), 'soffice-profile-'));
const WAIT_MS = 180_000;

/** The shared LibreOffice's profile once it takes jobs (waiting for its start-up), else one of this file's own. */
async function profileFor(): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  while (shared && !existsSync(shared.ready) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return shared && existsSync(shared.ready) ? shared.profile : privateProfile();
}

function profileForSync(): string {
  const deadline = Date.now() + WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (shared && !existsSync(shared.ready) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 100);
  return shared && existsSync(shared.ready) ? shared.profile : privateProfile();
}

/** Converts files with LibreOffice into `out`, each keeping its base name. */
export function soffice(format: string, out: string, files: string[]): void {
  execFileSync(SOFFICE, sofficeArgs(profileForSync(), format, out, files), { stdio: 'ignore', timeout: 240_000 });
}

/** The same, without blocking the test's process while LibreOffice works. */
export async function sofficeAsync(format: string, out: string, files: string[]): Promise<void> {
  await promisify(execFile)(SOFFICE, sofficeArgs(await profileFor(), format, out, files), { timeout: 240_000 });
}
