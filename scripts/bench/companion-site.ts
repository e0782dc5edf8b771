import { createReadStream, existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { repoRoot } from '@renderer/testing/hub-process';

export interface CompanionSite {
  url: string;
  close(): Promise<void>;
}

export const companionBuild = join(repoRoot, 'dist', 'companion');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

/**
 * The built companion on one origin with the gateway's /api behind it, streamed through (the
 * live channel too), for the queue bench's in-process hub (tests use
 * renderer/testing/companion-phone.ts, where the gateway serves the app itself).
 */
export function serveCompanion(gatewayApi: string): Promise<CompanionSite> {
  const gateway = new URL(gatewayApi);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/api/')) {
      const upstream = httpRequest(
        {
          host: gateway.hostname,
          port: gateway.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
      res.on('close', () => upstream.destroy());
      return;
    }
    const file = join(companionBuild, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    const found = path !== '/' && existsSync(file) ? file : join(companionBuild, 'companion.html');
    res.writeHead(200, { 'content-type': TYPES[extname(found)] ?? 'application/octet-stream' });
    createReadStream(found).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        async close() {
          await new Promise((done) => server.close(done));
          server.closeAllConnections();
        },
      }),
    ),
  );
}
