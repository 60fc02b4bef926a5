// The error convention, kept by the layout: every command started from package.json reaches the user through
// the one command runner (node/cli.ts), and every error class of the product is either an explained failure
// (a ToldError) or one of the few internal reasons its catcher words for the user.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

/** The files package.json starts with tsx, but the benchmark (a developer's measurement, not a command). */
const entries = Object.entries(pkg.scripts)
  .map(([name, line]) => [name, /^tsx (\S+\.ts)/.exec(line)?.[1]] as const)
  .filter((e): e is readonly [string, string] => e[1] !== undefined && e[0] !== 'bench');

// Thrown and caught inside one module or its caller, which turns them into an issue or a ToldError; and the
// preview's copy of Office's own error, which the pane handles as it handles Office's.
const INTERNAL = new Set([
  'WorkbookReadError',
  'ZipError',
  'XmlTooLarge',
  'CapExceeded',
  'XlsxReadError',
  'MissingSheetPart',
  'FakeOfficeError',
]);

describe('commands', () => {
  it('are found: the secretariat commands and the developer tools', () => {
    expect(entries.map(([name]) => name)).toEqual(
      expect.arrayContaining(['sync', 'templates', 'plan', 'campaign', 'demo', 'addin:package']),
    );
  });

  it.each(entries)('%s (%s) starts through the command runner and exits with its code', (_, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).toMatch(/\brunCommand\(/);
    expect(source).toMatch(/if \(isEntryPoint\(import\.meta\.url\)\)\s*process\.exitCode = await /);
    expect(source).not.toMatch(/process\.exit\(/);
  });

  it('declare no error class that is neither told nor internal', () => {
    const files = ['engine', 'ooxml', 'node', 'sync', 'templates', 'campaign', 'addin'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(dir, f)),
    );
    const classes = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/class (\w+) extends (\w+)/g)]
        .filter(([, , base]) => base!.endsWith('Error') || base === 'Error')
        .map(([, name, base]) => ({ file, name, base })),
    );
    const told = new Set(['ToldError']);
    // Subclasses of subclasses: repeat until no new told class is found.
    for (let size = 0; size !== told.size;) {
      size = told.size;
      for (const c of classes) if (told.has(c.base!)) told.add(c.name!);
    }
    const stray = classes.filter((c) => !told.has(c.name!) && !INTERNAL.has(c.name!) && c.name !== 'ToldError');
    expect(stray).toEqual([]);
  });
});
