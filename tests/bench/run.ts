// npm run bench: the engine's throughput and the merge against its floor, printed as figures and ratios.
import { runEngineBench } from './engine.js';
import { runMergeBench } from './merge.js';

for (const line of await runEngineBench()) console.log(line);
for (const line of await runMergeBench()) console.log(line);
