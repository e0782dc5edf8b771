import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayOn } from '@server/gateway/testing/patient-app';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { COMPANION_CSP } from './companion-static';

let hub: TestHub;
let origin: string;
let close: () => Promise<void>;
const buildDir = mkdtempSync(join(tmpdir(), 'clinic-companion-'));

beforeAll(async () => {
  mkdirSync(join(buildDir, 'assets'));
  writeFileSync(join(buildDir, 'companion.html'), '<!doctype html><title>Clinic app</title>');
  writeFileSync(join(buildDir, 'assets', 'companion-abc123.js'), 'console.log(1)');
  writeFileSync(join(buildDir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(join(buildDir, 'manifest.webmanifest'), '{"name":"Clinic"}');
  hub = await createTestHub();
  const gateway = await gatewayOn(hub, { companionDir: buildDir });
  origin = gateway.api.replace('/api/v1', '');
  close = () => gateway.close();
}, 60_000);

afterAll(async () => {
  await close?.();
  hub?.close();
  rmSync(buildDir, { recursive: true, force: true });
});

describe('the gateway serves the companion app at its root', () => {
  it('answers the app page for its own routes, under the app’s policy, never cached', async () => {
    for (const path of ['/', '/appointments/42', '/welcome']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('Clinic app');
      expect(response.headers.get('content-security-policy')).toBe(COMPANION_CSP);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year and the service worker and manifest revalidated', async () => {
    const asset = await fetch(`${origin}/assets/companion-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const worker = await fetch(`${origin}/sw.js`);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const manifest = await fetch(`${origin}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
  });

  it('keeps the API’s JSON 404 and never answers a missing file with the page', async () => {
    const api = await fetch(`${origin}/api/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/logo.png`)).status).toBe(404);
    // An encoded ../ (sent as is: fetch would tidy the path first) leaves nothing to serve.
    expect(await rawStatus(`${origin}/..%2f..%2f..%2fetc%2fpasswd`)).toBe(404);
    // The API itself is unchanged by the app beside it.
    expect((await fetch(`${origin}/api/v1/me`)).status).toBe(401);
  });
});

function rawStatus(url: string): Promise<number> {
  const { host, port } = new URL(url);
  const path = url.slice(url.indexOf('/', 'http://'.length));
  return new Promise((resolve, reject) => {
    get({ host: host.split(':')[0], port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}
