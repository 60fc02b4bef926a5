// The member → requirement set table against Microsoft's reference as shipped in @types/office-js, whose
// comments carry "[Api set: ExcelApi 1.x]" for every member: a wrong line in the table would let the
// stand-in accept a call that an older Excel refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCEL_API } from '../../addin/src/api-sets.js';

const dts = readFileSync('node_modules/@types/office-js/index.d.ts', 'utf8');
const excel = dts.slice(dts.indexOf('declare namespace Excel {'));

const lastDoc = (text: string) => text.slice(text.lastIndexOf('/**'));

/** The doc comment above a member of the first `class X` of namespace Excel, or the class's own when the
 *  member's names no set (as for a collection's `items`). */
function docOf(cls: string, member: string): string {
  const start = excel.search(new RegExp(`\\n    class ${cls} extends `));
  expect(start, `class Excel.${cls}`).toBeGreaterThan(0);
  const body = excel.slice(start, excel.indexOf('\n    }\n', start));
  const decl = new RegExp(`\\n        (readonly )?${member}[(:?<]`).exec(body);
  expect(decl, `Excel.${cls}.${member}`).not.toBeNull();
  const doc = lastDoc(body.slice(0, decl!.index));
  return doc.includes('[Api set:') ? doc : lastDoc(excel.slice(0, start));
}

describe('the ExcelApi table of the add-in', () => {
  it.each(Object.entries(EXCEL_API))('%s needs ExcelApi %s, as the reference says', (key, version) => {
    const m = /^(\w+)\.(\w+)(=|\((\w+)\))?$/.exec(key)!;
    const [, cls, member, suffix, param] = m;
    const doc = docOf(cls!, member!);
    if (suffix === '=') {
      expect(doc).toMatch(new RegExp(`\\[Api set: ExcelApi [\\d.]+ for reading \\w+; ${version} for setting it`));
    } else if (param) {
      expect(doc).toMatch(new RegExp(`@param ${param} [^\\n]*\\[Api set: ExcelApi ${version}\\]`));
    } else {
      expect(doc).toMatch(new RegExp(`\\[Api set: ExcelApi ${version}( |\\])`));
    }
  });
});
