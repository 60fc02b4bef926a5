// Global setup of the office project: one LibreOffice kept running for the whole run, so that each
// conversion costs a fraction of a second instead of a LibreOffice start-up (seconds of CPU each, and the
// suite converts in over a dozen places). A `soffice --convert-to` started with the same profile hands its
// job to the running one and waits for it. The running one keeps a document open: without one it quits
// after the first job it is handed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const SOFFICE = '/usr/bin/soffice';

/** The LibreOffice kept running: its profile, and the file that says it takes jobs. */
export interface SharedOffice {
  profile: string;
  ready: string;
}

export const sofficeArgs = (profile: string, format: string, out: string, files: string[]): string[] => [
  `-env:UserInstallation=file://${profile}`,
  '--headless',
  '--convert-to',
  format,
  '--outdir',
  out,
  ...files,
];

declare module 'vitest' {
  export interface ProvidedContext {
    sharedOffice: SharedOffice | undefined;
  }
}

export default function setup(project: TestProject): () => void {
  if (!existsSync(SOFFICE)) {
    project.provide('sharedOffice', undefined);
    return () => undefined;
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'soffice-shared-'));
  const shared: SharedOffice = { profile: path.join(root, 'profile'), ready: path.join(root, 'ready') };
  const keep = path.join(root, 'giu-mo.txt');
  writeFileSync(keep, 'LibreOffice của bộ kiểm thử\n');
  // Its own process group, so that the teardown stops LibreOffice itself and not only its launcher.
  const keeper = spawn(SOFFICE, [...profileArg(shared), '--headless', '--norestore', '--nologo', keep], {
    stdio: 'ignore',
    detached: true,
  });
  keeper.unref();
  watchFor(keeper);
  void markReady(shared, root, keeper);
  project.provide('sharedOffice', shared);
  const stop = () => {
    try {
      process.kill(-keeper.pid!, 'SIGKILL');
    } catch {
      // Already gone: the test helpers then start LibreOffice for each conversion, as without it.
    }
  };
  process.once('exit', stop);
  return () => {
    stop();
    rmSync(root, { recursive: true, force: true });
  };
}

// If this run is killed before its teardown, a watcher stops LibreOffice within seconds: nothing else would.
const WATCHER = `const [run, office] = process.argv.slice(1).map(Number);
setInterval(() => { try { process.kill(run, 0); } catch { try { process.kill(-office, 'SIGKILL'); } catch {} process.exit(); } }, 2000);`;

function watchFor(keeper: ChildProcess): void {
  spawn(process.execPath, ['-e', WATCHER, String(process.pid), String(keeper.pid)], {
    stdio: 'ignore',
    detached: true,
  }).unref();
}

const profileArg = (shared: SharedOffice) => [`-env:UserInstallation=file://${shared.profile}`];

/** Ready once a first job handed over comes back done. Handing one over before the running LibreOffice has
 *  claimed the profile would make that job's process the one kept running, and the job would never return. */
async function markReady(shared: SharedOffice, root: string, keeper: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!existsSync(path.join(shared.profile, 'user')) && keeper.exitCode === null && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  if (keeper.exitCode !== null || Date.now() >= deadline) return;
  const probe = path.join(root, 'thu.csv');
  writeFileSync(probe, 'a,b\n1,2\n');
  const out = path.join(root, 'thu');
  const code = await new Promise<number | null>((resolve) =>
    spawn(SOFFICE, sofficeArgs(shared.profile, 'xlsx', out, [probe]), { stdio: 'ignore' }).on('exit', resolve),
  );
  if (code === 0 && existsSync(path.join(out, 'thu.xlsx'))) writeFileSync(shared.ready, '');
}
