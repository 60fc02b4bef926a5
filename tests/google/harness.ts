// Shared test setup: the fake Google server, the injected access (an OAuth2 client holding a preset
// token, the service account's e-mail for messages), fast retries and a log that collects lines.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { auth as googleAuth } from 'googleapis/build/src/apis/sheets/index.js';
import type { GoogleAccess } from '../../sync/google/auth.js';
import type { GoogleDeps } from '../../sync/google/deps.js';
import type { Logger } from '../../sync/google/logger.js';
import { FakeGoogle, TEST_TOKEN } from './fake-google.js';

export const ACCOUNT = 'dong-bo@thi-dua-test.iam.gserviceaccount.com';

export function testAccess(): GoogleAccess {
  const auth = new googleAuth.OAuth2();
  auth.setCredentials({ access_token: TEST_TOKEN });
  return { auth, account: ACCOUNT };
}

export class CollectingLog implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  error(message: string): void {
    this.lines.push(message);
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface Harness {
  fake: FakeGoogle;
  dir: string;
  log: CollectingLog;
  deps: GoogleDeps;
}

/** A fresh fake server, temp folder and log per test. */
export async function openHarness(): Promise<Harness> {
  const fake = await new FakeGoogle().start();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'google-sync-'));
  const log = new CollectingLog();
  return {
    fake,
    dir,
    log,
    deps: {
      access: testAccess(),
      rootUrl: fake.url,
      log,
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 4 },
      env: {},
    },
  };
}

export async function closeHarness(h: Harness | undefined): Promise<void> {
  if (!h) return;
  await h.fake.stop();
  await rm(h.dir, { recursive: true, force: true });
}
