import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { insertDoctor } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { freshAdmin, TEST_PASSWORD } from '@server/testing/test-hub';
import { FREE_PAIRING_FAILURES_PER_SOURCE } from '@server/auth/login-throttle';
import { callOver, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Two machines on one host: loopback addresses other than 127.0.0.1 reach a hub on 127.0.0.1.
const TV = '127.0.0.1';
const GUESSER = '127.0.0.2';

describe('pairing a waiting-room display is throttled per source address', () => {
  it('refuses a guessing address for a while, and never the TV elsewhere or sign-in', async () => {
    server = await startSocketHub();
    const hub = server.hub;
    const admin = await freshAdmin(hub);
    await hub.signIn('receptionist', { username: 'reena' });
    const doctor = insertDoctor(hub.db, {});
    const pairing = () =>
      hub.call(admin, 'displays.create', {
        id: randomUUID(),
        settings: { name: 'Waiting hall', doctorIds: [doctor.id] },
      });
    const first = await pairing();
    const guesser = await server.connect({}, { localAddress: GUESSER });
    const tv = await server.connect({}, { localAddress: TV });
    const pair = (socket: typeof tv, code: string) => callOver(socket, 'displays.pair', { code });

    const codes: string[] = [];
    for (let i = 0; i < FREE_PAIRING_FAILURES_PER_SOURCE + 2; i++) {
      codes.push((await failureOf(pair(guesser, `ZZZZ${String(i).padStart(4, '2')}`))).code);
    }
    expect(codes.slice(0, FREE_PAIRING_FAILURES_PER_SOURCE)).toEqual(
      Array(FREE_PAIRING_FAILURES_PER_SOURCE).fill('VALIDATION'),
    );
    const limited = await failureOf(pair(guesser, 'ZZZZ9999'));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.message).toMatch(/Try again in \d+ seconds/);
    // Even a right code is refused from there while the block lasts (and is not used up).
    expect((await failureOf(pair(guesser, first.pairingCode))).code).toBe('RATE_LIMITED');

    // The TV on another address pairs with that code at once; sign-in from the guesser is its own bucket.
    expect((await pair(tv, first.pairingCode)).displayId).toBe(first.display.id);
    const signIn = await callOver(guesser, 'auth.login', {
      username: 'reena',
      password: TEST_PASSWORD,
      deviceId: 'reception-pc',
    });
    expect(signIn.user.username).toBe('reena');

    // After the block and a quiet window the guessing address may pair again.
    hub.clock.advance(16);
    const second = await pairing();
    expect((await pair(guesser, second.pairingCode)).displayId).toBe(second.display.id);
  }, 60_000);
});
