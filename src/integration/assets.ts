// The files a site's runnable cells and timelines load at run time (Pyodide, the fixtures, the
// interpreter snapshot under /pyodide/; Mermaid under /mermaid/<version>/), for a Starlight site
// that added the plugin. They are written to a folder of the cache, not to the site's public/
// folder (nothing is added to the repository): the dev server serves them from there, and a build
// copies them into its output.
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MERMAID_BASE } from '../components/mermaid-module.ts';

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json',
  '.zip': 'application/zip', '.gz': 'application/gzip', '.yaml': 'text/yaml', '.txt': 'text/plain',
};

/** The folders below the assets folder that are served. */
const SERVED = ['/pyodide/', `${MERMAID_BASE}/`];

/** The file under `dir` a request names, when it is one of the served folders and stays inside `dir`. */
export function servedFile(dir: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    return null;
  }
  const file = normalize(join(dir, path));
  // Inside a served folder once `..` and encoded separators are resolved, not only by the text it starts with.
  if (!SERVED.some((folder) => file.startsWith(normalize(join(dir, folder)).replace(/[\/]+$/, '') + sep))) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Connect middleware for the dev server. */
export function serveRunAssets(dir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const file = req.url ? servedFile(dir, req.url) : null;
    if (!file) return next();
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    createReadStream(file).pipe(res);
  };
}

/** Copies the assets into a build's output folder. */
export function copyRunAssets(dir: string, outDir: string): void {
  if (existsSync(dir)) cpSync(dir, outDir, { recursive: true });
}
