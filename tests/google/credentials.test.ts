// The service account from its key file: checked offline, built without any request, and never quoted.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceAccount, PULL_SCOPES, PUSH_SCOPES } from '../../sync/google/auth.js';
import { runPull } from '../../sync/google/pull.js';
import { runPush } from '../../sync/google/push.js';
import { CollectingLog } from './harness.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const EMAIL = 'dong-bo@so-cong-thuong.iam.gserviceaccount.com';

async function keyFile(content: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'google-key-'));
  const file = path.join(dir, 'khoa.json');
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('service account credentials', () => {
  it('builds the client from a key file without contacting anyone', async () => {
    const file = await keyFile({
      type: 'service_account',
      client_email: EMAIL,
      private_key: PEM,
      private_key_id: 'k1',
    });
    const access = await loadServiceAccount(file, PULL_SCOPES);
    expect(access.account).toBe(EMAIL);
    expect(access.auth.email).toBe(EMAIL);
    expect(access.auth.scopes).toEqual(PULL_SCOPES);
    // No token was asked for: the client holds none yet.
    expect(access.auth.credentials.access_token).toBeUndefined();
  });

  it('says how to give a key when there is none, with exit code 1', async () => {
    const log = new CollectingLog();
    expect(await runPull({ driveFolder: 'f', inbox: os.tmpdir() }, { log, env: {} })).toBe(1);
    expect(log.text).toContain('--credentials');
    expect(log.text).toContain('GOOGLE_APPLICATION_CREDENTIALS');
  });

  it('takes the key file from GOOGLE_APPLICATION_CREDENTIALS and names it when it is missing', async () => {
    const log = new CollectingLog();
    expect(
      await runPush(
        { sheet: 's', master: 'm.xlsx' },
        { log, env: { GOOGLE_APPLICATION_CREDENTIALS: '/khong/co/khoa.json' } },
      ),
    ).toBe(1);
    expect(log.text).toContain('Không tìm thấy tệp khóa tài khoản dịch vụ "/khong/co/khoa.json"');
  });

  it.each([
    ['not JSON', `{"type": "service_account", "private_key": "${PEM.replace(/\n/g, '\\n')}"`, 'không phải JSON hợp lệ'],
    [
      'another kind of key',
      { type: 'authorized_user', client_secret: 'bi-mat-123', private_key: PEM },
      'không phải khóa tài khoản dịch vụ',
    ],
    [
      'a damaged private key',
      { type: 'service_account', client_email: EMAIL, private_key: PEM.slice(0, 200) },
      'không đọc được',
    ],
    ['no e-mail', { type: 'service_account', private_key: PEM }, 'thiếu client_email'],
  ])('refuses %s with a clear message that quotes no secret', async (_name, content, words) => {
    const file = await keyFile(content);
    const log = new CollectingLog();
    expect(await runPush({ sheet: 's', master: 'm.xlsx', credentials: file }, { log, env: {} })).toBe(1);
    expect(log.text).toContain(words);
    expect(log.text).not.toContain('PRIVATE KEY');
    expect(log.text).not.toContain(PEM.split('\n')[1]!.slice(0, 20));
    expect(log.text).not.toContain('bi-mat-123');
    await expect(loadServiceAccount(file, PUSH_SCOPES)).rejects.toThrow(words);
  });
});
