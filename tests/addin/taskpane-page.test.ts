// The page's own script runs in Internet Explorer (Office 2016/2019 volume): it must be plain ES5.
import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const html = readFileSync('addin/taskpane.html', 'utf8');
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

describe('taskpane.html', () => {
  it('has one inline script, written in ES5, before the bundle', () => {
    expect(inline).toHaveLength(1);
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('<script src="taskpane.js">'));
    const messages = new Linter().verify(inline[0]!, {
      languageOptions: { ecmaVersion: 5, sourceType: 'script' },
    });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });
});
