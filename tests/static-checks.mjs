// The static checks of `npm test` (types, formatting, lint) run side by side: each is one process on one
// core, so one after another they left the machine's other core idle for their whole time. Each one's
// output is printed whole, in a fixed order; the run fails when any of them fails.
import { spawn } from 'node:child_process';

const CHECKS = [
  ['tsc', '--noEmit', '-p', '.'],
  ['prettier', '--check', '.'],
  ['eslint', '.'],
];

function run([tool, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(tool, args, { shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ tool, code: 1, output: `${output}${err.message}\n` }));
    child.on('close', (code) => resolve({ tool, code: code ?? 1, output }));
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { tool, code, output } of results) {
  process.stdout.write(`> ${tool}: ${code === 0 ? 'ok' : `failed (${code})`}\n${output}`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
