import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run dev:renderer` needs no route of its own for the display: Vite's html fallback answers
// `/display` with `display.html` when it exists (as the hub does, server/sync/static-files.ts).
// This guards it (a config with appType 'custom' or a moved entry would lose it).
let server: ViteDevServer;
let url: string;
// Vite's cache would go to the shared node_modules/.vite: a temporary one, and no pre-bundling.
const cacheDir = mkdtempSync(join(tmpdir(), 'clinic-vite-'));

beforeAll(async () => {
  server = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    cacheDir,
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port: 0, host: '127.0.0.1', hmr: false, proxy: {} },
    logLevel: 'silent',
  });
  await server.listen();
  url = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the Vite dev server (its own html fallback, appType mpa/spa)', () => {
  it('serves the waiting-room display at /display, like the hub, and the staff app at /', async () => {
    for (const path of ['/display', '/display?code=ABCD2345']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain('<title>Waiting room</title>');
      expect(html, path).toContain('/display/main.tsx');
    }
    // The display's own modules are not rewritten.
    const module = await fetch(`${url}/display/main.tsx`);
    expect(module.status).toBe(200);
    expect(await module.text()).not.toContain('<title>');
    expect(await (await fetch(`${url}/`)).text()).not.toContain('<title>Waiting room</title>');
  });
});
