// The function-length rule of eslint.config.js, exercised: product code reads as titled steps of a screen each
// (at most 60 lines, blank lines and comments not counted), tests are free of it, and every exemption says why.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const PRODUCT_FOLDERS = ['engine', 'ooxml', 'node', 'sync', 'templates', 'campaign', 'addin', 'dev'];
const RULE = 'max-lines-per-function';

/** A function of `lines` counted lines, its signature and closing brace included; `spaced` adds a blank line
 *  and a comment after every statement, which the rule does not count. */
const functionOf = (lines: number, spaced = false): string => {
  const step = spaced ? ['  n++;', '', '  // why this step'] : ['  n++;'];
  const steps = Array.from({ length: lines - 4 }, () => step).flat();
  return ['export function step(): number {', '  let n = 0;', ...steps, '  return n;', '}'].join('\n');
};

async function tooLong(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.some((m) => m.ruleId === RULE);
}

describe('function length', () => {
  it('refuses a 61-line function in every product folder and accepts one of 60', async () => {
    for (const folder of PRODUCT_FOLDERS) {
      const file = `${folder}/example.ts`;
      expect(await tooLong(file, functionOf(61)), file).toBe(true);
      expect(await tooLong(file, functionOf(60)), file).toBe(false);
    }
  });

  it('does not count blank lines and comments', async () => {
    expect(await tooLong('sync/example.ts', functionOf(60, true))).toBe(false);
    expect(await tooLong('sync/example.ts', functionOf(61, true))).toBe(true);
  });

  it('counts an immediately invoked function as a function', async () => {
    const body = functionOf(61).replace('export function step(): number {', '(function (): number {');
    expect(await tooLong('sync/example.ts', `${body.replace(/\}$/, '})();')}\nexport {};`)).toBe(true);
  });

  it('leaves tests free of it', async () => {
    expect(await tooLong('tests/sync/example.test.ts', functionOf(120))).toBe(false);
  });

  it('has every exemption in product code say why', async () => {
    const exemptions: string[] = [];
    for (const folder of PRODUCT_FOLDERS)
      for (const file of await fs.readdir(folder, { recursive: true }))
        if (file.endsWith('.ts')) {
          const text = await fs.readFile(path.join(folder, file), 'utf8');
          for (const line of text.split('\n'))
            if (line.includes(`eslint-disable-next-line ${RULE}`)) exemptions.push(line);
        }
    expect(exemptions.length).toBeGreaterThan(0);
    for (const line of exemptions) expect(line, line).toMatch(new RegExp(`${RULE} -- \\S.{10,}`));
  });
});
