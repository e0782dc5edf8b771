import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_SENT_TO } from '@server/handlers/auth/patient-accounts';
import { SIGN_UPS_PAUSED, SIGN_UPS_PER_HOUR } from '@server/handlers/auth/sign-up-cap';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { LOOPBACK_PROXY } from './gateway-trust-proxy';
import { gatewayOn } from './testing/patient-app';

let hub: TestHub;
let gateway: { api: string; close(): Promise<void> };

beforeAll(async () => {
  hub = await createTestHub();
  // Behind a proxy on this machine, so each request can come from an address of its own.
  gateway = await gatewayOn(hub, { trustProxy: LOOPBACK_PROXY, signUpLimit: { max: 2, windowMs: 60_000 } });
});

afterAll(async () => {
  await gateway?.close();
  hub?.close();
});

async function signUp(address: string, details: { fullName: string; phone: string; dateOfBirth: string }) {
  const response = await fetch(`${gateway.api}/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(details),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('sign-up through the gateway', () => {
  it('answers alike whether the details resemble a record, are new, or match a name and phone', async () => {
    insertPatient(hub.db, { fullName: 'Asha Rao', phone: '+91 98450 11111', dateOfBirth: '1990-04-01' });
    const answers = [
      await signUp('198.51.100.1', {
        fullName: 'Asha Rao',
        phone: '+91 90000 00001',
        dateOfBirth: '1990-04-01',
      }),
      await signUp('198.51.100.2', {
        fullName: 'Zoya Khan',
        phone: '+91 90000 00001',
        dateOfBirth: '1990-04-01',
      }),
      await signUp('198.51.100.3', {
        fullName: 'Asha Rao',
        phone: '+91 98450 11111',
        dateOfBirth: '1991-01-01',
      }),
    ].map(({ status, body }) => ({ status, body }));
    expect(answers[0]).toMatchObject({ status: 200, body: { sentTo: CODE_SENT_TO } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('limits sign-ups per address more strictly than the other account routes', async () => {
    const from = (i: number) =>
      signUp('198.51.100.20', {
        fullName: `Tester ${i}`,
        phone: `+91 95000 0000${i}`,
        dateOfBirth: '1980-01-01',
      });
    expect((await from(1)).status).toBe(200);
    expect((await from(2)).status).toBe(200);
    const limited = await from(3);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address may still sign up, and the same address may still sign in.
    expect(
      (
        await signUp('198.51.100.21', {
          fullName: 'Tester 4',
          phone: '+91 95000 00004',
          dateOfBirth: '1980-01-01',
        })
      ).status,
    ).toBe(200);
    const login = await fetch(`${gateway.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.20' },
      body: JSON.stringify({ login: 'PAT000001', password: 'guess', deviceId: 'd' }),
    });
    expect(login.status).toBe(401);
  });

  it('answers 429 with the clinic-wide cap’s message once the hour’s sign-ups are used up', async () => {
    const done = (
      hub.db.sqlite
        .prepare("SELECT count(*) n FROM audit_log WHERE action LIKE 'auth.patientSignUp%'")
        .get() as { n: number }
    ).n;
    for (let i = done; i < SIGN_UPS_PER_HOUR; i += 1) {
      const phone = `+91 94000 ${String(10_000 + i)}`;
      const answer = await signUp(`203.0.113.${i + 1}`, {
        fullName: `Patient ${i}`,
        phone,
        dateOfBirth: '1980-01-01',
      });
      expect(answer.status).toBe(200);
    }
    const paused = await signUp('192.0.2.1', {
      fullName: 'Late Comer',
      phone: '+91 96000 00001',
      dateOfBirth: '1980-01-01',
    });
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(paused.body).toMatchObject({ error: { code: 'RATE_LIMITED', message: SIGN_UPS_PAUSED } });
  });
});
