// `sync pull` against the fake Drive: what lands in the inbox, with which names and times, and what the
// secretariat reads when Google refuses, fails or throttles.
import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../sync/google/limits.js';
import { runPull } from '../../sync/google/pull.js';
import { STATE_FILE } from '../../sync/google/state.js';
import { FOLDER, GOOGLE_SHEET, googleError, TEST_TOKEN, XLSX } from './fake-google.js';
import { ACCOUNT, closeHarness, openHarness, type Harness } from './harness.js';

let h: Harness;
let inbox: string;
beforeEach(async () => {
  h = await openHarness();
  inbox = path.join(h.dir, 'inbox');
  h.fake.addFile({ id: 'folder-1', name: 'Hồ sơ thi đua 2021', mimeType: FOLDER, parents: ['root'] });
});
afterEach(() => closeHarness(h));

const bytes = (text: string) => Buffer.from(`PK-fake-xlsx ${text}`);
const pull = () => runPull({ driveFolder: 'folder-1', inbox }, h.deps);
const listRequests = () => h.fake.requests.filter((r) => r.path === '/drive/v3/files');
const visibleFiles = async () => (await readdir(inbox)).filter((f) => !f.startsWith('.')).sort();

function addUnits(): void {
  h.fake.addFile({
    id: 'id-binhson',
    name: 'H-BINHSON.xlsx',
    mimeType: XLSX,
    content: bytes('binh son'),
    modifiedTime: '2021-04-15T17:30:00.000Z',
  });
  h.fake.addFile({
    id: 'id-lyson',
    name: 'H-LYSON.xlsx',
    mimeType: XLSX,
    content: bytes('ly son'),
    modifiedTime: '2021-04-12T01:00:00.000Z',
  });
  h.fake.addFile({
    id: 'id-native',
    name: 'TP-QUANGNGAI',
    mimeType: GOOGLE_SHEET,
    content: bytes('exported'),
    modifiedTime: '2021-04-14T08:15:00.000Z',
  });
  h.fake.addFile({
    id: 'id-xls',
    name: 'H-BATO.xls',
    mimeType: 'application/vnd.ms-excel',
    content: bytes('old excel'),
  });
  h.fake.addFile({ id: 'id-pdf', name: 'Tờ trình.pdf', mimeType: 'application/pdf', content: bytes('pdf') });
  h.fake.addFile({ id: 'id-sub', name: 'Ảnh', mimeType: FOLDER });
  h.fake.addFile({
    id: 'id-other-folder',
    name: 'Khác.xlsx',
    mimeType: XLSX,
    content: bytes('elsewhere'),
    parents: ['folder-2'],
  });
}

describe('pull', () => {
  it('pages through the folder, downloads workbooks, exports native Sheets and skips the rest', async () => {
    addUnits();
    expect(await pull()).toBe(0);

    expect(listRequests().length).toBeGreaterThanOrEqual(3);
    expect(
      listRequests()
        .slice(1)
        .every((r) => r.query.get('pageToken')),
    ).toBe(true);
    expect(listRequests()[0]!.query.get('q')).toBe("'folder-1' in parents and trashed = false");
    expect(listRequests()[0]!.query.get('includeItemsFromAllDrives')).toBe('true');
    expect(h.fake.requests.every((r) => r.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true);

    expect(await visibleFiles()).toEqual(['H-BATO.xls', 'H-BINHSON.xlsx', 'H-LYSON.xlsx', 'TP-QUANGNGAI.xlsx']);
    expect(await readFile(path.join(inbox, 'H-BINHSON.xlsx'))).toEqual(bytes('binh son'));
    expect(await readFile(path.join(inbox, 'TP-QUANGNGAI.xlsx'))).toEqual(bytes('exported'));
    const exportRequest = h.fake.downloads('id-native')[0]!;
    expect(exportRequest.path).toBe('/drive/v3/files/id-native/export');
    expect(exportRequest.query.get('mimeType')).toBe(XLSX);

    expect(h.log.text).toContain('Bỏ qua: "Tờ trình.pdf" — không phải bảng tính');
    expect(h.log.text).toContain('Bỏ qua: "Ảnh" — thư mục con');
    expect(h.log.text).toMatch(/Xuất từ Google Trang tính: TP-QUANGNGAI\.xlsx/);
    expect(h.log.text).toMatch(/Tải về: H-BINHSON\.xlsx \(\d+ byte, sửa trên Drive lúc 00:30 16\/04\/2021/);
    expect(h.log.text).toContain('Kết quả: 4 tải về, 0 không đổi, 2 bỏ qua, 0 từ chối, 0 lỗi.');
    expect((await readdir(inbox)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('stamps each file with its Drive modifiedTime so merge sees when it was received', async () => {
    addUnits();
    await pull();
    expect((await stat(path.join(inbox, 'H-BINHSON.xlsx'))).mtime.toISOString()).toBe('2021-04-15T17:30:00.000Z');
    expect((await stat(path.join(inbox, 'TP-QUANGNGAI.xlsx'))).mtime.toISOString()).toBe('2021-04-14T08:15:00.000Z');
    expect(h.log.text).toMatch(/H-BINHSON\.xlsx .*sau hạn nộp/);
    expect(h.log.text).not.toMatch(/H-LYSON\.xlsx .*sau hạn nộp/);
  });

  it('skips unchanged files on the next pull, fetches changed or locally missing ones, never deletes', async () => {
    addUnits();
    await pull();
    const first = h.fake.downloads().length;
    expect(first).toBe(4);

    h.log.lines.length = 0;
    expect(await pull()).toBe(0);
    expect(h.fake.downloads().length).toBe(first);
    expect(h.log.text).toContain('Kết quả: 0 tải về, 4 không đổi');

    const lyson = h.fake.files.get('id-lyson')!;
    lyson.content = bytes('ly son, sửa lần 2');
    lyson.modifiedTime = '2021-04-13T02:00:00.000Z';
    h.fake.files.get('id-native')!.modifiedTime = '2021-04-15T01:00:00.000Z';
    await unlink(path.join(inbox, 'H-BINHSON.xlsx'));
    h.fake.files.delete('id-xls');
    await pull();
    expect(h.fake.downloads().length).toBe(first + 3);
    expect(h.fake.downloads('id-lyson')).toHaveLength(2);
    expect(h.fake.downloads('id-native')).toHaveLength(2);
    expect(h.fake.downloads('id-binhson')).toHaveLength(2);
    expect(await readFile(path.join(inbox, 'H-LYSON.xlsx'))).toEqual(bytes('ly son, sửa lần 2'));
    expect(await visibleFiles()).toContain('H-BATO.xls');

    const state = JSON.parse(await readFile(path.join(inbox, STATE_FILE), 'utf8'));
    expect(state.files['id-lyson']).toMatchObject({ name: 'H-LYSON.xlsx', modifiedTime: '2021-04-13T02:00:00.000Z' });
  });

  it('keeps two Drive files of the same name apart and never overwrites a file it did not pull', async () => {
    h.fake.addFile({ id: 'aaaaaaaa1111', name: 'Hồ sơ.xlsx', mimeType: XLSX, content: bytes('first') });
    h.fake.addFile({ id: 'bbbbbbbb2222', name: 'Hồ sơ.xlsx', mimeType: XLSX, content: bytes('second') });
    h.fake.addFile({ id: 'cccccccc3333', name: 'H-SONHA.xlsx', mimeType: XLSX, content: bytes('drive copy') });
    await runPull({ driveFolder: 'folder-1', inbox }, h.deps); // creates the inbox
    await writeFile(path.join(inbox, 'H-MODUC.xlsx'), 'from e-mail');
    h.fake.addFile({ id: 'dddddddd4444', name: 'H-MODUC.xlsx', mimeType: XLSX, content: bytes('drive moduc') });

    expect(await pull()).toBe(0);
    expect(await visibleFiles()).toEqual([
      'H-MODUC (dddddddd).xlsx',
      'H-MODUC.xlsx',
      'H-SONHA.xlsx',
      'Hồ sơ (bbbbbbbb).xlsx',
      'Hồ sơ.xlsx',
    ]);
    expect(await readFile(path.join(inbox, 'H-MODUC.xlsx'), 'utf8')).toBe('from e-mail');
    expect(await readFile(path.join(inbox, 'Hồ sơ.xlsx'))).toEqual(bytes('first'));
    expect(await readFile(path.join(inbox, 'Hồ sơ (bbbbbbbb).xlsx'))).toEqual(bytes('second'));
    expect(h.log.text).toContain('trùng tên với tệp khác nên thêm mã Drive');

    // Each Drive file stays tied to its own local name on the next pull.
    h.fake.files.get('bbbbbbbb2222')!.content = bytes('second, v2');
    h.fake.files.get('bbbbbbbb2222')!.modifiedTime = '2021-04-11T00:00:00.000Z';
    await pull();
    expect(await readFile(path.join(inbox, 'Hồ sơ.xlsx'))).toEqual(bytes('first'));
    expect(await readFile(path.join(inbox, 'Hồ sơ (bbbbbbbb).xlsx'))).toEqual(bytes('second, v2'));
  });

  it('refuses a file over the size cap before downloading it', async () => {
    h.fake.addFile({
      id: 'id-big',
      name: 'H-TRABONG.xlsx',
      mimeType: XLSX,
      content: bytes('big'),
      reportedSize: MAX_FILE_BYTES + 1,
    });
    h.fake.addFile({ id: 'id-small', name: 'H-SONTAY.xlsx', mimeType: XLSX, content: bytes('small') });
    expect(await pull()).toBe(2);
    expect(h.fake.downloads('id-big')).toEqual([]);
    expect(await visibleFiles()).toEqual(['H-SONTAY.xlsx']);
    expect(h.log.text).toMatch(/Từ chối: "H-TRABONG\.xlsx" — 20,0 MB, quá giới hạn 20,0 MB; không tải/);
  });

  it('stops an export that grows past the size cap and leaves nothing behind', async () => {
    h.fake.addFile({
      id: 'id-huge',
      name: 'H-MINHLONG',
      mimeType: GOOGLE_SHEET,
      content: Buffer.alloc(MAX_FILE_BYTES + 1024, 1),
    });
    expect(await pull()).toBe(2);
    expect(await readdir(inbox)).toEqual([STATE_FILE]);
    expect(h.log.text).toContain('Từ chối: "H-MINHLONG" — hơn 20,0 MB khi tải');
  });

  it('retries 429 and 5xx answers with backoff, then succeeds', async () => {
    h.fake.addFile({ id: 'id-a', name: 'H-TUNGHIA.xlsx', mimeType: XLSX, content: bytes('tu nghia') });
    h.fake.fail('GET', /^\/drive\/v3\/files$/, 429, 2, googleError(429, 'Rate limit', 'rateLimitExceeded'), {
      'retry-after': '0',
    });
    h.fake.fail('GET', /^\/drive\/v3\/files\/id-a$/, 503, 1);
    expect(await pull()).toBe(0);
    expect(await readFile(path.join(inbox, 'H-TUNGHIA.xlsx'))).toEqual(bytes('tu nghia'));
    expect(listRequests()).toHaveLength(3);
    expect(h.log.text).toContain('Google trả HTTP 429, thử lại sau');
    expect(h.log.text).toContain('Google trả HTTP 503, thử lại sau');
  });

  it('gives up on a persistent 500 with a clear message and exit code 1', async () => {
    h.fake.addFile({ id: 'id-a', name: 'H-TUNGHIA.xlsx', mimeType: XLSX, content: bytes('tu nghia') });
    h.fake.fail('GET', /^\/drive\/v3\/files$/, 500, 100);
    expect(await pull()).toBe(1);
    expect(listRequests()).toHaveLength(4);
    expect(h.log.lines.at(-1)).toBe(
      'Máy chủ Google trả lỗi HTTP 500 khi truy cập thư mục Drive "folder-1", đã thử 4 lần. Thử lại sau ít phút.',
    );
    expect(h.fake.downloads()).toEqual([]);
  });

  it('stops when the quota stays exhausted during downloads, keeping what was already pulled', async () => {
    h.fake.addFile({ id: 'id-a', name: 'A.xlsx', mimeType: XLSX, content: bytes('a') });
    h.fake.addFile({ id: 'id-b', name: 'B.xlsx', mimeType: XLSX, content: bytes('b') });
    h.fake.fail('GET', /^\/drive\/v3\/files\/id-b$/, 429, 100);
    expect(await pull()).toBe(1);
    expect(await visibleFiles()).toEqual(['A.xlsx']);
    expect(h.log.lines.at(-1)).toMatch(
      /^Google báo vượt hạn mức sử dụng API \(quota, HTTP 429\) khi truy cập tệp "B\.xlsx".*Đợi vài phút/,
    );
    h.log.lines.length = 0;
    await pull();
    expect(h.fake.downloads('id-a')).toHaveLength(1);
  });

  it('says in Vietnamese to share the folder with the service account on 403', async () => {
    h.fake.fail(
      'GET',
      /^\/drive\/v3\/files\/folder-1$/,
      403,
      1,
      googleError(403, 'The user does not have sufficient permissions for this file.', 'insufficientFilePermissions'),
    );
    expect(await pull()).toBe(1);
    expect(h.log.text).toBe(
      `Không có quyền truy cập thư mục Drive "folder-1" (HTTP 403). Hãy chia sẻ thư mục cho tài khoản dịch vụ ${ACCOUNT} với quyền Người xem.`,
    );
  });

  it('explains a folder that does not exist (404) and an id that is a file, not a folder', async () => {
    expect(await runPull({ driveFolder: 'no-such-folder', inbox }, h.deps)).toBe(1);
    expect(h.log.text).toContain('Không tìm thấy thư mục Drive "no-such-folder" (HTTP 404)');
    expect(h.log.text).toContain(`chia sẻ thư mục cho tài khoản dịch vụ ${ACCOUNT}`);

    h.log.lines.length = 0;
    h.fake.addFile({ id: 'id-file', name: 'H-BINHSON.xlsx', mimeType: XLSX, content: bytes('x') });
    expect(await runPull({ driveFolder: 'id-file', inbox }, h.deps)).toBe(1);
    expect(h.log.text).toContain('là tệp "H-BINHSON.xlsx", không phải thư mục Drive');
  });

  it('takes the folder from an address pasted from the browser and refuses text that is not an id', async () => {
    h.fake.addFile({ id: 'id-a', name: 'A.xlsx', mimeType: XLSX, content: bytes('a') });
    expect(
      await runPull({ driveFolder: 'https://drive.google.com/drive/u/0/folders/folder-1?usp=sharing', inbox }, h.deps),
    ).toBe(0);
    expect(await visibleFiles()).toEqual(['A.xlsx']);

    const asked = h.fake.requests.length;
    expect(await runPull({ driveFolder: "folder-1' or name contains 'x", inbox }, h.deps)).toBe(1);
    expect(h.log.lines.at(-1)).toContain('không phải mã thư mục Google Drive');
    expect(h.fake.requests).toHaveLength(asked);
  });

  it('reports a file Drive will not serve and goes on with the others (exit 2)', async () => {
    h.fake.addFile({ id: 'id-a', name: 'A.xlsx', mimeType: XLSX, content: bytes('a') });
    h.fake.addFile({ id: 'id-b', name: 'B.xlsx', mimeType: XLSX, content: bytes('b') });
    h.fake.fail(
      'GET',
      /^\/drive\/v3\/files\/id-a$/,
      403,
      1,
      googleError(403, 'This file cannot be downloaded', 'cannotDownloadFile'),
    );
    expect(await pull()).toBe(2);
    expect(await visibleFiles()).toEqual(['B.xlsx']);
    expect(h.log.text).toContain('Lỗi: Không có quyền truy cập tệp "A.xlsx" (mã id-a) trên Drive (HTTP 403)');
    expect(h.log.text).toContain('1 tải về, 0 không đổi, 0 bỏ qua, 0 từ chối, 1 lỗi.');
  });

  it('cuts a download that stalls (after the headers, or before), retries it, reports it, and pulls the others', async () => {
    h.fake.addFile({ id: 'id-a', name: 'A.xlsx', mimeType: XLSX, content: bytes('a') });
    h.fake.addFile({ id: 'id-b', name: 'B.xlsx', mimeType: XLSX, content: bytes('b') });
    h.fake.addFile({ id: 'id-c', name: 'C.xlsx', mimeType: XLSX, content: bytes('c') });
    h.fake.stall(/^\/drive\/v3\/files\/id-a$/, 'after-headers');
    h.fake.stall(/^\/drive\/v3\/files\/id-b$/, 'silent', 1);
    const deps = { ...h.deps, retry: { ...h.deps.retry!, stallMs: 300 } };
    expect(await runPull({ driveFolder: 'folder-1', inbox }, deps)).toBe(2);
    expect(await visibleFiles()).toEqual(['B.xlsx', 'C.xlsx']);
    expect(await readFile(path.join(inbox, 'B.xlsx'))).toEqual(bytes('b'));
    expect(h.fake.downloads('id-a')).toHaveLength(4);
    expect(h.log.text).toContain('Lỗi: Tải "A.xlsx" bị treo: Drive không gửi dữ liệu');
    expect(h.log.text).toContain('1 lỗi.');
    expect((await readdir(inbox)).filter((f) => f.endsWith('.part'))).toEqual([]);
  }, 30_000);

  it('gives a stalled file up once its stall budget is spent (not after every try), and pulls it next time', async () => {
    h.fake.addFile({ id: 'id-a', name: 'A.xlsx', mimeType: XLSX, content: bytes('a') });
    h.fake.addFile({ id: 'id-c', name: 'C.xlsx', mimeType: XLSX, content: bytes('c') });
    h.fake.stall(/^\/drive\/v3\/files\/id-a$/, 'after-headers', 3);
    // Three tries and a tenth may go silent in all, whatever the retries allow (as a minute does by default).
    const retry = { ...h.deps.retry!, retries: 10, stallMs: 300, stallBudgetMs: 700 };
    expect(await runPull({ driveFolder: 'folder-1', inbox }, { ...h.deps, retry })).toBe(2);
    expect(h.fake.downloads('id-a')).toHaveLength(3);
    expect(await visibleFiles()).toEqual(['C.xlsx']);
    expect(h.log.text).toContain('Lỗi: Tải "A.xlsx" bị treo');
    expect(h.log.text).toContain('chạy lại lệnh pull');
    // The next pull tries it again.
    expect(await runPull({ driveFolder: 'folder-1', inbox }, { ...h.deps, retry })).toBe(0);
    expect(await readFile(path.join(inbox, 'A.xlsx'))).toEqual(bytes('a'));
  }, 30_000);

  it('shortens a Drive name too long for the disk and goes on', async () => {
    const long = `Hồ sơ khen thưởng ${'Ước Ượt Ưởng '.repeat(30)}.xlsx`;
    h.fake.addFile({ id: 'id-long', name: long, mimeType: XLSX, content: bytes('long') });
    h.fake.addFile({ id: 'id-z', name: 'Z.xlsx', mimeType: XLSX, content: bytes('z') });
    expect(await pull()).toBe(0);
    const names = await visibleFiles();
    expect(names).toHaveLength(2);
    const short = names.find((n) => n.startsWith('Hồ sơ khen thưởng'))!;
    expect(short.endsWith('.xlsx')).toBe(true);
    expect(Buffer.byteLength(short)).toBeLessThanOrEqual(200);
    expect(await readFile(path.join(inbox, short))).toEqual(bytes('long'));
    expect(names).toContain('Z.xlsx');
    // The next pull finds it under its shortened name.
    h.log.lines.length = 0;
    expect(await pull()).toBe(0);
    expect(h.log.text).toContain('2 không đổi');
  });
});
