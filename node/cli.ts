// What every command line of the project shares: parsing its options against a declared spec, the
// Vietnamese usage message, and the exit-code convention (1: could not run, nothing written). Whatever
// fails, the user reads one Vietnamese sentence; a library's or the system's own text goes to a log file.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ToldError, toldErrno } from './fs-errors.js';
import { terminalSafeLines } from './terminal-text.js';

/** A mistake in how the command was called: printed with the command's usage line, exit 1. */
export class UsageError extends Error {}

type OptionKinds = Record<string, 'string' | 'boolean'>;
type Values<O extends OptionKinds> = { [K in keyof O]?: O[K] extends 'boolean' ? boolean : string };

export interface CommandSpec<O extends OptionKinds> {
  usage: string;
  options: O;
  required?: readonly (keyof O & string)[];
}

/** Parses `argv` against `spec`; throws UsageError naming what is wrong. */
export function parseOptions<O extends OptionKinds>(argv: string[], spec: CommandSpec<O>): Values<O> {
  let values: Record<string, unknown>;
  try {
    const options = Object.fromEntries(Object.entries(spec.options).map(([name, type]) => [name, { type }]));
    ({ values } = parseArgs({ args: argv, options }));
  } catch (e) {
    throw new UsageError(`Tham số không hợp lệ: ${(e as Error).message}`);
  }
  const missing = (spec.required ?? []).filter((k) => !values[k]);
  if (missing.length) throw new UsageError(`Thiếu ${missing.map((k) => `--${k}`).join(', ')}.`);
  return values as Values<O>;
}

/** A "--wait"-style option: a number of seconds, 0 or more. */
export function secondsOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--${name} phải là số giây: "${value}".`);
  return seconds;
}

/** Where the details of a failure are written: the system's temporary folder, always writable. */
export const LOG_DIR = path.join(os.tmpdir(), 'thi-dua-khen-thuong');

/** Writes the error with its causes and stacks to a new log file; returns its path (undefined if not written). */
async function writeLog(e: unknown): Promise<string | undefined> {
  const lines = [`Thời điểm: ${new Date().toISOString()}`, `Lệnh: ${process.argv.slice(1).join(' ')}`, ''];
  for (let err = e, depth = 0; err !== undefined && depth < 5; err = (err as Error)?.cause, depth++)
    lines.push(err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err), '');
  const file = path.join(LOG_DIR, `loi-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`);
  try {
    await fs.mkdir(LOG_DIR, { recursive: true });
    await fs.writeFile(file, lines.join('\n'));
    return file;
  } catch {
    return undefined;
  }
}

// Messages written before ToldError existed are Vietnamese already: no library says "không" or "được".
const VIETNAMESE = /[đĐăĂâÂêÊôÔơƠưƯ]/;

/** The sentence the user reads for an error, or undefined when it has none (an unexpected failure). */
function toldText(e: unknown): string | undefined {
  if (e instanceof ToldError) return e.message;
  const errno = toldErrno(e);
  if (errno) return errno.message;
  const message = e instanceof Error ? e.message : '';
  return VIETNAMESE.test(message) ? message : undefined;
}

/**
 * Runs a command body: a UsageError prints its message with the usage line, an error already told in
 * Vietnamese its message, a system error its Vietnamese explanation, and anything else a Vietnamese
 * "unexpected" sentence; the details of all but the first go to a log file the message names. All exit 1.
 */
export async function runCommand(usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${terminalSafeLines(e.message)}\nCách dùng: ${usage}`);
      return 1;
    }
    const told = toldText(e);
    const hasDetails = !told || !(e instanceof ToldError) || e.cause !== undefined;
    const log = hasDetails ? await writeLog(e) : undefined;
    const where = log ? ` Chi tiết kỹ thuật đã ghi vào tệp "${log}".` : '';
    console.error(
      told
        ? `${terminalSafeLines(told)}${where}`
        : `Lệnh dừng vì một lỗi không lường trước của chương trình (không phải do dữ liệu đã nhập); các tệp đã có được giữ nguyên.${where} Hãy gửi tệp đó cho người hỗ trợ kỹ thuật.`,
    );
    return 1;
  }
}

/** True when the module with this import.meta.url is the script node was started with. */
export const isEntryPoint = (moduleUrl: string): boolean => moduleUrl === `file://${process.argv[1]}`;
