// Where a command may write (SPEC §8): never into the folder it reads the units' files from, never over a
// file it did not write itself, and into folders it makes when they are missing. Paths are compared as the
// file system resolves them, so a link or "inbox/../inbox" does not slip past.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './cli.js';
import { writeFileAtomic } from './atomic.js';

/** The path as the file system resolves it: links in its existing part followed, the rest appended. */
export async function resolvedPath(p: string): Promise<string> {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return path.join(await fs.realpath(at), ...rest);
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      rest.unshift(path.basename(at));
      at = parent;
    }
  }
}

/** True when `target` is `folder` or lies somewhere inside it. */
export async function isWithin(target: string, folder: string): Promise<boolean> {
  const relative = path.relative(await resolvedPath(folder), await resolvedPath(target));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Refuses an output (`option` as typed on the command line) that is, or lies inside, the inbox. */
export async function refuseInsideInbox(option: string, target: string, inbox: string): Promise<void> {
  if (await isWithin(target, inbox))
    throw new UsageError(
      `${option} "${target}" là thư mục hồ sơ hoặc nằm trong thư mục hồ sơ "${inbox}". Ghi vào đó sẽ làm hỏng hoặc lẫn với tệp các đơn vị gửi, nên lệnh không ghi gì. Hãy chọn một thư mục ở ngoài thư mục hồ sơ.`,
    );
}

/** The nearest existing folder of `p` (itself when it exists): where a missing folder would be made. */
export async function nearestExisting(p: string): Promise<string> {
  let at = path.resolve(p);
  while (!(await fs.stat(at).catch(() => null))) {
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return at;
}

/** Makes `dir` (and its missing parents); the returned undo removes what was made, when still empty. */
export async function makeFolder(dir: string): Promise<() => Promise<void>> {
  const first = await fs.mkdir(dir, { recursive: true });
  if (!first) return async () => undefined;
  return async () => {
    // Innermost first; a folder something was written into meanwhile stays.
    for (let at = path.resolve(dir); ; at = path.dirname(at)) {
      await fs.rmdir(at).catch(() => undefined);
      if (at === path.resolve(first) || path.dirname(at) === at) break;
    }
  };
}

// ── Files a command wrote itself ───────────────────────────────────────────────────────────────────────

/** Hidden list, in an output folder, of the files the command wrote there (as the inbox ignores dot files). */
export const WRITTEN_LIST = '.tep-da-ghi.json';

interface WrittenEntry {
  size: number;
  mtimeMs: number;
}

async function readWritten(dir: string): Promise<Record<string, WrittenEntry>> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(dir, WRITTEN_LIST), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, WrittenEntry>) : {};
  } catch {
    return {};
  }
}

/**
 * Of `names` (paths relative to `dir`), those that exist but were not written there by the command —
 * or were changed since (same size and time as recorded, else someone else's). Those must not be replaced.
 */
export async function foreignFiles(dir: string, names: readonly string[]): Promise<string[]> {
  const written = await readWritten(dir);
  const foreign: string[] = [];
  for (const name of names) {
    const stat = await fs.lstat(path.join(dir, name)).catch(() => null);
    if (!stat) continue;
    const mine = written[name];
    if (!stat.isFile() || !mine || mine.size !== stat.size || mine.mtimeMs !== stat.mtimeMs) foreign.push(name);
  }
  return foreign;
}

/** `rel` (relative to `dir`) and, when it is a folder, every entry under it: what removing it would remove. */
export async function filesUnder(dir: string, rel: string): Promise<string[]> {
  const stat = await fs.lstat(path.join(dir, rel)).catch(() => null);
  if (!stat?.isDirectory()) return stat ? [rel] : [];
  const entries = await fs.readdir(path.join(dir, rel), { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/**
 * The list `dir` is to hold once `names` (relative, their new copies already at the same place under `from`)
 * are in it and `gone` (files or folders) is removed. A rename keeps size and time, so `from` may be a
 * staging folder whose files are then moved in.
 */
export async function writtenListAfter(
  dir: string,
  from: string,
  names: readonly string[],
  gone: readonly string[] = [],
): Promise<string> {
  const written = await readWritten(dir);
  for (const name of Object.keys(written))
    if (gone.some((g) => name === g || name.startsWith(`${g}${path.sep}`))) delete written[name];
  for (const name of names) {
    const stat = await fs.stat(path.join(from, name)).catch(() => null);
    if (stat) written[name] = { size: stat.size, mtimeMs: stat.mtimeMs };
  }
  return `${JSON.stringify(written, null, 1)}\n`;
}

/** Records `names` (relative to `dir`, just written) as the command's own, so a later run may replace them. */
export async function recordWritten(dir: string, names: readonly string[]): Promise<void> {
  await writeFileAtomic(path.join(dir, WRITTEN_LIST), await writtenListAfter(dir, dir, names), {
    what: 'danh sách tệp đã ghi',
  });
}
