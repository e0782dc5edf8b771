import { describe, expect, it } from 'vitest';
import { helmetDirectives } from '@server/http/http-app';
import { contentSecurityPolicy, cspDirectives, type RendererHost } from './content-security-policy';

const parse = (policy: string) => policy.split('; ').map((d) => d.split(' ')[0]!);

/** Issue 18 item 6: one policy for the desktop app and browser mode, each directive once. */
describe('the renderer’s Content-Security-Policy', () => {
  it('names each directive once, for either host', () => {
    for (const host of ['desktop', 'browser'] as RendererHost[]) {
      const names = parse(contentSecurityPolicy(host));
      expect(new Set(names).size, host).toBe(names.length);
      expect(names).toContain('frame-src');
    }
  });

  it('says exactly this, differing between hosts only in where the page may connect', () => {
    const desktop = Object.fromEntries(cspDirectives('desktop'));
    expect(desktop).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'media-src': "'self' data: blob:",
      'object-src': "'none'",
      'frame-src': "'self' blob:",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(Object.fromEntries(cspDirectives('browser'))).toEqual({
      ...desktop,
      'connect-src': "'self' ws: wss:",
    });
  });

  it('is the policy the hub serves to a browser (through helmet)', () => {
    const hubPolicy = Object.entries(helmetDirectives('browser')).map(([name, values]) => [
      name,
      values.join(' '),
    ]);
    expect(hubPolicy).toEqual(cspDirectives('browser'));
  });
});
