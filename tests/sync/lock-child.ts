// One contender in the lock race (lock-race.test.ts): for each trial it waits for the go file, takes the
// master's lock (waiting for it), notes when it entered and left, and tells the parent it is done.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { acquireLock } from '../../node/lock.js';

const [target, log, dir, trials] = process.argv.slice(2) as [string, string, string, string];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (let t = 0; t < Number(trials); t++) {
  while (!existsSync(`${dir}/go-${t}`)) await sleep(5);
  const lock = await acquireLock(target, 30);
  appendFileSync(log, `enter ${t} ${process.pid}\n`);
  await sleep(30);
  appendFileSync(log, `leave ${t} ${process.pid}\n`);
  await lock.release();
  writeFileSync(`${dir}/done-${t}-${process.pid}`, '');
}
