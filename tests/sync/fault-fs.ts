// Loaded with `node --import` into the real CLI to give it the file system of an unlucky day, set by
// environment variables:
//   FAULT_DISK=DIR:BYTES   every file under DIR shares BYTES of free space; a write past it fails ENOSPC
//   FAULT_NO_LINKS=1       hard links fail with EPERM, as on exFAT/FAT USB drives
//   FAULT_TRACE=FILE       appends "rename FROM TO" and "fsync-dir DIR" lines for the file operations seen
//   FAULT_NO_READ=NAME     reading a file named NAME fails with EACCES, as a file the account may not read
//                          (tests run as root, whom chmod does not stop)
//   FAULT_READ_ONLY=DIR    creating a file under DIR fails with EROFS, as on a write-locked USB drive or share
//   FAULT_PAUSE=FILE       before its first rename the process creates FILE and waits until it is removed:
//                          a test's hand on a run at the moment it commits its output
import fs from 'node:fs';
import path from 'node:path';

const [diskDir, diskBytes] = (() => {
  const spec = process.env.FAULT_DISK;
  if (!spec) return [undefined, 0];
  const i = spec.lastIndexOf(':');
  return [path.resolve(spec.slice(0, i)), Number(spec.slice(i + 1))];
})();
let free = diskBytes;
const traceFile = process.env.FAULT_TRACE;
const trace = (line: string) => traceFile && fs.appendFileSync(traceFile, `${line}\n`);

const errnoError = (code: string, syscall: string, errno: number) =>
  Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall, errno });

const onDisk = (p: unknown): boolean =>
  diskDir !== undefined && typeof p === 'string' && path.resolve(p).startsWith(diskDir + path.sep);
const diskFds = new Set<number>();
const dirFds = new Map<number, string>();

const sizeOf = (data: unknown): number =>
  typeof data === 'string'
    ? Buffer.byteLength(data)
    : Array.isArray(data)
      ? data.reduce((n: number, b: ArrayBufferView) => n + b.byteLength, 0)
      : ((data as ArrayBufferView | undefined)?.byteLength ?? 0);

/** Takes `bytes` of the free space, or throws ENOSPC. */
function spend(bytes: number): void {
  if (bytes > free) throw errnoError('ENOSPC', 'write', -28);
  free -= bytes;
}

function noteOpen(p: unknown, fd: number): void {
  if (onDisk(p)) diskFds.add(fd);
  if (traceFile && typeof p === 'string' && fs.statSync(p, { throwIfNoEntry: false })?.isDirectory())
    dirFds.set(fd, path.resolve(p));
}

/* eslint-disable @typescript-eslint/no-explicit-any -- wrapping Node's overloaded fs functions */
const m = fs as any;
const origOpen = m.open;
m.open = (p: any, ...rest: any[]) => {
  const cb = rest.pop();
  origOpen(p, ...rest, (err: any, fd: number) => {
    if (!err) noteOpen(p, fd);
    cb(err, fd);
  });
};
const origOpenSync = m.openSync;
m.openSync = (p: any, ...rest: any[]) => {
  const fd = origOpenSync(p, ...rest);
  noteOpen(p, fd);
  return fd;
};
for (const name of ['write', 'writev']) {
  const orig = m[name];
  m[name] = (fd: number, data: any, ...rest: any[]) => {
    if (diskFds.has(fd)) {
      try {
        spend(sizeOf(data));
      } catch (e) {
        const cb = rest.pop();
        return process.nextTick(cb, e);
      }
    }
    return orig(fd, data, ...rest);
  };
}
const origWriteSync = m.writeSync;
m.writeSync = (fd: number, data: any, ...rest: any[]) => {
  if (diskFds.has(fd)) spend(sizeOf(data));
  return origWriteSync(fd, data, ...rest);
};
const origClose = m.close;
m.close = (fd: number, ...rest: any[]) => {
  diskFds.delete(fd);
  dirFds.delete(fd);
  return origClose(fd, ...rest);
};

const p = fs.promises as any;
const origPOpen = p.open;
p.open = async (file: any, ...rest: any[]) => {
  const handle = await origPOpen(file, ...rest);
  noteOpen(file, handle.fd);
  return handle;
};
const probe = await origPOpen(process.execPath, 'r');
const handleProto = Object.getPrototypeOf(probe);
await probe.close();
for (const name of ['write', 'writev', 'writeFile', 'appendFile']) {
  const orig = handleProto[name];
  handleProto[name] = function (this: { fd: number }, data: any, ...rest: any[]) {
    if (diskFds.has(this.fd)) spend(sizeOf(data));
    return orig.call(this, data, ...rest);
  };
}
const origSync = handleProto.sync;
handleProto.sync = function (this: { fd: number }) {
  const dir = dirFds.get(this.fd);
  if (dir) trace(`fsync-dir ${dir}`);
  return origSync.call(this);
};
const origHandleClose = handleProto.close;
handleProto.close = function (this: { fd: number }) {
  diskFds.delete(this.fd);
  dirFds.delete(this.fd);
  return origHandleClose.call(this);
};
const readOnlyDir = process.env.FAULT_READ_ONLY && path.resolve(process.env.FAULT_READ_ONLY);
const origPWriteFile = p.writeFile;
p.writeFile = async (file: any, data: any, ...rest: any[]) => {
  if (readOnlyDir && typeof file === 'string' && path.dirname(path.resolve(file)) === readOnlyDir)
    throw errnoError('EROFS', 'open', -30);
  if (onDisk(file)) {
    try {
      spend(sizeOf(data));
    } catch (e) {
      // The file is created before the disk turns out to be full, as with a real write.
      await origPWriteFile(file, '', ...rest);
      throw e;
    }
  }
  return origPWriteFile(file, data, ...rest);
};
const origCopy = p.copyFile;
p.copyFile = async (from: any, to: any, ...rest: any[]) => {
  if (onDisk(to)) spend(fs.statSync(from).size);
  return origCopy(from, to, ...rest);
};
const pause = process.env.FAULT_PAUSE;
let paused = false;
const origRename = p.rename;
p.rename = async (from: any, to: any) => {
  if (pause && !paused) {
    paused = true;
    fs.writeFileSync(pause, String(process.pid));
    while (fs.existsSync(pause)) await new Promise((r) => setTimeout(r, 20));
  }
  await origRename(from, to);
  trace(`rename ${path.resolve(from)} ${path.resolve(to)}`);
};
if (process.env.FAULT_NO_LINKS) {
  const refuse = () => errnoError('EPERM', 'link', -1);
  p.link = async () => {
    throw refuse();
  };
  m.linkSync = () => {
    throw refuse();
  };
  m.link = (_a: any, _b: any, cb: (e: Error) => void) => process.nextTick(cb, refuse());
}
const noRead = process.env.FAULT_NO_READ;
if (noRead) {
  const origReadFile = p.readFile;
  p.readFile = async (file: any, ...rest: any[]) => {
    if (typeof file === 'string' && path.basename(file) === noRead) throw errnoError('EACCES', 'open', -13);
    return origReadFile(file, ...rest);
  };
}
