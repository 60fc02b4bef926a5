// Loaded with `node --import` into the real CLI, so that a child process starts with the faults of
// fault-fs.ts named in its environment: for runs where the process itself is the subject.
import { installFaults } from './fault-fs.js';

await installFaults(process.env);
