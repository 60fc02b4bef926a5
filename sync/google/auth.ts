// Who the sync is to Google: a service account whose JSON key file comes from --credentials or
// GOOGLE_APPLICATION_CREDENTIALS. The key is checked here, offline, so a wrong or damaged file gets a
// clear message before any request; the key's content never appears in a message.
// `GoogleAccess` is the one seam through which tests hand in another client (an OAuth2 client holding
// a preset access token), since the service-account token endpoint cannot be pointed at a local server.
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadSheets, type JWT, type OAuth2Client } from './api.js';
import { GoogleSyncError } from './errors.js';

export const DRIVE_READONLY_SCOPE = 'https://www.googleapis.com/auth/drive.readonly';
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
/** Pull only reads Drive; push only touches the spreadsheet it is given. */
export const PULL_SCOPES = [DRIVE_READONLY_SCOPE];
export const PUSH_SCOPES = [SHEETS_SCOPE];

export const CREDENTIALS_ENV = 'GOOGLE_APPLICATION_CREDENTIALS';

export interface GoogleAccess {
  auth: OAuth2Client;
  /** The service account's e-mail: what the Drive folder and the Sheet must be shared with. */
  account?: string;
}

const SETUP_HINT =
  'Tạo khóa JSON trong Google Cloud Console (IAM & Admin → Service Accounts → tài khoản → Keys → Add key → JSON).';

/** The key file to use and where its path came from; undefined when none is given. */
export function credentialsPath(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
): { path: string; from: string } | undefined {
  if (option) return { path: option, from: '--credentials' };
  const fromEnv = env[CREDENTIALS_ENV];
  if (fromEnv) return { path: fromEnv, from: `biến môi trường ${CREDENTIALS_ENV}` };
  return undefined;
}

/** Reads and checks a service-account key file and builds its client; makes no request. */
export async function loadServiceAccount(
  file: string,
  scopes: string[],
  from = '--credentials',
): Promise<GoogleAccess & { auth: JWT }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new GoogleSyncError(`Không tìm thấy tệp khóa tài khoản dịch vụ "${file}" (chỉ định qua ${from}).`);
    throw new GoogleSyncError(`Không đọc được tệp khóa tài khoản dịch vụ "${file}" (${code ?? 'lỗi đọc tệp'}).`);
  }
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text around the fault: it could quote the private key.
    throw new GoogleSyncError(`Tệp khóa "${file}" không phải JSON hợp lệ. ${SETUP_HINT}`);
  }
  if (typeof key !== 'object' || key === null)
    throw new GoogleSyncError(`Tệp khóa "${file}" không phải khóa tài khoản dịch vụ. ${SETUP_HINT}`);
  const k = key as Record<string, unknown>;
  if (k.type !== 'service_account') {
    const kind =
      typeof k.type === 'string' && /^[a-z_]{1,40}$/.test(k.type) ? `loại "${k.type}"` : 'không ghi loại khóa';
    throw new GoogleSyncError(
      `Tệp khóa "${file}" ${kind}, không phải khóa tài khoản dịch vụ ("type": "service_account"). ${SETUP_HINT}`,
    );
  }
  const missing = ['client_email', 'private_key'].filter(
    (field) => typeof k[field] !== 'string' || (k[field] as string).trim() === '',
  );
  if (missing.length > 0) throw new GoogleSyncError(`Tệp khóa "${file}" thiếu ${missing.join(', ')}. ${SETUP_HINT}`);
  const email = k.client_email as string;
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new GoogleSyncError(`Tệp khóa "${file}": client_email không phải một địa chỉ e-mail. ${SETUP_HINT}`);
  try {
    createPrivateKey(k.private_key as string);
  } catch {
    throw new GoogleSyncError(
      `Khóa riêng (private_key) trong tệp "${file}" không đọc được: tệp có thể đã bị cắt hoặc sửa. Tải lại khóa JSON. ${SETUP_HINT}`,
    );
  }
  const { auth: googleAuth } = await loadSheets();
  const auth = new googleAuth.JWT({
    email,
    key: k.private_key as string,
    keyId: typeof k.private_key_id === 'string' ? k.private_key_id : undefined,
    scopes,
  });
  return { auth, account: email };
}

/** The injected access when given, else the service account from the key file; a clear error when neither. */
export async function resolveAccess(
  option: string | undefined,
  scopes: string[],
  injected: GoogleAccess | undefined,
  env: NodeJS.ProcessEnv,
): Promise<GoogleAccess> {
  if (injected) return injected;
  const where = credentialsPath(option, env);
  if (!where) {
    throw new GoogleSyncError(
      `Chưa có khóa tài khoản dịch vụ Google: thêm --credentials TỆP_KHÓA.json hoặc đặt biến môi trường ${CREDENTIALS_ENV} trỏ tới tệp khóa. ${SETUP_HINT}`,
    );
  }
  return loadServiceAccount(where.path, scopes, where.from);
}
