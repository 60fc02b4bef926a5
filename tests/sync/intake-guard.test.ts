// One file's content that trips a fault in the checks costs that file, never the run: it is refused
// with FILE_UNREADABLE saying in Vietnamese what went wrong and what to do, and the other files merge.
// The library's own English is kept for the report's `detail` only, never in what a clerk reads.
import { describe, expect, it, vi } from 'vitest';
import { formatIssue } from '../../engine/index.js';
import { merge } from '../../sync/merge.js';
import { buildReport } from '../../sync/report.js';
import { PLAN, tmpDir, unit, writeInbox } from './inbox.js';

// The fault is simulated: every input that once threw is fixed and tested where it belongs.
vi.mock('../../engine/index.js', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../engine/index.js')>();
  return {
    ...engine,
    checkWorkbook: (...args: Parameters<typeof engine.checkWorkbook>) => {
      if (args[2]?.file === 'H-BATO.xlsx') throw new RangeError('Invalid time value');
      return engine.checkWorkbook(...args);
    },
  };
});

describe('a fault while checking one file', () => {
  it('refuses that file, saying why, and merges the others', async () => {
    const inbox = tmpDir('inbox-fault');
    await writeInbox(inbox, [unit('H-BATO'), unit('SCT-VP')]);
    const result = await merge({ plan: PLAN, inbox });
    const bato = result.files.find((f) => f.file === 'H-BATO.xlsx')!;
    expect(bato).toMatchObject({ status: 'rejected', fileIssues: [{ code: 'FILE_UNREADABLE' }] });
    const told = formatIssue(bato.fileIssues[0]!);
    expect(told).toContain('gặp lỗi khi đọc nội dung');
    expect(told).toContain('Rồi gửi lại tệp .xlsx.');
    expect(told).not.toMatch(/RangeError|Invalid time value/);
    const reported = buildReport(result).files.find((f) => f.file === 'H-BATO.xlsx')!;
    expect(reported.error).toEqual({
      code: 'FILE_UNREADABLE',
      message: told,
      detail: 'RangeError: Invalid time value',
    });
    expect(result.files.find((f) => f.file === 'SCT-VP.xlsx')!.status).toBe('accepted');
    expect(result.nominations.every((n) => n.unit === 'SCT-VP')).toBe(true);
    expect(result.nominations.length).toBeGreaterThan(0);
  });
});
