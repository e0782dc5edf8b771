import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import { failureOf } from '@server/testing/failure';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { callOver, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';
import {
  FREE_FAILURES_PER_ACCOUNT,
  FREE_FAILURES_PER_ACCOUNT_EVERYWHERE,
  FREE_FAILURES_PER_SOURCE,
} from './login-throttle';

let server: SocketTestHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Two machines on one host: loopback addresses other than 127.0.0.1 reach a hub on 127.0.0.1.
const RECEPTION_PC = '127.0.0.1';
const ATTACKER = '127.0.0.2';

const login = (socket: ClientSocket, username: string, password: string, deviceId: string) =>
  callOver(socket, 'auth.login', { username, password, deviceId });
const refusal = (promise: Promise<unknown>): Promise<ApiError> => failureOf(promise);

describe('sign-in throttle per account and source (issue 14, item 4)', () => {
  it('an attacker elsewhere on the LAN slows only themselves, never the receptionist at her desk', async () => {
    server = await startSocketHub();
    await server.hub.signIn('receptionist', { username: 'reena' });
    const desk = await server.connect({ deviceId: 'reception-pc' }, { localAddress: RECEPTION_PC });
    const attacker = await server.connect({ deviceId: 'reception-pc' }, { localAddress: ATTACKER });

    // Wrong passwords for reena from another machine, even naming her desktop's device id.
    const answers: string[] = [];
    for (let i = 0; i < 8; i++)
      answers.push((await refusal(login(attacker, 'reena', 'guess', 'reception-pc'))).code);
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(answers.slice(6)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Even the right password is refused there while the block lasts.
    expect((await refusal(login(attacker, 'reena', TEST_PASSWORD, 'reception-pc'))).code).toBe(
      'RATE_LIMITED',
    );

    // Reena at her own desktop is not slowed at all.
    expect((await login(desk, 'reena', TEST_PASSWORD, 'reception-pc')).user.username).toBe('reena');

    // Again and again: the attacker's next rounds do not reach her either.
    for (let round = 0; round < 3; round++) {
      server.hub.clock.advance(16);
      for (let i = 0; i < 6; i++) await refusal(login(attacker, 'reena', 'guess', `made-up-${round}-${i}`));
      expect((await login(desk, 'reena', TEST_PASSWORD, 'reception-pc')).user.username).toBe('reena');
    }

    // Her own mistakes still slow her own desk, as before.
    server.hub.clock.advance(16);
    for (let i = 0; i < 6; i++) await refusal(login(desk, 'reena', 'typo', 'reception-pc'));
    expect((await refusal(login(desk, 'reena', TEST_PASSWORD, 'reception-pc'))).code).toBe('RATE_LIMITED');
  }, 120_000);

  it('a source guessing across accounts and made-up devices meets a ceiling', async () => {
    server = await startSocketHub();
    await server.hub.signIn('receptionist', { username: 'reena' });
    const attacker = await server.connect({ deviceId: 'x' }, { localAddress: ATTACKER });
    const desk = await server.connect({ deviceId: 'reception-pc' }, { localAddress: RECEPTION_PC });

    // A new account name and device id every time: no account key ever reaches its limit.
    const codes: string[] = [];
    for (let i = 0; i < FREE_FAILURES_PER_SOURCE + 2; i++) {
      codes.push((await refusal(login(attacker, `user${i % 3}`, 'guess', `device-${i}`))).code);
    }
    expect(codes.slice(0, FREE_FAILURES_PER_SOURCE)).toEqual(
      Array(FREE_FAILURES_PER_SOURCE).fill('UNAUTHENTICATED'),
    );
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect((await refusal(login(attacker, 'reena', TEST_PASSWORD, 'device-new'))).code).toBe('RATE_LIMITED');

    // The ceiling is the attacker's alone.
    expect((await login(desk, 'reena', TEST_PASSWORD, 'reception-pc')).user.username).toBe('reena');
    // A quiet window clears it.
    server.hub.clock.advance(31);
    expect((await login(attacker, 'reena', TEST_PASSWORD, 'device-new')).user.username).toBe('reena');
  }, 120_000);
});

describe('sign-in throttle against many addresses (issue 14, item 4 review)', () => {
  // In-process calls with the address a connection would have: any IPv6 address can be named.
  const loginFrom = (address: string, username: string, password: string, deviceId: string) =>
    server!.hub.call({ token: null, deviceId, address }, 'auth.login', { username, password, deviceId });

  it('counts a whole IPv6 /64 as one source', async () => {
    server = await startSocketHub();
    await server.hub.signIn('receptionist', { username: 'reena' });
    // A new address of the attacker's /64 for every guess (and a new account name and device).
    const codes: string[] = [];
    for (let i = 0; i < FREE_FAILURES_PER_SOURCE + 2; i++) {
      const address = `fd00:1:2:3::${(i + 1).toString(16)}`;
      codes.push((await refusal(loginFrom(address, `user${i % 3}`, 'guess', `device-${i}`))).code);
    }
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect((await refusal(loginFrom('fd00:1:2:3::beef', 'reena', TEST_PASSWORD, 'new'))).code).toBe(
      'RATE_LIMITED',
    );
    // Another /64, and the IPv4-mapped form of an address, are other sources.
    expect((await loginFrom('fd00:1:2:4::1', 'reena', TEST_PASSWORD, 'new')).user.username).toBe('reena');
    expect((await loginFrom('::ffff:192.168.1.9', 'reena', TEST_PASSWORD, 'new')).user.username).toBe(
      'reena',
    );
  }, 120_000);

  it('slows guessing of one account spread over many sources, except where the account signed in', async () => {
    server = await startSocketHub();
    await server.hub.signIn('receptionist', { username: 'reena' });
    const DESK = '::ffff:192.168.1.20';
    expect((await loginFrom(DESK, 'reena', TEST_PASSWORD, 'reception-pc')).user.username).toBe('reena');

    // Guesses from many networks, each staying under the per-account and per-source limits.
    const perSource = FREE_FAILURES_PER_ACCOUNT - 1;
    const sources = Math.ceil((FREE_FAILURES_PER_ACCOUNT_EVERYWHERE + 1) / perSource);
    const codes: string[] = [];
    for (let s = 0; s < sources; s++) {
      for (let i = 0; i < perSource; i++)
        codes.push((await refusal(loginFrom(`fd00:${s + 1}::1`, 'reena', 'guess', 'reception-pc'))).code);
    }
    const free = FREE_FAILURES_PER_ACCOUNT_EVERYWHERE;
    expect(codes.slice(0, free)).toEqual(Array(free).fill('UNAUTHENTICATED'));
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // A source that never signed in to her account is now slowed, right password or not …
    expect((await refusal(loginFrom('fd00:99::1', 'reena', TEST_PASSWORD, 'x'))).code).toBe('RATE_LIMITED');
    expect((await refusal(loginFrom('192.168.1.77', 'reena', TEST_PASSWORD, 'x'))).code).toBe('RATE_LIMITED');
    // … but Reena at her own desk is not, and other accounts are untouched.
    expect((await loginFrom(DESK, 'reena', TEST_PASSWORD, 'reception-pc')).user.username).toBe('reena');
    expect((await loginFrom('192.168.1.77', 'admin', TEST_PASSWORD, 'x')).user.username).toBe('admin');
    // A quiet window clears it.
    server.hub.clock.advance(31);
    expect((await loginFrom('192.168.1.77', 'reena', TEST_PASSWORD, 'x')).user.username).toBe('reena');
  }, 120_000);
});
