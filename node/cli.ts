// What every command line of the project shares: parsing its options against a declared spec, the
// Vietnamese usage message, and the exit-code convention (1: could not run, nothing written). Whatever
// fails, the user reads one Vietnamese sentence; a library's or the system's own text goes to a log file.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ToldError } from '../engine/told-error.js';
import { toldErrno } from './fs-errors.js';
import { terminalSafeLines } from './terminal-text.js';

/** A mistake in how the command was called: printed with the command's usage line, exit 1. */
export class UsageError extends ToldError {
  override name = 'UsageError';
}

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
    throw new UsageError(argumentMistake(e), { cause: e });
  }
  const missing = (spec.required ?? []).filter((k) => !values[k]);
  if (missing.length) throw new UsageError(`Thiếu ${missing.map((k) => `--${k}`).join(', ')}.`);
  return values as Values<O>;
}

/** Node's parseArgs mistakes in Vietnamese, naming the word it quotes ('--inbok', 'hop-thu'). */
function argumentMistake(e: unknown): string {
  const word = /'([^']*?)(?: <value>)?'/.exec((e as Error).message)?.[1] ?? '';
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Không có tham số "${word}" (sai chính tả?).`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Thừa "${word}": mọi giá trị phải đi sau tên tham số của nó (ví dụ --inbox THƯ_MỤC).`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test((e as Error).message)
        ? `Tham số "${word}" không nhận giá trị: chỉ ghi "${word}".`
        : `Tham số "${word}" cần một giá trị ngay sau nó.`;
    default:
      return 'Tham số không hợp lệ.';
  }
}

/** A "--wait"-style option: a number of seconds, 0 or more. */
export function secondsOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--${name} phải là số giây: "${value}".`);
  return seconds;
}

/**
 * Where the details of a failure are written: a folder of the system's temporary folder. Not next to the
 * command's output, because the output's folder may be the very thing that failed (read-only, full, gone),
 * and the inbox and output folders hold only what the units sent and what the commands wrote.
 */
export const LOG_DIR = path.join(os.tmpdir(), 'thi-dua-khen-thuong');

// Two failures of one process in the same millisecond (in-process runs) still get a file each.
let logsWritten = 0;

/** Writes the error with its causes and stacks to a new log file; returns its path (undefined if not written). */
async function writeLog(e: unknown): Promise<string | undefined> {
  const lines = [`Thời điểm: ${new Date().toISOString()}`, `Lệnh: ${process.argv.slice(1).join(' ')}`, ''];
  for (let err = e, depth = 0; err !== undefined && depth < 5; err = (err as Error)?.cause, depth++)
    lines.push(err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err), '');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(LOG_DIR, `loi-${stamp}-${process.pid}-${++logsWritten}.log`);
  try {
    await fs.mkdir(LOG_DIR, { recursive: true });
    await fs.writeFile(file, lines.join('\n'));
    return file;
  } catch {
    return undefined;
  }
}

const loggedAt = (log: string | undefined) =>
  log
    ? ` Chi tiết kỹ thuật đã ghi vào tệp "${log}".`
    : ` Không ghi được tệp chi tiết kỹ thuật vào thư mục "${LOG_DIR}".`;

const unexpected = (log: string | undefined) =>
  `Lỗi không mong đợi: lệnh dừng vì một lỗi của chương trình (không phải do dữ liệu đã nhập); các tệp đã có được giữ nguyên.${loggedAt(log)} Hãy gửi tệp đó cho người hỗ trợ kỹ thuật.`;

/**
 * What the user reads for a failure: a ToldError's own sentence (a UsageError's with the usage line), a
 * system error's Vietnamese explanation, or for anything else that it was unexpected. Whatever lies
 * underneath — a cause, a system error, the unexpected error itself — goes to a log file the sentence names.
 */
export async function failureText(e: unknown, usage?: string): Promise<string> {
  if (e instanceof UsageError) return `${terminalSafeLines(e.message)}${usage ? `\nCách dùng: ${usage}` : ''}`;
  const told = e instanceof ToldError ? e : toldErrno(e);
  if (told && told.cause === undefined) return terminalSafeLines(told.message);
  const log = await writeLog(e);
  return told ? `${terminalSafeLines(told.message)}${loggedAt(log)}` : unexpected(log);
}

/** How a failure is printed: standard error by default, a command's own logger when it has one. */
type Say = (text: string) => void;

/**
 * Runs a command body, the one way every command of the project starts: whatever it throws is printed as
 * `failureText` words it (`say`), never as the error's own text, and the command exits 1 ("could not run").
 */
export async function runCommand(
  usage: string | undefined,
  body: () => Promise<number>,
  say: Say = (text) => console.error(text),
): Promise<number> {
  try {
    return await body();
  } catch (e) {
    say(await failureText(e, usage));
    return 1;
  }
}

/** True when the module with this import.meta.url is the script node was started with. */
export const isEntryPoint = (moduleUrl: string): boolean => moduleUrl === `file://${process.argv[1]}`;
