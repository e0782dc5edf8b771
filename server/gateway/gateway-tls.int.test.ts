import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { createGateway, type Gateway } from './gateway-server';
import { replaceByRename, throwawayCert, type ThrowawayCert } from './testing/tls-certs';

let hub: TestHub;
let dir: string;
let first: ThrowawayCert;
let second: ThrowawayCert;
const gateways: Gateway[] = [];

beforeAll(async () => {
  hub = await createTestHub();
  dir = mkdtempSync(join(tmpdir(), 'clinic-gateway-tls-'));
  first = throwawayCert(dir, 'first');
  second = throwawayCert(dir, 'second');
});

afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The certificate a new TLS connection to the port is shown (both test certificates trusted). */
function servedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, ca: [first.cert, second.cert] }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

/** GET over HTTPS trusting only `ca`: the status and headers (the body is read and dropped). */
function httpsGet(url: string, ca: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(url, { ca, headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls (bounded) until `check` holds; no fixed sleep decides the outcome. */
async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function start(options: Partial<Parameters<typeof createGateway>[0]> = {}) {
  const gateway = createGateway({ core: hub.core, dispatcher: hub.dispatcher, ...options });
  gateways.push(gateway);
  return { gateway, port: await gateway.listen(0, '127.0.0.1') };
}

describe('the gateway over TLS', () => {
  it('serves HTTPS with the given pair, and a renewed pair on new connections without a restart', async () => {
    const certFile = join(dir, 'gateway.crt');
    const keyFile = join(dir, 'gateway.key');
    writeFileSync(certFile, first.cert);
    writeFileSync(keyFile, first.key);
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const { gateway, port } = await start({ tls: { certFile, keyFile, settleMs: 50 }, logger });
    expect(gateway.secure).toBe(true);
    expect(await servedFingerprint(port)).toBe(first.fingerprint);
    const answer = await httpsGet(`https://127.0.0.1:${port}/api/v1/me`, first.cert);
    expect(answer.status).toBe(401);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');

    // A half-written renewal (a certificate without its key yet) keeps the pair in use.
    replaceByRename(certFile, second.cert);
    await waitFor(() => warnings.some((line) => line.includes('not the key')), 'the warning');
    expect(await servedFingerprint(port)).toBe(first.fingerprint);

    // The renewal completes: new connections get the new certificate.
    replaceByRename(keyFile, second.key);
    await waitFor(async () => (await servedFingerprint(port)) === second.fingerprint, 'the new certificate');
    expect((await httpsGet(`https://127.0.0.1:${port}/api/v1/me`, second.cert)).status).toBe(401);

    // Garbage in place of the certificate: warned about, and the renewed pair stays.
    replaceByRename(certFile, '-----BEGIN CERTIFICATE-----\ntruncated');
    await waitFor(() => warnings.some((line) => line.includes('is not a PEM certificate')), 'the warning');
    expect(await servedFingerprint(port)).toBe(second.fingerprint);
  });

  it('refuses to start with a key that is not the certificate’s', () => {
    const certFile = join(dir, 'mismatched.crt');
    const keyFile = join(dir, 'mismatched.key');
    writeFileSync(certFile, first.cert);
    writeFileSync(keyFile, second.key);
    expect(() =>
      createGateway({ core: hub.core, dispatcher: hub.dispatcher, tls: { certFile, keyFile } }),
    ).toThrow(/mismatched\.key is not the key of the certificate/);
  });

  it('sends HSTS only over HTTPS: not on plain HTTP, and behind a trusted proxy only when it says https', async () => {
    const plain = await start();
    expect(plain.gateway.secure).toBe(false);
    const direct = await fetch(`http://127.0.0.1:${plain.port}/api/v1/me`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(direct.headers.get('strict-transport-security')).toBeNull();

    const proxied = await start({ trustProxy: { addresses: ['loopback'] } });
    const viaProxy = (proto: string) =>
      fetch(`http://127.0.0.1:${proxied.port}/api/v1/me`, { headers: { 'x-forwarded-proto': proto } });
    expect((await viaProxy('https')).headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect((await viaProxy('http')).headers.get('strict-transport-security')).toBeNull();
  });
});
