// Runs a command's exported main(argv) in the test's own process, with what it prints captured (console and
// both streams, as a child process's pipes would). Starting tsx for every command run cost most of the
// suite's time; child processes stay only where the process itself is the subject (a kill, a crash, a lock
// held by another process, the real entry's exit code); file-system faults are switched on in this process
// around the run (tests/sync/fault-fs.ts).
import { format } from 'node:util';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

type Main = (argv: string[]) => Promise<number>;

// Runs are queued so that the output captured for one never interleaves with another's.
let queue: Promise<unknown> = Promise.resolve();

export function runInProcess(main: Main, args: string[]): Promise<CliResult> {
  const run = queue.then(() => capture(main, args));
  queue = run.catch(() => undefined);
  return run;
}

async function capture(main: Main, args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { log: console.log, error: console.error, warn: console.warn };
  const writes = { out: process.stdout.write, err: process.stderr.write };
  console.log = (...a: unknown[]) => void out.push(format(...a) + '\n');
  console.error = console.warn = (...a: unknown[]) => void err.push(format(...a) + '\n');
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    Object.assign(console, saved);
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
  }
}
