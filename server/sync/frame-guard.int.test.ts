import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { callOver, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';
import { refusedEvent } from './frame-guard';
import type { Reply } from './wire';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

let nextAckId = 90_000;

/**
 * Sends a Socket.IO event frame as written (`42<ack>[event, …]`), bypassing the client's encoder
 * (which, like JSON.stringify, would overflow its own stack on a 100,000-deep message), and
 * resolves with the hub's acknowledgement.
 */
function sendRawEvent(socket: ClientSocket, event: string, payloadJson: string): Promise<Reply> {
  const ackId = nextAckId++;
  const engine = socket.io.engine;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ack ${ackId}`)), 30_000);
    const onMessage = (data: unknown) => {
      const prefix = `3${ackId}`;
      if (typeof data !== 'string' || !data.startsWith(prefix)) return;
      clearTimeout(timer);
      engine.off('message', onMessage);
      resolve((JSON.parse(data.slice(prefix.length)) as [Reply])[0]);
    };
    engine.on('message', onMessage);
    engine.write(`2${ackId}[${JSON.stringify(event)},${payloadJson}]`);
  });
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const loginWith = (input: string) => `{"name":"auth.login","input":${input}}`;

describe('frames before and after sign-in (issue 14, item 8)', () => {
  it('answers a deeply nested message with VALIDATION, never INTERNAL, and keeps serving', async () => {
    server = await startSocketHub();
    const anonymous = await server.connect({ deviceId: 'lan-laptop' });
    // 30,000 deep fits in the 64 KB allowed before sign-in: refused for its depth.
    const deep = await sendRawEvent(anonymous, 'call', loginWith(nested(30_000)));
    expect(deep).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // 100,000 deep is 200 KB: refused for its size before it is parsed.
    const deeper = await sendRawEvent(anonymous, 'call', loginWith(nested(100_000)));
    expect(deeper).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    for (const event of ['auth', 'hello', 'sync.pull', 'sync.push']) {
      const reply = await sendRawEvent(anonymous, event, nested(30_000));
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(anonymous.connected).toBe(true);
    expect(await callOver(anonymous, 'auth.setupStatus', {})).toMatchObject({ needsSetup: false });

    // Signed in, the frame may be large, and depth is still checked before anything walks it.
    const admin = await server.connect({ token: server.hub.admin.token, deviceId: 'admin-desktop' });
    for (const event of ['call', 'sync.push', 'sync.reads', 'sync.outbox']) {
      const payload = event === 'call' ? `{"name":"users.list","input":${nested(100_000)}}` : nested(100_000);
      const reply = await sendRawEvent(admin, event, payload);
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect((await callOver(admin, 'users.list', {})).length).toBe(1);
  }, 60_000);

  it('does not parse a large frame before sign-in, and answers it with PAYLOAD_TOO_LARGE', async () => {
    server = await startSocketHub();
    const anonymous = await server.connect({ deviceId: 'lan-laptop' });
    // Not even valid JSON: had the hub parsed it, the parser would have dropped the connection.
    const garbage = `{"name":"auth.login","input":"${'x'.repeat(15 * 1024 * 1024)}"]]]`;
    const reply = await sendRawEvent(anonymous, 'call', garbage);
    expect(reply).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(reply.ok === false && reply.error.message).toMatch(/sign in first/i);
    expect(anonymous.connected).toBe(true);
    expect(await callOver(anonymous, 'auth.setupStatus', {})).toMatchObject({ needsSetup: false });

    // After sign-in on the same socket, a message above the anonymous cap is handled as usual.
    const login = await callOver(anonymous, 'auth.login', {
      username: 'admin',
      password: 'correct horse battery',
      deviceId: 'lan-laptop',
    });
    await anonymous.emitWithAck('auth', { token: login.token });
    const note = await sendRawEvent(
      anonymous,
      'call',
      `{"name":"users.list","input":{"note":"${'x'.repeat(200_000)}"}}`,
    );
    expect(note).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ field: 'note' }] } });
  }, 60_000);

  it('caps frames again once the session has expired (issue 14, item 8 review)', async () => {
    server = await startSocketHub();
    const { token } = server.hub.admin;
    const socket = await server.connect({ token, deviceId: 'admin-desktop' });
    const large = () =>
      sendRawEvent(socket, 'call', `{"name":"users.list","input":{"note":"${'x'.repeat(200_000)}"}}`);
    expect(await large()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    server.hub.clock.advance(61); // past the 60-minute idle limit, with no call noticing it
    expect(await large()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    // The next call still says why, and signing in again lifts the cap.
    const expired = (await socket.emitWithAck('call', { name: 'users.list', input: {} })) as Reply;
    expect(expired).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: /expired/ } });
    const login = await callOver(socket, 'auth.login', {
      username: 'admin',
      password: 'correct horse battery',
      deviceId: 'admin-desktop',
    });
    await socket.emitWithAck('auth', { token: login.token });
    expect(await large()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // A session kept alive by use (here on another connection) keeps the connection signed in.
    const other = await server.connect({ token: login.token, deviceId: 'admin-desktop' });
    server.hub.clock.advance(50);
    await callOver(other, 'users.list', {});
    server.hub.clock.advance(50);
    expect(await large()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  }, 60_000);

  it('keeps the ack id of a refused event and drops anything else oversized', () => {
    expect(refusedEvent('2["call",{}]')).toBe('2["refused-frame"]');
    expect(refusedEvent('217["call",{}]')).toBe('217["refused-frame"]');
    expect(refusedEvent('2/admin,5["call",{}]')).toBe('2/admin,5["refused-frame"]');
    expect(refusedEvent('0{"deviceId":"x"}')).toBe('');
    expect(refusedEvent('51-["call",{"_placeholder":true,"num":0}]')).toBe('');
    expect(refusedEvent(`2${'9'.repeat(500)}["call"]`)).toBe('');
  });
});
