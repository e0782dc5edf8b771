import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { createGateway, type Gateway } from './gateway-server';
import type { TrustProxy } from './gateway-trust-proxy';

/**
 * `--gateway-trust-proxy` (security review): only the proxies named (or the hops counted) are
 * believed, so request.ip is the address the nearest trusted proxy saw, never the left-most
 * X-Forwarded-For entry the client wrote; X-Forwarded-Proto (HSTS) follows the same trust.
 * Every connection here comes from 127.0.0.1, which plays the proxy.
 */
let hub: TestHub;
const gateways: Gateway[] = [];
let logins = 0;

beforeAll(async () => {
  hub = await createTestHub();
}, 60_000);

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  hub?.close();
});

async function start(trustProxy: TrustProxy) {
  const gateway = createGateway({
    core: hub.core,
    dispatcher: hub.dispatcher,
    trustProxy,
    authLimit: { max: 2, windowMs: 60_000 },
  });
  gateways.push(gateway);
  const base = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/api/v1`;
  // A login of its own per gateway, so the hub's per-login code throttle never answers first.
  logins += 1;
  const login = `PAT99980${logins}`;
  return {
    ask: async (forwardedFor: string) =>
      (
        await fetch(`${base}/auth/activation-code`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ login }),
        })
      ).status,
    hsts: async (proto: string) =>
      (await fetch(`${base}/me`, { headers: { 'x-forwarded-proto': proto } })).headers.get(
        'strict-transport-security',
      ),
  };
}

/** The reviewer's request: a new made-up left-most entry each time, the real client last. */
const forged = (n: number) => `198.51.100.${n}, 203.0.113.9`;

describe('the gateway behind a trusted proxy', () => {
  for (const [name, trust] of [
    ['the proxy’s address', { addresses: ['127.0.0.1/32', '10.0.0.0/8'] }],
    ['one hop', { hops: 1 }],
  ] as const) {
    it(`trusting ${name}: ignores the forged left-most entry and limits the real client`, async () => {
      const gateway = await start(trust);
      expect([
        await gateway.ask(forged(1)),
        await gateway.ask(forged(2)),
        await gateway.ask(forged(3)),
      ]).toEqual([200, 200, 429]);
      // Another real client behind the same proxy has its own allowance: the address used is
      // the one the proxy saw, not the proxy's own.
      expect(await gateway.ask('203.0.113.10')).toBe(200);
      expect(await gateway.hsts('https')).toBe('max-age=31536000');
      expect(await gateway.hsts('http')).toBeNull();
    });
  }

  it('believes nothing from a peer that is not a trusted proxy: neither the address nor the scheme', async () => {
    const gateway = await start({ addresses: ['10.0.0.0/8'] });
    // Every request counts against 127.0.0.1, whatever the header says.
    expect([
      await gateway.ask('198.51.100.1'),
      await gateway.ask('198.51.100.2'),
      await gateway.ask('198.51.100.3'),
    ]).toEqual([200, 200, 429]);
    expect(await gateway.hsts('https')).toBeNull();
  });
});
