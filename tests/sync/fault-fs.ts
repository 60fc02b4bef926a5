// The file system of an unlucky day, switched on in this process by installFaults and off again by the
// function it returns: a command then runs in-process (main(argv)) with the same faults a child process
// gets from fault-fs-preload.ts. The faults, set by environment-style variables:
//   FAULT_DISK=DIR:BYTES   every file under DIR shares BYTES of free space; a write past it fails ENOSPC
//   FAULT_NO_LINKS=1       hard links fail with EPERM, as on exFAT/FAT USB drives
//   FAULT_TRACE=FILE       appends "rename FROM TO" and "fsync-dir DIR" lines for the file operations seen
//   FAULT_NO_READ=NAME     reading a file named NAME fails with EACCES, as a file the account may not read
//                          (tests run as root, whom chmod does not stop)
//   FAULT_READ_ONLY=DIR    creating a file under DIR fails with EROFS, as on a write-locked USB drive or share
//   FAULT_PAUSE=FILE       before its first rename the process creates FILE and waits until it is removed:
//                          a test's hand on a run at the moment it commits its output
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

export type Faults = Partial<
  Record<'FAULT_DISK' | 'FAULT_NO_LINKS' | 'FAULT_TRACE' | 'FAULT_NO_READ' | 'FAULT_READ_ONLY' | 'FAULT_PAUSE', string>
>;

/* eslint-disable @typescript-eslint/no-explicit-any -- wrapping Node's overloaded fs functions */
type Patch = (obj: any, name: string, make: (orig: any) => any) => void;

const errnoError = (code: string, syscall: string, errno: number) =>
  Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall, errno });

const sizeOf = (data: unknown): number =>
  typeof data === 'string'
    ? Buffer.byteLength(data)
    : Array.isArray(data)
      ? data.reduce((n: number, b: ArrayBufferView) => n + b.byteLength, 0)
      : ((data as ArrayBufferView | undefined)?.byteLength ?? 0);

/** Switches the faults of `env` on for this whole process; returns the function that switches them off. */
export async function installFaults(env: Faults): Promise<() => void> {
  const undo: (() => void)[] = [];
  const patch: Patch = (obj, name, make) => {
    const orig = obj[name];
    obj[name] = make(orig);
    undo.push(() => (obj[name] = orig));
  };
  const probe = await fs.promises.open(process.execPath, 'r');
  const handleProto = Object.getPrototypeOf(probe);
  await probe.close();
  const disk = diskFaults(env, patch, handleProto);
  patchWrites(env, patch, disk);
  patchRenameAndLinks(env, patch);
  // Named imports of node:fs/promises see the patched functions only once the ESM exports are synced.
  syncBuiltinESMExports();
  return () => {
    for (const u of undo.reverse()) u();
    syncBuiltinESMExports();
  };
}

interface Disk {
  onDisk(p: unknown): boolean;
  spend(bytes: number): void;
}

/** FAULT_DISK and FAULT_TRACE's fsync-dir: which descriptors are on the small disk or are directories. */
function diskFaults(env: Faults, patch: Patch, handleProto: any): Disk {
  const spec = env.FAULT_DISK;
  const diskDir = spec ? path.resolve(spec.slice(0, spec.lastIndexOf(':'))) : undefined;
  let free = spec ? Number(spec.slice(spec.lastIndexOf(':') + 1)) : 0;
  const traceFile = env.FAULT_TRACE;
  const onDisk = (p: unknown) =>
    diskDir !== undefined && typeof p === 'string' && path.resolve(p).startsWith(diskDir + path.sep);
  const spend = (bytes: number) => {
    if (bytes > free) throw errnoError('ENOSPC', 'write', -28);
    free -= bytes;
  };
  const diskFds = new Set<number>();
  const dirFds = new Map<number, string>();
  const noteOpen = (p: unknown, fd: number) => {
    if (onDisk(p)) diskFds.add(fd);
    if (traceFile && typeof p === 'string' && fs.statSync(p, { throwIfNoEntry: false })?.isDirectory())
      dirFds.set(fd, path.resolve(p));
  };
  const forget = (fd: number) => (diskFds.delete(fd), dirFds.delete(fd));
  patch(fs, 'open', (orig) => (p: any, ...rest: any[]) => {
    const cb = rest.pop();
    orig(p, ...rest, (err: any, fd: number) => {
      if (!err) noteOpen(p, fd);
      cb(err, fd);
    });
  });
  patch(fs, 'openSync', (orig) => (p: any, ...rest: any[]) => {
    const fd = orig(p, ...rest);
    noteOpen(p, fd);
    return fd;
  });
  for (const name of ['write', 'writev'])
    patch(fs, name, (orig) => (fd: number, data: any, ...rest: any[]) => {
      if (diskFds.has(fd)) {
        try {
          spend(sizeOf(data));
        } catch (e) {
          return process.nextTick(rest.pop(), e);
        }
      }
      return orig(fd, data, ...rest);
    });
  patch(fs, 'writeSync', (orig) => (fd: number, data: any, ...rest: any[]) => {
    if (diskFds.has(fd)) spend(sizeOf(data));
    return orig(fd, data, ...rest);
  });
  patch(
    fs,
    'close',
    (orig) =>
      (fd: number, ...rest: any[]) => (forget(fd), orig(fd, ...rest)),
  );
  patch(fs.promises, 'open', (orig) => async (file: any, ...rest: any[]) => {
    const handle = await orig(file, ...rest);
    noteOpen(file, handle.fd);
    return handle;
  });
  for (const name of ['write', 'writev', 'writeFile', 'appendFile'])
    patch(
      handleProto,
      name,
      (orig) =>
        function (this: { fd: number }, data: any, ...rest: any[]) {
          if (diskFds.has(this.fd)) spend(sizeOf(data));
          return orig.call(this, data, ...rest);
        },
    );
  patch(
    handleProto,
    'sync',
    (orig) =>
      function (this: { fd: number }) {
        const dir = dirFds.get(this.fd);
        if (dir && traceFile) fs.appendFileSync(traceFile, `fsync-dir ${dir}\n`);
        return orig.call(this);
      },
  );
  patch(
    handleProto,
    'close',
    (orig) =>
      function (this: { fd: number }) {
        forget(this.fd);
        return orig.call(this);
      },
  );
  return { onDisk, spend };
}

/** FAULT_DISK for whole-file writes and copies, FAULT_READ_ONLY, FAULT_NO_READ. */
function patchWrites(env: Faults, patch: Patch, { onDisk, spend }: Disk): void {
  const readOnlyDir = env.FAULT_READ_ONLY && path.resolve(env.FAULT_READ_ONLY);
  patch(fs.promises, 'writeFile', (orig) => async (file: any, data: any, ...rest: any[]) => {
    if (readOnlyDir && typeof file === 'string' && path.dirname(path.resolve(file)) === readOnlyDir)
      throw errnoError('EROFS', 'open', -30);
    if (onDisk(file)) {
      try {
        spend(sizeOf(data));
      } catch (e) {
        // The file is created before the disk turns out to be full, as with a real write.
        await orig(file, '', ...rest);
        throw e;
      }
    }
    return orig(file, data, ...rest);
  });
  patch(fs.promises, 'copyFile', (orig) => async (from: any, to: any, ...rest: any[]) => {
    if (onDisk(to)) spend(fs.statSync(from).size);
    return orig(from, to, ...rest);
  });
  const noRead = env.FAULT_NO_READ;
  if (noRead)
    patch(fs.promises, 'readFile', (orig) => async (file: any, ...rest: any[]) => {
      if (typeof file === 'string' && path.basename(file) === noRead) throw errnoError('EACCES', 'open', -13);
      return orig(file, ...rest);
    });
}

/** FAULT_PAUSE, FAULT_TRACE's renames, FAULT_NO_LINKS. */
function patchRenameAndLinks(env: Faults, patch: Patch): void {
  const { FAULT_PAUSE: pause, FAULT_TRACE: traceFile } = env;
  let paused = false;
  patch(fs.promises, 'rename', (orig) => async (from: any, to: any) => {
    if (pause && !paused) {
      paused = true;
      fs.writeFileSync(pause, String(process.pid));
      while (fs.existsSync(pause)) await new Promise((r) => setTimeout(r, 20));
    }
    await orig(from, to);
    if (traceFile) fs.appendFileSync(traceFile, `rename ${path.resolve(from)} ${path.resolve(to)}\n`);
  });
  if (!env.FAULT_NO_LINKS) return;
  const refuse = () => errnoError('EPERM', 'link', -1);
  patch(fs.promises, 'link', () => async () => {
    throw refuse();
  });
  patch(fs, 'linkSync', () => () => {
    throw refuse();
  });
  patch(fs, 'link', () => (_a: any, _b: any, cb: (e: Error) => void) => process.nextTick(cb, refuse()));
}
