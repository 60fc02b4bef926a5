// npm run bench: the engine's throughput, the merge against its floor and the offline checker page against
// the engine alone, printed as figures and ratios.
// The engine is measured twice: as the sync command runs it (TypeScript through tsx) and bundled by
// esbuild, as the add-in ships it; bundled, its first check in a fresh process too (the checker page's case).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { runCheckerBench } from './checker.js';
import { runEngineBench, runFirstCheckBench } from './engine.js';
import { runHostileBench } from './hostile.js';
import { runMergeBench } from './merge.js';
import { runUnitsBench } from './merge-units.js';

for (const line of await runEngineBench()) console.log(`[tsx]     ${line}`);

// The bundle sits beside this file: the test fixtures it reads are found relative to it.
const bundle = path.resolve('tests/bench/.engine-bundle.mjs');
await esbuild.build({
  entryPoints: ['tests/bench/engine.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'error',
});
try {
  const script = `const { runEngineBench } = await import(${JSON.stringify(pathToFileURL(bundle).href)});\nfor (const l of await runEngineBench()) console.log(l);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  for (const line of out.trim().split('\n')) console.log(`[bundled] ${line}`);
  // Bundled, as the checker page's worker runs it once per file.
  for (const line of runFirstCheckBench(pathToFileURL(bundle).href)) console.log(`[bundled] ${line}`);
} finally {
  rmSync(bundle, { force: true });
}

for (const line of await runMergeBench()) console.log(line);
for (const line of await runUnitsBench()) console.log(line);

for (const line of await runHostileBench()) console.log(line);
for (const line of await runCheckerBench()) console.log(line);
