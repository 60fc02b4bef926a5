// What a Google command takes from outside besides its options: who it is to Google (the test seam),
// where Google is (a local fake server in tests), where it prints, and how patiently it retries.
import { runCommand } from '../../node/cli.js';
import type { GoogleAccess } from './auth.js';
import { consoleLogger, type Logger } from './logger.js';
import { DEFAULT_RETRY, type RetryOptions } from './retry.js';

export interface GoogleDeps {
  /** Replaces the service account from the key file (tests: an OAuth2 client with a preset token). */
  access?: GoogleAccess;
  /** Base address of the Google APIs; tests point it at 127.0.0.1. */
  rootUrl?: string;
  log?: Logger;
  retry?: RetryOptions;
  env?: NodeJS.ProcessEnv;
}

export interface Resolved {
  log: Logger;
  retry: RetryOptions;
  env: NodeJS.ProcessEnv;
}

export const resolveDeps = (deps: GoogleDeps): Resolved => ({
  log: deps.log ?? consoleLogger,
  retry: deps.retry ?? DEFAULT_RETRY,
  env: deps.env ?? process.env,
});

/** Options shared by the Drive and Sheets clients: our own retry replaces gaxios's hidden one. */
export function clientOptions(access: GoogleAccess, deps: GoogleDeps) {
  return { auth: access.auth, retry: false, ...(deps.rootUrl ? { rootUrl: deps.rootUrl } : {}) };
}

/** Runs a command body through the command runner, printing its failure to the command's own logger. */
export const exitCodeOf = (log: Logger, body: () => Promise<number>): Promise<number> =>
  runCommand(undefined, body, (text) => log.error(text));
