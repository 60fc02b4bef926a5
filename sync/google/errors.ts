// Turning what Google answers into a Vietnamese sentence the secretariat can act on. Only the HTTP
// status, Google's reason code and Google's own short message are read from an error: never the request
// (its headers carry the access token) nor anything of the key file.

import { ToldError } from '../../engine/told-error.js';

/** A failure already explained in Vietnamese: print its message as is and stop. */
export class GoogleSyncError extends ToldError {
  override name = 'GoogleSyncError';
  /** True when Google kept failing in a way that may pass (quota, 5xx, network): stop, try later. */
  constructor(
    message: string,
    readonly transient = false,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** What a request was about, so the message can name it. */
export interface Target {
  kind: 'folder' | 'file' | 'sheet';
  id: string;
  /** File name on Drive, for files. */
  name?: string;
  /** The service account's e-mail, when known: the address to share with. */
  account?: string;
}

/** The parts of a failed request that decide what to say and whether to try again. */
export interface ErrorFacts {
  status?: number;
  /** Google's machine-readable reason: `rateLimitExceeded`, `RESOURCE_EXHAUSTED`, `invalid_grant`… */
  reason?: string;
  /** Google's own message, short. */
  apiMessage?: string;
  retryAfterMs?: number;
  /** Node's code for a connection failure (ECONNRESET, ENOTFOUND…). */
  networkCode?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

function parseBody(data: unknown): Json | undefined {
  if (isObject(data)) return data;
  if (typeof data !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function readHeader(headers: unknown, name: string): string | undefined {
  if (!isObject(headers)) return undefined;
  if (typeof headers.get === 'function') return (headers.get as (n: string) => string | null)(name) ?? undefined;
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a gaxios error (or any error) without touching its request config. */
export function errorFacts(err: unknown): ErrorFacts {
  if (!isObject(err)) return {};
  const response = isObject(err.response) ? err.response : undefined;
  const status =
    typeof response?.status === 'number' ? response.status : typeof err.status === 'number' ? err.status : undefined;
  const facts: ErrorFacts = {};
  if (status !== undefined) facts.status = status;
  const body = parseBody(response?.data);
  const apiError = body?.error;
  if (isObject(apiError)) {
    const first = Array.isArray(apiError.errors) ? (apiError.errors[0] as unknown) : undefined;
    const reason =
      isObject(first) && typeof first.reason === 'string'
        ? first.reason
        : typeof apiError.status === 'string'
          ? apiError.status
          : undefined;
    if (reason) facts.reason = reason;
    if (typeof apiError.message === 'string') facts.apiMessage = apiError.message.slice(0, 300);
  } else if (typeof apiError === 'string') {
    // The OAuth token endpoint answers {error: 'invalid_grant', error_description: '…'}.
    facts.reason = apiError;
    if (typeof body?.error_description === 'string') facts.apiMessage = body.error_description.slice(0, 300);
  }
  const retryAfter = Number(readHeader(response?.headers, 'retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter >= 0) facts.retryAfterMs = retryAfter * 1000;
  const code =
    typeof err.code === 'string'
      ? err.code
      : isObject(err.cause) && typeof err.cause.code === 'string'
        ? err.cause.code
        : undefined;
  if (status === undefined && code) facts.networkCode = code;
  return facts;
}

// Drive signals per-user rate limits with 403 and these reasons; Google asks clients to back off and retry.
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RESOURCE_EXHAUSTED', 'quotaExceeded']);
const TRANSIENT_NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'ECONNABORTED',
]);

const isQuota = (f: ErrorFacts): boolean => f.status === 429 || (f.reason !== undefined && RATE_REASONS.has(f.reason));

/** 429, 5xx, Drive's rate-limit 403s and dropped connections are worth another try. */
export function isRetryable(f: ErrorFacts): boolean {
  if (isQuota(f)) return true;
  if (f.status !== undefined) return f.status >= 500;
  return f.networkCode !== undefined && TRANSIENT_NETWORK.has(f.networkCode);
}

function describe(t: Target): string {
  if (t.kind === 'folder') return `thư mục Drive "${t.id}"`;
  if (t.kind === 'sheet') return `bảng tính Google "${t.id}"`;
  return `tệp "${t.name ?? t.id}" (mã ${t.id}) trên Drive`;
}

function shareAdvice(t: Target): string {
  const who = t.account ? `tài khoản dịch vụ ${t.account}` : 'tài khoản dịch vụ (địa chỉ client_email trong tệp khóa)';
  if (t.kind === 'sheet') return `Hãy chia sẻ bảng tính cho ${who} với quyền Người chỉnh sửa.`;
  return `Hãy chia sẻ thư mục cho ${who} với quyền Người xem.`;
}

const ID_HINT: Record<Target['kind'], string> = {
  folder: 'mã thư mục là phần sau "/folders/" trong đường dẫn',
  sheet: 'mã bảng tính là phần giữa "/d/" và "/edit" trong đường dẫn',
  file: 'tệp có thể vừa bị xóa khỏi thư mục',
};

/** The Vietnamese explanation of a failed request to Google. `attempts` counts the tries made. */
export function explain(err: unknown, target: Target, attempts = 1): GoogleSyncError {
  if (err instanceof GoogleSyncError) return err;
  const f = errorFacts(err);
  const message = explainFacts(f, target, attempts);
  // An error neither Google's nor the network's: its own words go to the log (`cause`), not the screen.
  if (message === undefined) return new GoogleSyncError(unknownFailure(target, attempts), isRetryable(f), err);
  return new GoogleSyncError(message, isRetryable(f));
}

const unknownFailure = (target: Target, attempts: number) =>
  `Lỗi chưa biết khi truy cập ${describe(target)}${attempts > 1 ? `, đã thử ${attempts} lần` : ''}. Kiểm tra kết nối mạng rồi chạy lại; nếu vẫn lỗi, hãy gửi tệp chi tiết kỹ thuật nêu sau đây cho người hỗ trợ.`;

function explainFacts(f: ErrorFacts, target: Target, attempts: number): string | undefined {
  const t = describe(target);
  const tries = attempts > 1 ? `, đã thử ${attempts} lần` : '';
  const api = target.kind === 'sheet' ? 'Google Sheets API' : 'Google Drive API';
  if (f.reason === 'invalid_grant' || f.reason === 'invalid_client' || f.reason === 'unauthorized_client') {
    return `Google không cấp quyền cho khóa tài khoản dịch vụ (${f.reason}) khi truy cập ${t}: khóa có thể đã bị xóa hoặc thu hồi, hoặc đồng hồ máy tính bị lệch giờ. Tạo khóa mới trong Google Cloud Console rồi chỉ đến nó bằng --credentials.`;
  }
  if (isQuota(f)) {
    return `Google báo vượt hạn mức sử dụng API (quota, HTTP ${f.status ?? 429}) khi truy cập ${t}${tries}. Đợi vài phút rồi chạy lại lệnh.`;
  }
  if (f.status === 401) {
    return `Google không chấp nhận thông tin đăng nhập (HTTP 401) khi truy cập ${t}: khóa tài khoản dịch vụ có thể đã bị xóa hoặc thu hồi. Tạo khóa mới rồi chỉ đến nó bằng --credentials.`;
  }
  if (
    f.status === 403 &&
    (f.reason === 'accessNotConfigured' ||
      f.reason === 'SERVICE_DISABLED' ||
      /has not been used|is disabled/i.test(f.apiMessage ?? ''))
  ) {
    return `${api} chưa được bật cho dự án Google Cloud của tài khoản dịch vụ (HTTP 403). Bật "${api}" trong Google Cloud Console (APIs & Services → Library) rồi chạy lại.`;
  }
  if (f.reason === 'exportSizeLimitExceeded') {
    return `${t} quá lớn để Google xuất ra .xlsx (HTTP 403): mở nó trong Google Trang tính, chọn Tệp → Tải xuống → Microsoft Excel (.xlsx) rồi chép tệp vào inbox.`;
  }
  if (f.status === 403) return `Không có quyền truy cập ${t} (HTTP 403). ${shareAdvice(target)}`;
  if (f.status === 404) {
    return `Không tìm thấy ${t} (HTTP 404): kiểm tra lại mã (${ID_HINT[target.kind]}). Google cũng trả lời "không tìm thấy" khi chưa được chia sẻ. ${shareAdvice(target)}`;
  }
  if (f.status !== undefined && f.status >= 500) {
    return `Máy chủ Google trả lỗi HTTP ${f.status} khi truy cập ${t}${tries}. Thử lại sau ít phút.`;
  }
  if (f.status !== undefined) {
    return `Google từ chối yêu cầu tới ${t} (HTTP ${f.status})${f.apiMessage ? `: ${f.apiMessage}` : '.'}`;
  }
  if (f.networkCode) {
    return `Không kết nối được tới Google (${f.networkCode}) khi truy cập ${t}${tries}: kiểm tra kết nối mạng rồi chạy lại.`;
  }
  return undefined;
}
