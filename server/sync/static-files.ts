import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Browser mode (docs/architecture.md (The contract)): the LAN sync port also serves the built renderer, so a browser on the
 * LAN (or a test) opens the staff app from the hub and talks to it over Socket.IO on the same origin.
 *
 * - `/assets/*` are Vite's content-hashed files: cached for a year, immutable; a missing one is 404.
 * - Any other GET that is not a file answers index.html (the SPA's client-side routes), never cached.
 * - Every answer carries the renderer's Content-Security-Policy and the other security headers
 *   (server/http/http-app.ts).
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Serves `rootDir` (a Vite build with index.html) as a single-page app on `app`. */
export function serveRendererBuild(app: FastifyInstance, rootDir: string): void {
  const root = resolve(rootDir);
  const assets = join(root, 'assets') + sep;
  void app.register(fastifyStatic, {
    root,
    // `/` is the SPA fallback's (below), like every client-side route.
    index: false,
    redirect: false,
    cacheControl: false,
    setHeaders(reply, file) {
      reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE : 'no-cache');
      // RFC 9239's type for scripts (the mime table still says application/javascript).
      if (/\.m?js$/i.test(file)) reply.header('content-type', 'text/javascript; charset=utf-8');
    },
  });
  app.get('/', (request, reply) => fallback(root, request, reply));
  app.setNotFoundHandler((request, reply) => fallback(root, request, reply));
  // A path that leaves the build folder (an encoded ../, say) is simply not there.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) throw error;
    return status === 403 ? plain(reply, 404, 'Not found') : plain(reply, status, error.message);
  });
}

/** No such file: the waiting-room display's or the staff app's page, or a real 404. */
function fallback(root: string, request: FastifyRequest, reply: FastifyReply) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(reply.header('allow', 'GET, HEAD'), 405, 'Method not allowed');
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url, 'http://hub').pathname);
  } catch {
    return plain(reply, 400, 'Bad request');
  }
  // A missing asset (or any file-like path) is a real 404, not the app.
  if (pathname.startsWith('/assets/') || extname(pathname) !== '') return plain(reply, 404, 'Not found');
  // The waiting-room display's own entry point (renderer/display.html).
  if ((pathname === '/display' || pathname.startsWith('/display/')) && isFile(join(root, 'display.html'))) {
    return reply.sendFile('display.html');
  }
  if (!isFile(join(root, 'index.html'))) {
    return plain(reply, 404, 'The staff app has not been built (npm run build:renderer).');
  }
  return reply.sendFile('index.html');
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

function plain(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).type('text/plain; charset=utf-8').send(message);
}
