import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/**
 * The built game, served as files from one folder: `index.html` at `/`, every other file by its path, with
 * its content type. No directory listings, nothing outside the folder (not through `..`, encoded slashes or
 * links), and a plain 404 for anything else.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

export function siteHandler(folder: string) {
  const root = resolve(folder);
  let realRoot: Promise<string | null> | null = null;
  const rootPath = () => (realRoot ??= realpath(root).catch(() => null));

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const file = await fileFor(req.url ?? '/', await rootPath());
    if (!file) return plain(res, 404, 'Not found');
    const headers: Record<string, string | number> = {
      'Content-Type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': file.size,
      // Vite names what it builds into assets/ by its content: those never change; everything else is checked each time.
      'Cache-Control': file.path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/** The regular file a request names inside the site's folder, or null. */
async function fileFor(url: string, root: string | null): Promise<{ path: string; size: number } | null> {
  if (!root) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://site.invalid').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/') pathname = '/index.html';
  const wanted = resolve(root, `.${pathname}`);
  if (!wanted.startsWith(root + sep)) return null;
  try {
    // Through links too: what is served must really be inside the folder.
    const real = await realpath(wanted);
    if (!real.startsWith(root + sep)) return null;
    const found = await stat(real);
    return found.isFile() ? { path: real, size: found.size } : null;
  } catch {
    return null;
  }
}

export function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(`${text}\n`);
}
