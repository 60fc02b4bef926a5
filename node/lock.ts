// One merge (or push) at a time per master: a lock file beside it, holding who owns it. The lock is
// written whole under a temporary name and hard-linked into place, so it appears complete or not at all
// (and a full disk leaves no empty lock behind). A lock whose process is gone is stale and taken over —
// under a second, short-lived lock, so that of several runs finding the same stale lock exactly one wins.
// A lock the run cannot read, or held by a live process that is not its owner, is explained, never guessed at.
// A command that only reads the master (documents) holds the same lock from its read until its output is
// written, so a merge started meanwhile waits for it in turn; its lock says what it does, for that merge to say.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import { ToldError } from '../engine/told-error.js';
import { fileError } from './fs-errors.js';

export interface Lock {
  release(): Promise<void>;
}

interface Owner {
  pid?: number;
  startedAt?: string;
  host?: string;
  /** The owner's command line, to tell it from another process that later got the same pid. */
  command?: string;
  /** Linux: the owner's start time in clock ticks since boot (field 22 of /proc/PID/stat). */
  procStart?: string;
  /** What the holder does, as a run that meets the lock says it: "lệnh lập văn bản (documents) đọc". Absent:
   *  a merge or push writing the master. */
  task?: string;
}

/** What a run holding the lock tells the runs that meet it. */
export interface LockOptions {
  /** What this run does while it holds the lock (see Owner.task); absent for a merge or push. */
  task?: string;
  /** What a run turned away by a busy lock has not done: "nên chưa lập văn bản và chưa ghi tệp nào". */
  refusal?: string;
}

/** Linux only: a live process's start time and command line; undefined elsewhere or when it is gone. */
function procInfo(pid: number): { start: string; command: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces: count fields after its closing parenthesis.
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { start, command };
  } catch {
    return undefined;
  }
}

/** Whether a process with this id exists (one of another account counts). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function ownerRecord(task?: string): string {
  const own = procInfo(process.pid);
  const owner: Owner = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    host: os.hostname(),
    // As /proc shows it, so that it compares equal when read back from there.
    command: own?.command ?? process.argv.join(' '),
    procStart: own?.start,
    task,
  };
  return JSON.stringify(owner);
}

/**
 * Creates `file` holding `content` only if it does not exist; false when it does. The content is written
 * under a temporary name first, then linked into place: never seen empty or half written.
 */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.new`;
  try {
    await fs.writeFile(tmp, content, { flag: 'wx' });
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw fileError(e, 'tạo được tệp khóa', file);
  }
  try {
    await fs.link(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // No hard links (exFAT, FAT, some shares): create in place; remove it again if the write fails.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    return createInPlace(file, content);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

async function createInPlace(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fileError(e, 'tạo được tệp khóa', file);
  }
  try {
    await handle.writeFile(content);
    await handle.close();
    return true;
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(file, { force: true });
    throw fileError(e, 'tạo được tệp khóa', file);
  }
}

const readText = (file: string): Promise<string | undefined> =>
  fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw fileError(e, 'đọc được tệp khóa', file);
  });

function parseOwner(text: string): Owner | undefined {
  try {
    const owner = JSON.parse(text) as Owner;
    return owner && Number.isInteger(owner.pid) && owner.pid! > 0 ? owner : undefined;
  } catch {
    return undefined;
  }
}

type Verdict = 'stale' | 'running' | { foreign: string };

function judge(owner: Owner): Verdict {
  const pid = owner.pid!;
  // Another computer sharing the folder: its processes cannot be seen from here; wait for it like a live one.
  if (owner.host && owner.host !== os.hostname()) return 'running';
  // Our own pid in someone's lock: a run before us in a container, where pids repeat.
  if (pid === process.pid) return 'stale';
  if (!processAlive(pid)) return 'stale';
  const info = procInfo(pid);
  if (!info) return 'running';
  if (owner.procStart && info.start !== owner.procStart) return 'stale';
  const looksLikeOwner = owner.command ? info.command === owner.command : /\bnode\b|tsx/.test(info.command);
  return looksLikeOwner ? 'running' : { foreign: `tiến trình ${pid} đang chạy là "${info.command.slice(0, 80)}"` };
}

const removalAdvice = (file: string) =>
  `Nếu chắc chắn không còn lệnh merge, push hay documents nào đang chạy trên sổ này (kể cả trên máy khác dùng chung thư mục), hãy xóa tệp khóa "${file}" rồi chạy lại.`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Removes the stale lock whose text is `stale`, unless another run has replaced it meanwhile. */
async function takeOver(file: string, stale: string): Promise<void> {
  const guard = `${file}.takeover`;
  if (!(await createExclusive(guard, ownerRecord()))) {
    // Another run is taking over right now (a few milliseconds); a guard left by a killed run is cleared.
    const text = await readText(guard);
    const owner = text === undefined ? undefined : parseOwner(text);
    const age = await fs.stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (text !== undefined && ((owner && judge(owner) === 'stale') || age > 10_000))
      await fs.rm(guard, { force: true });
    await sleep(20 + Math.random() * 30);
    return;
  }
  try {
    if ((await readText(file)) === stale) await fs.rm(file, { force: true });
  } finally {
    await fs.rm(guard, { force: true });
  }
}

/** How a run meets a lock that is there: try to be done, what a stale one means, what to say while busy. */
interface Contender {
  /** True when the run may go ahead (it took the lock, or found none). */
  attempt(): Promise<boolean>;
  /** A lock whose owner is gone: true when the run may then go ahead, false to attempt again. */
  stale(text: string): Promise<boolean>;
  /** What is said once the wait is over, `who` being "tiến trình N, bắt đầu …". */
  busy: (owner: Owner, who: string) => string;
}

/** Attempts until the lock is taken or free, waiting up to `waitSeconds` for a running owner. */
async function contend(target: string, waitSeconds: number, run: Contender): Promise<void> {
  const file = `${target}.lock`;
  const deadline = Date.now() + waitSeconds * 1000;
  let unreadableSince: number | undefined;
  for (;;) {
    if (await run.attempt()) return;
    const text = await readText(file);
    if (text === undefined) continue;
    const owner = parseOwner(text);
    if (!owner) {
      // A lock written by an older version may be seen empty for an instant; one that stays so is damaged.
      unreadableSince ??= Date.now();
      if (Date.now() - unreadableSince < 1000) {
        await sleep(200);
        continue;
      }
      throw new ToldError(
        `Không đọc được tệp khóa "${file}" (nội dung hỏng hoặc trống), nên không biết lệnh nào đang giữ sổ "${target}". ${removalAdvice(file)}`,
      );
    }
    unreadableSince = undefined;
    const verdict = judge(owner);
    if (verdict === 'stale') {
      if (await run.stale(text)) return;
      continue;
    }
    if (verdict !== 'running') {
      throw new ToldError(
        `Sổ tổng hợp "${target}" đang bị khóa bởi tệp "${file}" (${verdict.foreign}, ghi lúc ${owner.startedAt ?? '?'}), không phải một lệnh tổng hợp còn chạy trên máy này. ${removalAdvice(file)}`,
      );
    }
    if (Date.now() >= deadline) {
      const who = `tiến trình ${owner.pid}${owner.host && owner.host !== os.hostname() ? ` trên máy "${owner.host}"` : ''}, bắt đầu ${owner.startedAt ?? '?'}`;
      throw new ToldError(`${run.busy(owner, who)} ${removalAdvice(file).replace('Nếu chắc chắn', 'Nếu biết chắc')}`);
    }
    await sleep(50);
  }
}

/** "Sổ … đang được <holder> (<who>), <refusal>. Hãy chờ …": the holder's own task, else a merge or push. */
function busyMessage(target: string, opts: LockOptions) {
  // A lock naming no task is a merge's or a push's: "another" to one of those, not to a reader.
  const writer = opts.task ? 'ghi bởi một lệnh tổng hợp hoặc lệnh đưa lên Google Sheets' : 'một lệnh tổng hợp khác ghi';
  return (owner: Owner, who: string) =>
    `Sổ tổng hợp "${target}" đang được ${owner.task ?? writer} (${who})${opts.refusal ? `, ${opts.refusal}` : ''}. Hãy chờ lệnh đó xong rồi chạy lại, hoặc dùng --wait SỐ_GIÂY để tự chờ.`;
}

export async function acquireLock(target: string, waitSeconds: number, opts: LockOptions = {}): Promise<Lock> {
  const file = `${target}.lock`;
  const record = ownerRecord(opts.task);
  await contend(target, waitSeconds, {
    attempt: () => createExclusive(file, record),
    stale: async (text) => {
      await takeOver(file, text);
      return false;
    },
    busy: busyMessage(target, opts),
  });
  return {
    release: async () => {
      // Only our own lock is removed.
      if ((await readText(file).catch(() => undefined)) === record) await fs.rm(file, { force: true });
    },
  };
}

/**
 * For a reader of `target` that cannot take its lock (the folder refuses new files, so no merge from this
 * account can write there either): returns once no running merge or push holds it, waiting up to
 * `waitSeconds`. A lock whose owner is gone is left for the next merge to take over.
 */
export async function waitWhileLocked(target: string, waitSeconds: number, opts: LockOptions): Promise<void> {
  const file = `${target}.lock`;
  await contend(target, waitSeconds, {
    attempt: async () => (await readText(file)) === undefined,
    stale: async () => true,
    busy: busyMessage(target, opts),
  });
}
