import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@server/core/content-security-policy';
import { createHttpApp, DEFAULT_BODY_LIMIT_BYTES } from './http-app';

const logger = pino({ level: 'silent' });

/** The hub's HTTP defaults, shared by its listeners (requests injected, no port opened). */
describe('the hub’s HTTP app', () => {
  it('sends the security headers, the renderer’s policy for pages, and no HSTS over plain HTTP', async () => {
    const app = createHttpApp({ logger, rendererPolicy: 'browser' });
    app.get('/', () => 'page');
    const res = await app.inject({ url: '/' });
    expect(res.headers['content-security-policy']).toBe(
      contentSecurityPolicy('browser').replaceAll('; ', ';'),
    );
    expect(res.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(app.server.requestTimeout).toBe(300_000);
    await app.close();
  });

  it('sends HSTS when asked (TLS) and no CSP without a renderer policy', async () => {
    const app = createHttpApp({ logger, hsts: true });
    app.get('/', () => ({ ok: true }));
    const res = await app.inject({ url: '/' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toBeUndefined();
    await app.close();
  });

  it('refuses a body above the limit with 413', async () => {
    const app = createHttpApp({ logger });
    app.post('/', (request) => ({ got: Object.keys(request.body as object).length }));
    const small = await app.inject({ method: 'POST', url: '/', payload: { a: 1 } });
    expect(small.json()).toEqual({ got: 1 });
    const big = await app.inject({
      method: 'POST',
      url: '/',
      payload: { a: 'x'.repeat(DEFAULT_BODY_LIMIT_BYTES) },
    });
    expect(big.statusCode).toBe(413);
    await app.close();
  });
});
