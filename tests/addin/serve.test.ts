// addin:serve and addin:preview started while their port is taken (an earlier run still open, another
// program): the command says so in Vietnamese and what to do, not "Lỗi không mong đợi" nor Node's English.
import type http from 'node:http';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../addin/serve.js';
import { failureText } from '../../node/cli.js';

const servers: http.Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

describe('serving the pane on a port already in use', () => {
  it('is told as a port in use, with what to do', async () => {
    const first = await serveStatic(os.tmpdir());
    servers.push(first.server);
    const port = Number(new URL(first.url).port);
    const refused = await serveStatic(os.tmpdir(), port).catch((e: unknown) => e);
    const text = await failureText(refused);
    expect(text).toBe(
      `Không mở được máy chủ tại 127.0.0.1:${port}: cổng ${port} đang được một chương trình khác dùng (có thể lần chạy trước của lệnh này vẫn đang mở). Hãy đóng chương trình đó (hoặc cửa sổ dòng lệnh đang chạy nó) rồi chạy lại.`,
    );
  });
});
