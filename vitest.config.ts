import { defineConfig } from 'vitest/config';

// Files that start LibreOffice or Chromium: slow, and only meaningful where those programs are installed.
// `npm run test:office` runs them alone, `npm run test:unit` everything else; `npm test` runs both.
const OFFICE = [
  'tests/addin/browser.test.ts',
  'tests/addin/checker.test.ts',
  'tests/addin/package.test.ts',
  'tests/node/xlsx-readers-agree.test.ts',
  'tests/sync/annex-print.test.ts',
  'tests/sync/award-register.test.ts',
  'tests/sync/council-papers.test.ts',
  'tests/sync/council.test.ts',
  'tests/sync/documents.test.ts',
  'tests/sync/feedback-print.test.ts',
  'tests/sync/letterhead.test.ts',
  'tests/sync/marked-copy.test.ts',
  'tests/sync/master-print.test.ts',
  'tests/sync/prize-lists.test.ts',
  'tests/sync/stats.test.ts',
  'tests/sync/xlsx-chart.test.ts',
  'tests/templates/guidance.test.ts',
  'tests/templates/plan-workbook.test.ts',
];
// Files that replace a module with vi.mock: they need a module registry of their own.
const MOCKING = ['tests/node/entries.test.ts', 'tests/sync/intake-guard.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest leaves one core to itself by default, which on a two-core machine runs the files one by one.
    // Most of a file's time is spent in LibreOffice, Chromium or zip I/O, so two files at once use both cores.
    maxWorkers: 2,
    // Each file still runs on its own, but the modules it imports (exceljs, the engine, the sync CLI) are
    // loaded once per worker instead of once per file: that loading cost about two seconds of CPU per file.
    isolate: false,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...OFFICE, ...MOCKING] } },
      { extends: true, test: { name: 'unit-mocking', include: MOCKING, isolate: true } },
      // One LibreOffice runs for the whole project and takes every conversion (tests/soffice-server.ts).
      {
        extends: true,
        test: { name: 'office', include: OFFICE, globalSetup: ['tests/soffice-server.ts'] },
      },
    ],
  },
});
