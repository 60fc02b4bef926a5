// The command runner every entry goes through: what a user reads when a command cannot run. An error already
// told in Vietnamese is printed as it is; a system error gets its Vietnamese sentence; anything else says, in
// Vietnamese, that it was unexpected and names the log file holding the original text and stack. No English
// from Node or a library ever reaches the screen.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToldError } from '../../engine/index.js';
import { failureText, runCommand, UsageError } from '../../node/cli.js';
import { fileError } from '../../node/fs-errors.js';
import { MasterError } from '../../sync/documents/master-read.js';
import { explain, GoogleSyncError } from '../../sync/google/errors.js';
import { runPull } from '../../sync/google/pull.js';
import { main as plan } from '../../templates/plan-cli.js';
import { CollectingLog } from '../google/harness.js';
import { runInProcess } from '../run-in-process.js';
import { runSync, tmpDir } from '../sync/inbox.js';
import { ENGLISH, LOG_SENTENCE, namedLog } from './voice.js';

afterEach(() => vi.restoreAllMocks());

async function run(error: unknown) {
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((t: string) => void printed.push(t));
  const code = await runCommand('npm run sync -- x', () => Promise.reject(error));
  return { code, text: printed.join('\n') };
}

describe('an unexpected failure', () => {
  it('is said in Vietnamese with where its details were written, never in its English', async () => {
    const { code, text } = await run(new TypeError("Cannot read properties of null (reading 'theme')"));
    expect(code).toBe(1);
    expect(text).toMatch(/^Lỗi không mong đợi/);
    expect(text).not.toMatch(ENGLISH);
    const log = await namedLog(text);
    expect(log).toContain("TypeError: Cannot read properties of null (reading 'theme')");
    expect(log).toMatch(/\n\s+at /);
  });

  it('is unexpected even when a plain Error happens to be worded in Vietnamese: only ToldError is told', async () => {
    const { text } = await run(new Error('Không có cột "Họ và tên"'));
    expect(text).toMatch(/^Lỗi không mong đợi/);
    expect(await namedLog(text)).toContain('Không có cột "Họ và tên"');
  });

  it('keeps what was thrown that is not an Error at all', async () => {
    const { text } = await run('chuỗi lạ');
    expect(text).toMatch(/^Lỗi không mong đợi/);
    expect(await namedLog(text)).toContain('chuỗi lạ');
  });
});

describe('a failure already told in Vietnamese', () => {
  it.each([
    ['ToldError', new ToldError('Sổ tổng hợp đang mở trong Excel.')],
    ['UsageError', new UsageError('Sổ tổng hợp đang mở trong Excel.')],
    ['MasterError', new MasterError('Sổ tổng hợp đang mở trong Excel.')],
    ['GoogleSyncError', new GoogleSyncError('Sổ tổng hợp đang mở trong Excel.')],
  ])('(%s) is printed as it is, exit 1, with no log when there is nothing underneath', async (_, error) => {
    const { code, text } = await run(error);
    expect(code).toBe(1);
    expect(text.split('\n')[0]).toBe('Sổ tổng hợp đang mở trong Excel.');
    expect(text).not.toMatch(LOG_SENTENCE);
  });

  it('a usage mistake is followed by how to call the command', async () => {
    const { text } = await run(new UsageError('Thiếu --out.'));
    expect(text).toBe('Thiếu --out.\nCách dùng: npm run sync -- x');
  });

  it('keeps the library error underneath for the log, not the screen', async () => {
    const zip = new Error("Can't find end of central directory : is this a zip file ?");
    const { text } = await run(fileError(zip, 'đọc được sổ tổng hợp', '/srv/tong-hop.xlsx'));
    expect(text).toContain('Không đọc được sổ tổng hợp "/srv/tong-hop.xlsx"');
    expect(text).not.toMatch(ENGLISH);
    expect(await namedLog(text)).toContain('is this a zip file');
  });
});

describe('a system error no code explained', () => {
  it.each([
    ['EACCES', 'không có quyền ghi'],
    ['ENOSPC', 'đã đầy'],
    ['EROFS', 'chỉ cho đọc'],
    ['ENOENT', 'không có'],
    ['EISDIR', 'là một thư mục'],
    ['EBUSY', 'đang được chương trình khác mở'],
  ])('%s is translated with its path, its English kept for the log', async (code, words) => {
    const target = '/srv/van-ban/to-trinh';
    const error = Object.assign(new Error(`${code}: permission denied, mkdir '${target}'`), {
      code,
      path: target,
      syscall: 'mkdir',
    });
    const { text } = await run(error);
    expect(text).toContain(`"${target}"`);
    expect(text).toContain(words);
    expect(text).not.toMatch(ENGLISH);
    expect(await namedLog(text)).toContain(`${code}: permission denied`);
  });

  it('an errno with no Vietnamese sentence is unexpected, not shown raw', async () => {
    const error = Object.assign(new Error("ELOOP: too many symbolic links encountered, open '/srv/a'"), {
      code: 'ELOOP',
      path: '/srv/a',
    });
    const { text } = await run(error);
    expect(text).toMatch(/^Lỗi không mong đợi/);
    expect(text).not.toContain('too many');
  });
});

describe('how a command was called', () => {
  it.each([
    [['merge', '--inbok', 'x'], 'Không có tham số "--inbok"'],
    [['merge', '--inbox'], 'Tham số "--inbox" cần một giá trị'],
    [['merge', 'hop-thu'], 'Thừa "hop-thu"'],
    [['merge', '--include-late=1'], 'Tham số "--include-late" không nhận giá trị'],
    [['gop'], 'Không có lệnh "gop"'],
  ])('%j is told in Vietnamese with the usage, exit 1', async (argv, words) => {
    const r = await runSync(argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain('Cách dùng');
    expect(r.stderr).not.toMatch(ENGLISH);
  });
});

describe('a Google command', () => {
  it('words a failure neither Google nor the network explains in Vietnamese, its own text in the log', async () => {
    const error = explain(new Error('socket hang up in a way nobody knows'), {
      kind: 'file',
      id: 'id-a',
      name: 'A.xlsx',
    });
    const text = await failureText(error);
    expect(text).toContain('Lỗi chưa biết khi truy cập tệp "A.xlsx"');
    expect(text).not.toContain('socket');
    expect(await namedLog(text)).toContain('socket hang up in a way nobody knows');
  });

  it('tells an unexpected failure through its own log in the same Vietnamese, its English in the log file', async () => {
    const log = new CollectingLog();
    const access = {
      account: 'dong-bo@thi-dua-test.iam.gserviceaccount.com',
      get auth(): never {
        throw new TypeError("Cannot read properties of undefined (reading 'request')");
      },
    };
    const code = await runPull({ driveFolder: 'ma-thu-muc', inbox: tmpDir('pull-fault') }, { access, log, env: {} });
    expect(code).toBe(1);
    expect(log.text).toMatch(/^Lỗi không mong đợi/);
    expect(log.text).not.toMatch(ENGLISH);
    expect(await namedLog(log.text)).toContain("(reading 'request')");
  });
});

describe('a file that is not the workbook its name says', () => {
  const notAWorkbook = (name: string) => {
    const file = path.join(tmpDir('not-a-workbook'), name);
    writeFileSync(file, 'không phải sổ Excel');
    return file;
  };

  it("as the award register of a merge: told in Vietnamese, the reader's English in the log", async () => {
    const register = notAWorkbook('so-theo-doi.xlsx');
    const dir = tmpDir('register-fault');
    const inbox = path.join(dir, 'hop-thu');
    mkdirSync(inbox);
    const r = await runSync([
      'merge',
      '--inbox',
      inbox,
      '--out',
      path.join(dir, 'tong-hop.xlsx'),
      '--register',
      register,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Không đọc được sổ theo dõi khen thưởng "${register}"`);
    expect(r.stderr).not.toMatch(ENGLISH);
    await namedLog(r.stderr);
  });

  it('as the plan workbook to check: told in Vietnamese', async () => {
    const file = notAWorkbook('Ke-hoach.xlsx');
    const r = await runInProcess(plan, ['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Tệp kế hoạch "${file}" không mở được như sổ Excel`);
    expect(r.stderr).not.toMatch(ENGLISH);
  });
});
