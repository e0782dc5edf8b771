import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubHostName } from '@server/discovery/hub-service';
import { createOwnHostCheck, hostOf } from './own-hosts';
import { callOver, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

/** A GET to the hub on 127.0.0.1 with the Host (and Origin) a rebound name would carry. */
function get(
  url: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { hostname: address, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: address, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const HANDSHAKE = '/socket.io/?EIO=4&transport=polling';

describe('DNS rebinding: the hub answers only to its own names (issue 14, item 7)', () => {
  let root: string;
  let hub: SocketTestHub;
  let port: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'clinic-hosts-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Clinic</title>');
    mkdirSync(join(root, 'assets'));
    hub = await startSocketHub({ rendererDir: root, hostNames: ['hub.clinic.lan'] });
    port = new URL(hub.url).port;
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses the staff app and the socket handshake under a rebound name', async () => {
    const evil = `evil.example:${port}`;
    const page = await get(hub.url, '/', { host: evil });
    expect(page.status).toBe(421);
    expect(page.body).not.toContain('<title>Clinic</title>');
    // Same-origin polling from the rebound page: no Origin at all, or its own.
    expect((await get(hub.url, HANDSHAKE, { host: evil })).status).toBe(403);
    const withOrigin = await get(hub.url, HANDSHAKE, { host: evil, origin: `http://${evil}` });
    expect(withOrigin.status).toBe(403);
    await expect(
      hub.connect({}, { origin: `http://${evil}`, extraHeaders: { host: evil } }),
    ).rejects.toThrow();
    await expect(hub.connect({}, { extraHeaders: { host: evil } })).rejects.toThrow();
  });

  it('answers its own names, addresses and loopback, and names configured for it', async () => {
    for (const name of [
      '127.0.0.1',
      'localhost',
      '[::1]',
      hostname(),
      `${hostname()}.local`,
      'hub.clinic.lan',
    ]) {
      const host = `${name}:${port}`;
      const page = await get(hub.url, '/', { host });
      expect(page.status, host).toBe(200);
      expect(page.body).toContain('<title>Clinic</title>');
      expect((await get(hub.url, HANDSHAKE, { host, origin: `http://${host}` })).status, host).toBe(200);
    }
    const socket = await hub.connect({}, { extraHeaders: { host: `localhost:${port}` } });
    expect(await callOver(socket, 'auth.setupStatus', {})).toMatchObject({ needsSetup: false });
  });

  it('knows the names of the hub and nothing that merely contains them', () => {
    const isOwn = createOwnHostCheck({ mdnsName: hubHostName('abc-123') });
    expect(isOwn('clinic-hub-abc-123.local:4810')).toBe(true);
    expect(isOwn('CLINIC-HUB-ABC-123.LOCAL.')).toBe(true);
    expect(isOwn('127.8.9.10')).toBe(true);
    for (const host of [
      undefined,
      '',
      'evil.example',
      `${hostname()}.evil.example`,
      'localhost.evil.example',
      'evil@127.0.0.1',
      '127.0.0.1/x',
      '8.8.8.8',
    ]) {
      expect(isOwn(host), String(host)).toBe(false);
    }
    expect(hostOf('[::1]:4810')).toBe('::1');
  });
});
