// Who the sync is to Google, beyond the key file checks of credentials.test.ts: the key file named by
// GOOGLE_APPLICATION_CREDENTIALS is used, a bad key stops before any request, and a token Google
// rejects is reported without being printed.
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auth as googleAuth } from 'googleapis/build/src/apis/sheets/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUSH_SCOPES, resolveAccess } from '../../sync/google/auth.js';
import { runPull } from '../../sync/google/pull.js';
import { runPush } from '../../sync/google/push.js';
import { FOLDER } from './fake-google.js';
import { closeHarness, openHarness, type Harness } from './harness.js';

const EMAIL = 'dong-bo@thi-dua-test.iam.gserviceaccount.com';
const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => closeHarness(h));

async function keyFile(content: unknown): Promise<string> {
  const file = path.join(h.dir, 'khoa.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe('credentials in use', () => {
  it('uses the key file named by GOOGLE_APPLICATION_CREDENTIALS, and --credentials before it', async () => {
    const file = await keyFile({ type: 'service_account', client_email: EMAIL, private_key: PEM });
    const fromEnv = await resolveAccess(undefined, PUSH_SCOPES, undefined, { GOOGLE_APPLICATION_CREDENTIALS: file });
    expect(fromEnv.account).toBe(EMAIL);
    const missing = await resolveAccess(path.join(h.dir, 'khac.json'), PUSH_SCOPES, undefined, {
      GOOGLE_APPLICATION_CREDENTIALS: file,
    }).catch((e: Error) => e.message);
    expect(missing).toContain(
      `Không tìm thấy tệp khóa tài khoản dịch vụ "${path.join(h.dir, 'khac.json')}" (chỉ định qua --credentials)`,
    );
  });

  it('stops on a damaged key before contacting anyone and touches no file', async () => {
    const file = await keyFile({ type: 'service_account', client_email: EMAIL, private_key: PEM.slice(0, 300) });
    const env = { GOOGLE_APPLICATION_CREDENTIALS: file };
    const inbox = path.join(h.dir, 'inbox');
    expect(await runPull({ driveFolder: 'folder-1', inbox }, { log: h.log, env, rootUrl: h.fake.url })).toBe(1);
    expect(
      await runPush({ sheet: 'sheet-1', master: path.join(h.dir, 'm.xlsx') }, { log: h.log, env, rootUrl: h.fake.url }),
    ).toBe(1);
    expect(h.log.lines).toHaveLength(2);
    expect(h.log.lines.every((l) => l.startsWith('Khóa riêng (private_key) trong tệp'))).toBe(true);
    expect(h.log.text).not.toContain(PEM.split('\n')[1]!.slice(0, 16));
    expect(h.fake.requests).toEqual([]);
  });

  it('reports a token Google rejects (401) without printing it', async () => {
    h.fake.addFile({ id: 'folder-1', name: 'Hồ sơ', mimeType: FOLDER, parents: ['root'] });
    const auth = new googleAuth.OAuth2();
    auth.setCredentials({ access_token: 'ya29.SECRET-TOKEN' });
    expect(
      await runPull({ driveFolder: 'folder-1', inbox: path.join(h.dir, 'inbox') }, { ...h.deps, access: { auth } }),
    ).toBe(1);
    expect(h.fake.requests[0]!.authorization).toBe('Bearer ya29.SECRET-TOKEN');
    expect(h.log.text).toContain('Google không chấp nhận thông tin đăng nhập (HTTP 401)');
    expect(h.log.text).not.toContain('SECRET');
  });
});
