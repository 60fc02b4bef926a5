// Whether LibreOffice (and poppler's pdftotext) can render documents here: tests that read papers back as
// printed pages skip that part without it, except under CI where it is a failure.
import { execFileSync } from 'node:child_process';

export function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    // Under CI the packages are installed by .ci/run: missing there is a failure, not a skip.
    if (process.env.CI === 'true') throw new Error('soffice is missing: .ci/run installs libreoffice-writer-nogui');
    console.warn('soffice not found: install libreoffice-writer-nogui and poppler-utils to check the PDF rendering');
    return false;
  }
}
