// npm run addin:serve — the built task pane over HTTPS on https://localhost:3000 (office-addin-dev-certs),
// where the manifest's SourceLocation points, for sideloading. serveStatic also serves the preview
// (dev/preview.ts) and the browser tests over plain HTTP on 127.0.0.1.
import { promises as fs } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { ToldError } from '../engine/told-error.js';
import { isEntryPoint, runCommand } from '../node/cli.js';
import { build, DIST } from './build.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

function handler(root: string): http.RequestListener {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname);
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res
        .writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
    }
  };
}

/** Serves `root` over HTTP on 127.0.0.1 (port 0: any free port); resolves with the server and its URL. */
export async function serveStatic(root: string, port = 0): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler(root));
  await listening(server, port, '127.0.0.1');
  const address = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${address.port}` };
}

async function main(): Promise<number> {
  const root = await build(DIST);
  // Trusts a localhost certificate for Office; on first use it may ask to install it.
  const devCerts = await import('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  await listening(https.createServer(options, handler(root)), 3000, 'localhost');
  console.log('Add-in đang chạy tại https://localhost:3000/taskpane.html (Ctrl+C để dừng)');
  return 0;
}

/** Resolves once the server listens; a port already taken rejects told in Vietnamese, anything else as it is. */
const listening = (server: http.Server, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    const refused = (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? portInUse(host, port) : e);
    server.once('error', refused);
    server.listen(port, host, () => {
      server.off('error', refused);
      resolve();
    });
  });

// Most often the command's own earlier run, left open in another window.
const portInUse = (host: string, port: number) =>
  new ToldError(
    `Không mở được máy chủ tại ${host}:${port}: cổng ${port} đang được một chương trình khác dùng (có thể lần chạy trước của lệnh này vẫn đang mở). Hãy đóng chương trình đó (hoặc cửa sổ dòng lệnh đang chạy nó) rồi chạy lại.`,
  );

if (isEntryPoint(import.meta.url)) process.exitCode = await runCommand('npm run addin:serve', main);
