import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '@server/core/content-security-policy';

/**
 * Browser mode (docs/architecture.md (The contract)): the LAN sync port also serves the built renderer, so a browser on the
 * LAN (or a test) opens the staff app from the hub and talks to it over Socket.IO on the same origin.
 *
 * - `/assets/*` are Vite's content-hashed files: cached for a year, immutable; a missing one is 404.
 * - Any other GET that is not a file answers index.html (the SPA's client-side routes), never cached.
 * - Every answer carries the renderer's Content-Security-Policy (server/core/content-security-policy.ts,
 *   the desktop app's too), here with connections to the hub over Socket.IO (ws:/wss:).
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('browser');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Serves `rootDir` (a Vite build with index.html) as a single-page app. */
export function createStaticHandler(rootDir: string): StaticHandler {
  const root = resolve(rootDir);
  const indexFile = join(root, 'index.html');
  const displayFile = join(root, 'display.html');
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://hub').pathname);
    } catch {
      return plain(res, 400, 'Bad request');
    }
    if (pathname.includes('\0')) return plain(res, 400, 'Bad request');
    const file = resolve(root, `.${pathname}`);
    // Outside the build folder (e.g. an encoded ../): refused, whatever exists there.
    if (file !== root && !file.startsWith(root + sep)) return plain(res, 404, 'Not found');
    if (isFile(file)) {
      const immutable = pathname.startsWith('/assets/');
      return send(req, res, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing asset (or any file-like path) is a real 404, not the app.
    if (pathname.startsWith('/assets/') || extname(pathname) !== '') return plain(res, 404, 'Not found');
    // The waiting-room display's own entry point (renderer/display.html).
    if ((pathname === '/display' || pathname.startsWith('/display/')) && isFile(displayFile)) {
      return send(req, res, displayFile, 'no-cache');
    }
    if (!isFile(indexFile))
      return plain(res, 404, 'The staff app has not been built (npm run build:renderer).');
    return send(req, res, indexFile, 'no-cache');
  };
}

/** The build folder to serve by default: `dist/renderer` of this checkout, when it has been built. */
export function defaultRendererDir(repoRoot: string): string | undefined {
  const dir = join(repoRoot, 'dist', 'renderer');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function send(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): void {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': statSync(file).size,
    'cache-control': cacheControl,
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function plain(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra });
  res.end(message);
}
