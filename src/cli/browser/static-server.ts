// A tiny static file server for dist/, on loopback, for the browser tests and the bench. It answers
// as a static host such as GitHub Pages does (Last-Modified, a ten-minute max-age, 304 on a
// revalidation), so a second page of the site finds Pyodide in the browser's cache as a reader's would.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
  '.ipynb': 'application/x-ipynb+json', '.zip': 'application/zip', '.png': 'image/png',
  '.pf_meta': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

export async function serveDirectory(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const modified = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000);
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'last-modified': modified.toUTCString(),
      'cache-control': 'max-age=600',
    };
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (!Number.isNaN(since) && modified.getTime() <= since) return void res.writeHead(304, headers).end();
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
