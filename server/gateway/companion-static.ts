import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '@shared/gateway/api-prefix';
import { sendError } from './http-errors';

/** The companion's built page (vite.companion.config.ts): every app path answers it. */
export const COMPANION_PAGE = 'companion.html';

/**
 * The companion app's pages, not the API's: scripts and the service worker from the gateway's
 * own files only, styles inline because Chakra UI (emotion) injects <style> elements at run time,
 * and connections to the gateway itself (the API, the live channel, Web Push subscriptions go
 * through the browser's push service, not the page).
 */
export const COMPANION_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  // PDFs the app fetched (prescription, receipt, slip) open from a blob: URL.
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built companion app (dist/companion) at the gateway's root (docs/architecture.md,
 * the patient gateway). Vite's hashed /assets/* are cached for a year; the page, the service
 * worker and the manifest are revalidated each time, so an update reaches phones on their next
 * start. Any other path without a file extension is one of the app's own routes and answers the
 * page. /api/* never falls back to the page: an unknown API path stays the API's JSON 404.
 */
export function serveCompanion(app: FastifyInstance, rootDir: string): void {
  const root = resolve(rootDir);
  void app.register(fastifyStatic, {
    root,
    serve: false,
    cacheControl: false,
    setHeaders(reply, file) {
      if (/\.m?js$/i.test(file)) reply.header('content-type', 'text/javascript; charset=utf-8');
      if (file.endsWith('.webmanifest')) reply.header('content-type', 'application/manifest+json');
    },
  });
  const answer = (request: FastifyRequest, reply: FastifyReply) => servePath(root, request, reply);
  app.get('/', answer);
  app.get('/*', answer);
}

function servePath(root: string, request: FastifyRequest, reply: FastifyReply) {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url, 'http://gateway').pathname);
  } catch {
    return sendError(reply, { code: 'VALIDATION', message: 'The address is not valid.' });
  }
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith(`${API_PREFIX}/`)) {
    return sendError(reply, { code: 'NOT_FOUND', message: 'No such page in the clinic’s patient API.' });
  }
  const file = resolve(root, `.${pathname}`);
  // A path that leaves the build folder (an encoded ../) is simply not there.
  if (file !== root && !file.startsWith(root + sep)) return notFound(reply);
  // Over the API's policy (helmet's, set for every answer): the page's own.
  reply.header('content-security-policy', COMPANION_CSP);
  if (pathname !== '/' && isFile(file)) {
    reply.header('cache-control', pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    return reply.sendFile(file.slice(root.length + 1));
  }
  if (pathname.startsWith('/assets/') || extname(pathname) !== '') return notFound(reply);
  if (!isFile(join(root, COMPANION_PAGE))) {
    return reply
      .code(404)
      .type('text/plain; charset=utf-8')
      .send('The companion app has not been built (npm run build:companion).');
  }
  return reply.header('cache-control', 'no-cache').sendFile(COMPANION_PAGE);
}

function notFound(reply: FastifyReply) {
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
}

/** The build to serve by default: `dist/companion` of this checkout, when it has been built. */
export function defaultCompanionDir(repoRoot: string): string | undefined {
  const dir = join(repoRoot, 'dist', 'companion');
  return existsSync(join(dir, COMPANION_PAGE)) ? dir : undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
