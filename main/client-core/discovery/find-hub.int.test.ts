import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from '@server/hub/hub-server';
import { type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';
import { checkHub } from './hello-check';
import { findHub, type FindHubOptions } from './find-hub';

/*
 * The fallback order and the identity check, against real hubs on 127.0.0.1 with mDNS off
 * (mDNS itself is tested only inside network namespaces: mdns-netns.int.test.ts).
 */
const identity = { deviceId: 'front-desk-2', deviceName: 'Front desk 2' };
const base = { identity, mdns: false, handshakeTimeoutMs: 10_000 } satisfies Partial<FindHubOptions>;

let ours: RunningHub;
let theirs: SocketTestHub;
let dataDir: string;
/** Where nothing listens (a privileged port): the hub that was there moved. */
const deadUrl = 'http://127.0.0.1:1';
const fakes: HttpServer[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'clinic-discovery-'));
  ours = await startHub({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    mdns: false,
    logger: pino({ level: 'silent' }),
  });
  theirs = await startSocketHub();
}, 60_000);

afterAll(async () => {
  await ours?.stop();
  await theirs?.close();
  for (const fake of fakes) await new Promise((resolve) => fake.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

const ourId = () => ours.core.identity().hubId;
const portOf = (url: string) => new URL(url).port;

/** A Socket.IO server on 127.0.0.1 that answers hello its own way (not a clinic hub). */
async function fakeHub(reply: unknown): Promise<string> {
  const http = createServer();
  const io = new Server(http);
  io.on('connection', (socket) => socket.on('hello', (ack: (value: unknown) => void) => ack(reply)));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  fakes.push(http);
  http.once('close', () => void io.close());
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

describe('findHub without mDNS', () => {
  it('uses the last address that worked, confirmed by hello', async () => {
    const result = await findHub({ ...base, expectedHubId: ourId(), lastKnownUrl: ours.url });
    expect(result).toMatchObject({
      found: true,
      hub: { url: ours.url, hubId: ourId(), epoch: 1, source: 'last-known', hello: { protocolVersion: 1 } },
    });
  });

  it('prefers the last-known address over a typed one when both answer', async () => {
    const result = await findHub({
      ...base,
      expectedHubId: ourId(),
      lastKnownUrl: ours.url,
      manualAddress: ours.url,
    });
    expect(result.found && result.hub.source).toBe('last-known');
  });

  it('falls back to the typed address when the last-known one is dead', async () => {
    const result = await findHub({
      ...base,
      expectedHubId: ourId(),
      lastKnownUrl: deadUrl,
      manualAddress: `127.0.0.1:${portOf(ours.url)}`,
    });
    expect(result).toMatchObject({ found: true, hub: { source: 'manual', url: ours.url, hubId: ourId() } });
    expect(result.attempts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'last-known', url: deadUrl, outcome: 'unreachable' }),
        expect.objectContaining({ source: 'manual', url: ours.url, outcome: 'confirmed', hubId: ourId() }),
      ]),
    );
  });

  it("refuses another clinic's hub, even at the last-known address", async () => {
    const theirId = theirs.hub.core.identity().hubId;
    const result = await findHub({
      ...base,
      expectedHubId: ourId(),
      lastKnownUrl: theirs.url,
      manualAddress: ours.url,
    });
    expect(result).toMatchObject({ found: true, hub: { source: 'manual', hubId: ourId() } });
    expect(result.attempts).toContainEqual(
      expect.objectContaining({ source: 'last-known', outcome: 'wrong-hub', hubId: theirId }),
    );

    const nothing = await findHub({ ...base, expectedHubId: ourId(), lastKnownUrl: theirs.url });
    expect(nothing.found).toBe(false);
    if (!nothing.found) expect(nothing.message).toContain("another clinic's hub");
  });

  it('takes any hub on first run (no hub id known yet)', async () => {
    const result = await findHub({ ...base, manualAddress: theirs.url });
    expect(result).toMatchObject({ found: true, hub: { hubId: theirs.hub.core.identity().hubId } });
  });

  it('reports a typed address that is not an address, naming the field', async () => {
    const result = await findHub({ ...base, expectedHubId: ourId(), manualAddress: 'http://hub/sync?x=1' });
    expect(result.found).toBe(false);
    expect(result.attempts).toEqual([
      expect.objectContaining({ source: 'manual', outcome: 'invalid-address' }),
    ]);
  });

  it('says what to do when there is nothing to try', async () => {
    const result = await findHub({ ...base });
    expect(result).toMatchObject({ found: false, attempts: [] });
    if (!result.found) expect(result.message).toMatch(/type the address/);
  });
});

describe('checkHub', () => {
  it('refuses a server that is not a clinic hub, or speaks another protocol', async () => {
    const options = { identity, timeoutMs: 10_000 };
    const garbage = await checkHub(await fakeHub({ ok: true, result: { hello: 'world' } }), options);
    expect(garbage).toMatchObject({ ok: false, reason: 'not-a-hub' });
    const refused = await checkHub(
      await fakeHub({ ok: false, error: { code: 'INTERNAL', message: 'no' } }),
      options,
    );
    expect(refused).toMatchObject({ ok: false, reason: 'not-a-hub' });
    const newer = await checkHub(
      await fakeHub({ ok: true, result: { hubId: 'h-2', epoch: 1, protocolVersion: 2 } }),
      options,
    );
    expect(newer).toMatchObject({ ok: false, reason: 'incompatible', hubId: 'h-2' });
  });

  it('reports a dead address as unreachable', async () => {
    const outcome = await checkHub(deadUrl, { identity, timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ ok: false, reason: 'unreachable', url: deadUrl });
  });
});
