// One merge at a time per master: a lock file created exclusively beside it, holding the owner's pid.
// A lock whose process is gone is stale and taken over; a live one makes the second merge wait, then stop.
import { promises as fs } from 'node:fs';

export interface Lock {
  release(): Promise<void>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function acquireLock(target: string, waitSeconds: number): Promise<Lock> {
  const file = `${target}.lock`;
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      await fs.writeFile(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), {
        flag: 'wx',
      });
      return { release: () => fs.rm(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner: { pid?: number; startedAt?: string } = {};
    try {
      owner = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      // Being written or removed right now: look again.
    }
    if (owner.pid && !alive(owner.pid)) {
      await fs.rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Sổ tổng hợp "${target}" đang được một lệnh tổng hợp khác ghi (tiến trình ${owner.pid ?? '?'}, bắt đầu ${owner.startedAt ?? '?'}). ` +
          'Hãy chờ lệnh đó xong rồi chạy lại, hoặc dùng --wait SỐ_GIÂY để tự chờ.',
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
