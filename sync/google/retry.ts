// Every call to Google goes through here: 429, 5xx and dropped connections are tried again after an
// exponentially growing pause (Retry-After honoured, capped); any failure ends as a Vietnamese message.
import { errorFacts, explain, GoogleSyncError, isRetryable, type Target } from './errors.js';
import type { Logger } from './logger.js';

export interface RetryOptions {
  /** Tries after the first one. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Silence (ms) after which a download is cut and tried again (default: 20 seconds). */
  stallMs?: number;
  /** Silence (ms) one file may cost over all its tries before it is left for the next pull (default: a minute). */
  stallBudgetMs?: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 5, baseDelayMs: 1000, maxDelayMs: 32_000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `request`, retrying what is worth retrying; throws a GoogleSyncError naming `target`. */
export async function callGoogle<T>(
  target: Target,
  request: () => Promise<T>,
  retry: RetryOptions,
  log: Logger,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (err) {
      if (err instanceof GoogleSyncError) throw err;
      const facts = errorFacts(err);
      if (!isRetryable(facts) || attempt > retry.retries) throw explain(err, target, attempt);
      const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.min(retry.maxDelayMs, Math.max(backoff, facts.retryAfterMs ?? 0));
      const why = facts.status !== undefined ? `HTTP ${facts.status}` : facts.networkCode;
      log.info(`  Google trả ${why}, thử lại sau ${formatSeconds(delay)} (lần ${attempt}/${retry.retries}).`);
      await sleep(delay);
    }
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`;
}
