import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { createGateway, type Gateway, type GatewayOptions } from './gateway-server';

let hub: TestHub;
const gateways: Gateway[] = [];

beforeAll(async () => {
  hub = await createTestHub();
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  hub?.close();
});

async function start(options: Partial<GatewayOptions> = {}): Promise<{ url: string; port: number }> {
  const gateway = createGateway({ core: hub.core, dispatcher: hub.dispatcher, ...options });
  gateways.push(gateway);
  const port = await gateway.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, port };
}

const accessControl = (headers: Headers) =>
  [...headers.keys()].filter((name) => name.startsWith('access-control-'));

/** A browser's preflight for a bearer-token POST from `origin`. */
const preflight = (url: string, origin: string) =>
  fetch(`${url}/api/v1/auth/login`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });

describe('the gateway’s limits', () => {
  it('sends no CORS headers at all unless origins are configured, then only to those', async () => {
    const closed = await start();
    expect(accessControl((await preflight(closed.url, 'https://app.example.com')).headers)).toEqual([]);
    const plain = await fetch(`${closed.url}/api/v1/me`, { headers: { origin: 'https://app.example.com' } });
    expect(accessControl(plain.headers)).toEqual([]);

    const open = await start({ corsOrigins: ['https://app.example.com'] });
    const allowed = await preflight(open.url, 'https://app.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/^authorization, ?content-type$/);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await fetch(`${open.url}/api/v1/me`, { headers: { origin: 'https://app.example.com' } });
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(answer.headers.get('access-control-expose-headers')).toBe('retry-after');
    const other = await preflight(open.url, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a body over 64 KiB with 413 and the error body', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'PAT000001', password: 'x'.repeat(65 * 1024), deviceId: 'd' }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: ApiError };
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toEqual(expect.any(String));
  });

  it('cuts a request that is sent too slowly (408, connection closed)', async () => {
    const { port } = await start({
      limits: { requestTimeoutMs: 600, headersTimeoutMs: 600, timeoutCheckIntervalMs: 100 },
    });
    // Headers sent, then a body that never comes: the request timeout ends it.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
            'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"login":',
        );
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // In the one error body the app reads everywhere (framework-errors.ts), not Node's own.
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };
    expect(body.error.code).toBe('VALIDATION');
    // Bounded: without the gateway's own timeout this would wait for Node's default minutes.
  }, 10_000);
});
