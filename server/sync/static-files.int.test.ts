import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspDirectives } from '@server/core/content-security-policy';
import { callOver, startSocketHub, type SocketTestHub } from '@server/testing/socket-hub';

const INDEX = '<!doctype html><title>Clinic</title><script type="module" src="/assets/app-1a2b.js"></script>';
const DISPLAY = '<!doctype html><title>Waiting room</title>';

/** A raw GET (fetch normalises `..` away; the hub must refuse it when a client does not). */
function get(
  url: string,
  path: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode: the sync port serves the renderer build', () => {
  let root: string;
  let hub: SocketTestHub;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'clinic-static-'));
    const build = join(root, 'renderer');
    mkdirSync(join(build, 'assets'), { recursive: true });
    writeFileSync(join(build, 'index.html'), INDEX);
    writeFileSync(join(build, 'display.html'), DISPLAY);
    writeFileSync(join(build, 'assets', 'app-1a2b.js'), 'console.log("clinic");');
    writeFileSync(join(build, 'assets', 'app-1a2b.css'), 'body{margin:0}');
    writeFileSync(join(root, 'secret.txt'), 'not for browsers');
    hub = await startSocketHub({ rendererDir: build });
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers / with index.html, uncached, under a strict CSP', async () => {
    const res = await get(hub.url, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // The one policy (server/core/content-security-policy.ts), each directive as it says.
    expect(csp.split(';').map((directive) => directive.trim())).toEqual(
      cspDirectives('browser').map(([name, value]) => `${name} ${value}`),
    );
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // Plain HTTP on the LAN: no HSTS (the gateway sends it under TLS).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers client-side routes with index.html (SPA fallback)', async () => {
    for (const path of ['/appointments', '/reception/queue?doctor=1', '/some/deep/route']) {
      const res = await get(hub.url, path);
      expect(res.status, path).toBe(200);
      expect(res.body, path).toBe(INDEX);
    }
  });

  it('answers /display with the waiting-room display entry point', async () => {
    for (const path of ['/display', '/display?code=AB2C-3D4E']) {
      const res = await get(hub.url, path);
      expect(res.status, path).toBe(200);
      expect(res.body, path).toBe(DISPLAY);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets with their content type, cached as immutable', async () => {
    const js = await get(hub.url, '/assets/app-1a2b.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log("clinic");');
    const css = await get(hub.url, '/assets/app-1a2b.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing asset or file, not the app', async () => {
    expect((await get(hub.url, '/assets/gone-9z9z.js')).status).toBe(404);
    expect((await get(hub.url, '/favicon.ico')).status).toBe(404);
  });

  it('never serves files outside the build folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const res = await get(hub.url, path);
      expect(res.body, path).not.toContain('not for browsers');
    }
  });

  it('refuses anything but GET and HEAD', async () => {
    const res = await fetch(`${hub.url}/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });

  it('still speaks Socket.IO on the same port', async () => {
    const socket = await hub.connect({ deviceId: 'browser-1', kind: 'browser' });
    expect(await callOver(socket, 'auth.setupStatus', {})).toMatchObject({ needsSetup: false });
  });
});

describe('without a renderer build', () => {
  it('keeps answering plain HTTP with the sync port’s 404', async () => {
    const hub = await startSocketHub();
    try {
      const res = await get(hub.url, '/');
      expect(res.status).toBe(404);
      expect(res.body).toContain('sync port');
    } finally {
      await hub.close();
    }
  }, 60_000);
});
