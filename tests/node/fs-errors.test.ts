// A file that cannot be read is told by what the system refused, in words for reading: a permission
// refused is a permission to read, never "cannot write to the folder" nor "the file is read-only".
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReason } from '../../node/fs-errors.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fs-errors-'));
const file = path.join(dir, 'tong-hop.xlsx');
writeFileSync(file, 'x');

describe('why a file could not be read', () => {
  it('says a refused permission is one to read the file, and what to do', () => {
    for (const code of ['EACCES', 'EPERM']) {
      const why = readReason(code, file)!;
      expect(why).toContain('không có quyền đọc tệp "tong-hop.xlsx"');
      expect(why).not.toMatch(/ghi|chỉ đọc/);
    }
  });

  it('says a folder is a folder, a missing path is missing, and leaves an unknown code to the caller', () => {
    expect(readReason('EISDIR', dir)).toBe(
      `"${dir}" là một thư mục, không phải tệp. Hãy ghi rõ đường dẫn đến tệp .xlsx`,
    );
    expect(readReason('ENOENT', file)).toContain(`không có "${file}"`);
    expect(readReason('EWHATEVER', file)).toBeUndefined();
  });
});
