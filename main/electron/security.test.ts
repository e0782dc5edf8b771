import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '@server/core/content-security-policy';

vi.mock('electron', () => ({ protocol: {}, net: {} }));
const { APP_ORIGIN, CONTENT_SECURITY_POLICY, lockDownContents, secureWebPreferences } =
  await import('./security');
const { resolveRendererFile } = await import('./app-protocol');

describe('window security (docs/architecture.md (Security invariants))', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    // The renderer's one policy (issue 18 item 6: this copy had frame-src twice).
    expect(CONTENT_SECURITY_POLICY).toBe(contentSecurityPolicy('desktop'));
  });

  it('refuses navigation away from the app, new windows and webviews', () => {
    const contents = Object.assign(new EventEmitter(), {
      windowOpenHandler: null as null | (() => { action: string }),
      setWindowOpenHandler(handler: () => { action: string }) {
        this.windowOpenHandler = handler;
      },
    });
    lockDownContents(contents as never);
    const attempt = (event: string, url?: string) => {
      const prevented = { value: false };
      contents.emit(event, { preventDefault: () => (prevented.value = true) }, url);
      return prevented.value;
    };
    expect(attempt('will-navigate', 'https://phish.example/login')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', `${APP_ORIGIN}/reception`)).toBe(false);
    expect(attempt('will-redirect', 'http://10.0.0.9/')).toBe(true);
    expect(attempt('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler!()).toEqual({ action: 'deny' });
  });
});

describe('the app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'assets', 'app-1234.js'), '');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves files, falls back to index.html for client routes, and never leaves the folder', () => {
    expect(resolveRendererFile(dir, '/assets/app-1234.js')).toBe(join(dir, 'assets', 'app-1234.js'));
    expect(resolveRendererFile(dir, '/reception/today')).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, '/assets/missing.js')).toBeNull();
    expect(resolveRendererFile(dir, '/../../etc/passwd')).toBeNull();
    expect(resolveRendererFile(dir, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveRendererFile(dir, '/%E0%A4%A')).toBeNull();
  });
});
