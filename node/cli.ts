// What every command line of the project shares: parsing its options against a declared spec, the
// Vietnamese usage message, and the exit-code convention (1: could not run, nothing written).
import { parseArgs } from 'node:util';

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

/**
 * Runs a command body: a UsageError prints its message with the usage line, any other error its message
 * alone; both exit 1. The body returns its own exit code when it ran.
 */
export async function runCommand(usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    console.error(e instanceof UsageError ? `${e.message}\nCách dùng: ${usage}` : (e as Error).message);
    return 1;
  }
}

/** True when the module with this import.meta.url is the script node was started with. */
export const isEntryPoint = (moduleUrl: string): boolean => moduleUrl === `file://${process.argv[1]}`;
