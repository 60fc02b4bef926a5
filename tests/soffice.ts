// LibreOffice for tests that need a unit's real program (re-saving a workbook as LibreOffice does) or that
// read papers back as printed pages. Without it those parts skip with how to install it, except under CI
// where it is a failure. Every run uses a profile of its own: parallel test files (and a desktop
// LibreOffice) would otherwise block on one profile's lock and convert nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SOFFICE = '/usr/bin/soffice';
/** Re-saving as LibreOffice Calc saves an .xlsx. */
export const AS_XLSX = 'xlsx:Calc MS Excel 2007 XML';
const profile = mkdtempSync(path.join(os.tmpdir(), 'soffice-profile-'));

export function hasSoffice(): boolean {
  if (existsSync(SOFFICE)) return true;
  // Under CI the packages are installed by .ci/run: missing there is a failure, not a skip.
  if (process.env.CI === 'true') throw new Error('soffice is missing: .ci/run installs libreoffice-writer-nogui');
  console.warn('soffice not found: install libreoffice-writer-nogui and poppler-utils to check the PDF rendering');
  return false;
}
export const haveSoffice = hasSoffice();

/** Converts files with LibreOffice into `out`, each keeping its base name. */
export function soffice(format: string, out: string, files: string[]): void {
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', out, ...files],
    { stdio: 'ignore', timeout: 240_000 },
  );
}
