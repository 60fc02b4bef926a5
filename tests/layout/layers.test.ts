// The layering rule of eslint.config.js, exercised: an import that crosses a layer the wrong way fails the
// build, and the right way passes. Without this the rule could silently stop matching after a move.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function violations(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers', () => {
  it('keeps the engine free of Node, host libraries and every other layer', async () => {
    const found = await violations(
      'engine/example.ts',
      [
        "import fs from 'node:fs';",
        "import ExcelJS from 'exceljs';",
        "import { writeAtomic } from '../node/atomic.js';",
        "import { merge } from '../sync/merge.js';",
        'export const all = [fs, ExcelJS, writeAtomic, merge];',
      ].join('\n'),
    );
    expect(found).toHaveLength(4);
  });

  it('keeps the package layer pure: the engine, but no Node, host library or Node layer', async () => {
    const ok = await violations(
      'ooxml/example.ts',
      "import { ERROR_FILL } from '../engine/index.js';\nexport const e = ERROR_FILL;",
    );
    expect(ok).toEqual([]);
    const bad = await violations(
      'ooxml/example.ts',
      [
        "import zlib from 'node:zlib';",
        "import ExcelJS from 'exceljs';",
        "import { readXlsxGrid } from '../node/xlsx-grid.js';",
        'export const all = [zlib, ExcelJS, readXlsxGrid];',
      ].join('\n'),
    );
    expect(bad).toHaveLength(3);
  });

  it('keeps sample and demo data out of product code', async () => {
    for (const file of ['sync/example.ts', 'templates/example.ts', 'addin/example.ts', 'node/example.ts']) {
      const found = await violations(
        file,
        "import { validRowFor } from '../dev/sample/rows.js';\nexport const f = validRowFor;",
      );
      expect(found, file).toHaveLength(1);
    }
  });

  it('lets the task pane use the engine but not Node or the sync layer', async () => {
    const ok = await violations(
      'addin/src/example.ts',
      "import { checkWorkbook } from '../../engine/index.js';\nexport const c = checkWorkbook;",
    );
    expect(ok).toEqual([]);
    const bad = await violations(
      'addin/src/example.ts',
      "import { loadPlan } from '../../node/plan-file.js';\nimport path from 'node:path';\nexport const b = [loadPlan, path];",
    );
    expect(bad).toHaveLength(2);
  });

  it('lets products build on the engine and the Node layer', async () => {
    const found = await violations(
      'sync/example.ts',
      "import { loadPlan } from '../node/plan-file.js';\nimport { checkWorkbook } from '../engine/index.js';\nexport const s = [loadPlan, checkWorkbook];",
    );
    expect(found).toEqual([]);
  });

  it('keeps the checker page and the preview, both browser pages, free of Node and the commands', async () => {
    for (const file of ['addin/checker/example.ts', 'addin/preview/example.ts']) {
      const found = await violations(
        file,
        "import fs from 'node:fs';\nimport { merge } from '../../sync/merge.js';\nexport const x = [fs, merge];",
      );
      expect(found, file).toHaveLength(2);
      const ok = await violations(
        file,
        "import { cellAddress } from '../../engine/cells.js';\nexport const c = cellAddress;",
      );
      expect(ok, file).toEqual([]);
    }
  });
});
