import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import { lastSmsCode } from '@server/testing/app-codes';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { createGateway, type Gateway } from './gateway-server';

/**
 * Brute force and enumeration over real HTTP (issue 19, item 7). The hub's own rules are
 * tested at the dispatcher (server/handlers/auth/patient-codes.test.ts); here they are reached
 * the way an attacker reaches them, through the gateway, with its per-address limit on the
 * account routes. Each test comes from addresses of its own (X-Forwarded-For behind
 * --gateway-trust-proxy), so that the limits of one do not spill into another.
 */
const AUTH_LIMIT = 20;
const PASSWORD = 'my own app password';

let hub: TestHub;
let gateway: Gateway;
let api: string;

beforeAll(async () => {
  hub = await createTestHub();
  gateway = createGateway({
    core: hub.core,
    dispatcher: hub.dispatcher,
    trustProxy: true,
    authLimit: { max: AUTH_LIMIT, windowMs: 60_000 },
  });
  api = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/api/v1`;
});

afterAll(async () => {
  await gateway?.close();
  hub?.close();
});

interface Reply {
  status: number;
  retryAfter: string | null;
  body: { error?: ApiError; sentTo?: string; token?: string };
}

async function post(path: string, body: unknown, address: string): Promise<Reply> {
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Reply['body'],
  };
}

let phones = 0;
/** A patient invited by reception (the SMS carries the activation code). */
async function invited() {
  phones += 1;
  const phone = `+91 98450 3${String(phones).padStart(4, '0')}`;
  const patient = insertPatient(hub.db, { phone });
  const reception = await hub.signIn('receptionist');
  await hub.call(reception, 'patients.inviteToApp', { id: patient.id });
  return { ...patient, phone };
}

async function activated(address: string) {
  const patient = await invited();
  const answer = await post(
    '/auth/activate',
    { login: patient.phone, code: lastSmsCode(hub.db, patient.id), password: PASSWORD, deviceId: 'phone' },
    address,
  );
  expect(answer.status).toBe(200);
  return patient;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Sends `attempt` until the gateway answers 429; the answers before it. */
async function untilLimited(
  attempt: (i: number) => Promise<Reply>,
): Promise<{ before: Reply[]; limited: Reply }> {
  const before: Reply[] = [];
  for (let i = 0; i <= AUTH_LIMIT; i += 1) {
    const reply = await attempt(i);
    if (reply.status === 429) return { before, limited: reply };
    before.push(reply);
  }
  throw new Error(`no 429 after ${AUTH_LIMIT + 1} attempts`);
}

describe('brute force and enumeration through the gateway', () => {
  it('guessing one login’s password: refused alike, the right one too past five, then 429', async () => {
    const patient = await activated('203.0.113.1');
    const guess = (password: string) =>
      post('/auth/login', { login: patient.phone, password, deviceId: 'bot' }, '198.51.100.1');
    const refused = await guess('guess 0');
    expect(refused.status).toBe(401);
    for (let i = 1; i < 6; i += 1) expect(await guess(`guess ${i}`)).toEqual(refused);
    // Past the five free failures the login is blocked here: the right password gets the same refusal.
    expect(await guess(PASSWORD)).toEqual(refused);
    const { before, limited } = await untilLimited((i) => guess(`more ${i}`));
    expect(before.every((reply) => reply.status === 401)).toBe(true);
    expect(limited.body.error?.code).toBe('RATE_LIMITED');
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // Never locked out for good: the patient's own phone (another address) still signs in.
    const own = await post(
      '/auth/login',
      { login: patient.phone, password: PASSWORD, deviceId: 'phone' },
      '203.0.113.1',
    );
    expect(own.status).toBe(200);
  });

  it('guessing across logins from one address: the same refusal for each, then 429', async () => {
    const { before, limited } = await untilLimited((i) =>
      post(
        '/auth/login',
        { login: `+91 90000 ${String(10_000 + i)}`, password: 'password1', deviceId: 'bot' },
        '198.51.100.2',
      ),
    );
    expect(before.length).toBeGreaterThan(0);
    expect(new Set(before.map((reply) => JSON.stringify(reply))).size).toBe(1);
    expect(before[0]!.status).toBe(401);
    expect(limited.body.error?.code).toBe('RATE_LIMITED');
  });

  it('stops activation-code guessing after five tries: the right code is then refused alike', async () => {
    const patient = await invited();
    const code = lastSmsCode(hub.db, patient.id)!;
    const activate = (tried: string) =>
      post(
        '/auth/activate',
        { login: patient.phone, code: tried, password: PASSWORD, deviceId: 'bot' },
        '198.51.100.3',
      );
    const refused = await activate(wrong(code));
    expect(refused.status).toBe(422);
    expect(refused.body.error?.fields?.[0]?.field).toBe('code');
    for (let i = 1; i < 5; i += 1) expect(await activate(wrong(code))).toEqual(refused);
    expect(await activate(code)).toEqual(refused);
  });

  it('stops password-reset-code guessing after five tries', async () => {
    const patient = await activated('203.0.113.4');
    expect((await post('/auth/password-reset-code', { login: patient.phone }, '203.0.113.4')).status).toBe(
      200,
    );
    const code = lastSmsCode(hub.db, patient.id, 'password_reset_code')!;
    const reset = (tried: string) =>
      post(
        '/auth/password-reset',
        { login: patient.phone, code: tried, password: 'a brand new password', deviceId: 'bot' },
        '198.51.100.4',
      );
    const refused = await reset(wrong(code));
    expect(refused.status).toBe(422);
    for (let i = 1; i < 5; i += 1) expect(await reset(wrong(code))).toEqual(refused);
    expect(await reset(code)).toEqual(refused);
    // The old password still works: nothing was reset.
    const login = await post(
      '/auth/login',
      { login: patient.phone, password: PASSWORD, deviceId: 'phone' },
      '203.0.113.4',
    );
    expect(login.status).toBe(200);
  });

  it('answers the account routes alike for a registered phone and an unknown one', async () => {
    const patient = await activated('203.0.113.5');
    const unknown = '+91 90000 55555';
    let address = 10;
    // Each pair from a fresh address: the per-address limit never differs between the two.
    const pair = async (path: string, body: (login: string) => unknown) => {
      address += 1;
      const known = await post(path, body(patient.phone), `198.51.100.${address}`);
      address += 1;
      const other = await post(path, body(unknown), `198.51.100.${address}`);
      return { known, other };
    };
    const cases: [string, (login: string) => unknown][] = [
      ['/auth/activation-code', (login) => ({ login })],
      ['/auth/password-reset-code', (login) => ({ login })],
      ['/auth/login', (login) => ({ login, password: 'not the password', deviceId: 'd' })],
      ['/auth/activate', (login) => ({ login, code: '123456', password: PASSWORD, deviceId: 'd' })],
      ['/auth/password-reset', (login) => ({ login, code: '123456', password: PASSWORD, deviceId: 'd' })],
    ];
    for (const [path, body] of cases) {
      const { known, other } = await pair(path, body);
      expect({ path, ...known }).toEqual({ path, ...other });
    }
    // Asking for codes again and again: the same limit for both, so the limit tells nothing.
    const statuses: Record<string, number[]> = {};
    for (const login of [patient.phone, unknown]) {
      address += 1;
      statuses[login] = [];
      for (let i = 0; i < 7; i += 1) {
        statuses[login].push(
          (await post('/auth/activation-code', { login }, `198.51.100.${address}`)).status,
        );
      }
    }
    expect(statuses[patient.phone]).toEqual(statuses[unknown]);
    expect(statuses[unknown]).toContain(429);
  });
});
