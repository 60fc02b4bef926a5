// What clerks really pick by mistake gets its own message: an empty file, the lock file beside an open workbook.
import { describe, expect, it } from 'vitest';
import { formatIssue, screenBytes, screenIssue, screenName, screenSize, type Refused } from '../../engine/index.js';

const message = (name: string, r: ReturnType<typeof screenName>) => formatIssue(screenIssue(name, r as Refused));

describe('files that are not a workbook at all', () => {
  it.each(['~$H-BATO.xlsx', '.~lock.H-BATO.xlsx#', 'C:\\\\Hồ sơ\\\\~$H-BATO.xlsx'])(
    '%s is named a lock file',
    (name) => {
      const r = screenName(name);
      expect(r).toMatchObject({ ok: false, code: 'FILE_UNREADABLE', params: { reason: 'lockFile' } });
      expect(message(name, r)).toContain('tệp khóa tạm');
    },
  );

  it('a 0-byte file is said to be empty, by its size and by its bytes alike', () => {
    expect(screenSize(0)).toMatchObject({ ok: false, params: { reason: 'empty' } });
    expect(screenBytes(new Uint8Array(0))).toEqual(screenSize(0));
    expect(message('a.xlsx', screenSize(0))).toContain('Tệp rỗng (0 byte)');
  });

  it('an ordinary name passes', () => {
    expect(screenName('H-BATO.xlsx').ok).toBe(true);
    expect(screenName('H-BATO~$.xlsx').ok).toBe(true);
  });
});
