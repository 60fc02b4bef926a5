// LibreOffice for tests that need a unit's real program (re-saving a workbook as LibreOffice does) or that
// read papers back as printed pages. Without it those parts skip with how to install it, except under CI
// where it is a failure. Conversions go to the LibreOffice the office project keeps running
// (soffice-server.ts) once it is ready; otherwise each starts LibreOffice with a profile of its own, since
// conversions at the same time (and a desktop LibreOffice) would block on one profile's lock and convert nothing.
import { execFile } from 'node:child_process';
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

/** Converts files with LibreOffice into `out`, each keeping its base name. The shared LibreOffice now and
 *  then drops a job handed to it while others arrive (a CI run saw one exit non-zero, writing nothing). It is
 *  only there for speed, so such a job runs once more in a LibreOffice of its own before the test fails. */
export async function soffice(format: string, out: string, files: string[]): Promise<void> {
  const outputs = files.map((f) => path.join(out, `${path.parse(f).name}.${format.split(':')[0]}`));
  const convert = async (profile: string) => {
    try {
      await promisify(execFile)(SOFFICE, sofficeArgs(profile, format, out, files), { timeout: 240_000 });
    } catch (error) {
      // The error alone says "Command failed"; what LibreOffice printed says why.
      throw new Error(`soffice: ${String((error as { stderr?: unknown }).stderr ?? '').trim() || String(error)}`);
    }
    const missing = outputs.filter((f) => !existsSync(f));
    if (missing.length > 0) throw new Error(`soffice wrote no ${missing.join(', ')}`);
  };
  const profile = await profileFor();
  if (profile !== shared?.profile) return convert(profile);
  await convert(profile).catch((error: unknown) => {
    console.warn('The shared LibreOffice dropped a job; it runs once more in a LibreOffice of its own.', error);
    return convert(privateProfile());
  });
}
