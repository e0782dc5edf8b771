import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import { clinicInfoSchema } from '@shared/gateway/clinic.schema';
import type { RunningHub } from '@server/hub/hub-server';
import { lastSmsCode, patientIdByPhone } from '@server/testing/app-codes';
import { fixedClock, type Clock } from '@server/core/clock';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import { connectTo } from '@server/testing/socket-hub';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { createGateway } from './gateway-server';
import { startHubWithGateway as startGateway } from './testing/patient-app';

/** What the gateway answers, loosely: a result or `{ error }`. */
interface Answer {
  token?: string;
  sentTo?: string;
  user?: Record<string, unknown>;
  error?: ApiError;
}

const PASSWORD = 'my own app password';
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * The docs page (@fastify/swagger-ui at /api/docs): the page, its own files (one wildcard route
 * of @fastify/static under /static/*, served from the package, no CDN) and the document again.
 * Fastify lists the page's trailing-slash variant only for HEAD (GET /api/docs/ is served all the same).
 */
const DOCS_ROUTES = [
  'HEAD /api/docs/',
  ...['', '/json', '/yaml', '/static/*', '/static/index.html', '/static/swagger-initializer.js'].flatMap(
    (path) => [`GET /api/docs${path}`, `HEAD /api/docs${path}`],
  ),
];

/** Every route the gateway may serve; a new route is added here on purpose, never by accident. */
const ALLOWLIST = [
  'DELETE /api/v1/push/subscriptions',
  'DELETE /api/v1/waitlist/:id',
  'GET /api/openapi.json',
  'GET /api/v1/appointments',
  'GET /api/v1/appointments/:id',
  'GET /api/v1/appointments/:id/slip.pdf',
  'GET /api/v1/bills',
  'GET /api/v1/bills/:id',
  'GET /api/v1/bills/:id/receipt.pdf',
  'GET /api/v1/clinic',
  'GET /api/v1/consultations',
  'GET /api/v1/consultations/:id/prescription.pdf',
  'GET /api/v1/doctors',
  'GET /api/v1/events',
  'GET /api/v1/me',
  'GET /api/v1/notifications',
  'GET /api/v1/profile',
  'GET /api/v1/push/key',
  'GET /api/v1/queue/me',
  'GET /api/v1/slots',
  'GET /api/v1/waitlist',
  'HEAD /api/openapi.json',
  'HEAD /api/v1/appointments',
  'HEAD /api/v1/appointments/:id',
  'HEAD /api/v1/appointments/:id/slip.pdf',
  'HEAD /api/v1/bills',
  'HEAD /api/v1/bills/:id',
  'HEAD /api/v1/bills/:id/receipt.pdf',
  'HEAD /api/v1/clinic',
  'HEAD /api/v1/consultations',
  'HEAD /api/v1/consultations/:id/prescription.pdf',
  'HEAD /api/v1/doctors',
  'HEAD /api/v1/me',
  'HEAD /api/v1/notifications',
  'HEAD /api/v1/profile',
  'HEAD /api/v1/push/key',
  'HEAD /api/v1/queue/me',
  'HEAD /api/v1/slots',
  'HEAD /api/v1/waitlist',
  'PATCH /api/v1/profile',
  'POST /api/v1/appointments',
  'POST /api/v1/appointments/:id/cancel',
  'POST /api/v1/appointments/:id/reschedule',
  'POST /api/v1/appointments/:id/reschedule-request',
  'POST /api/v1/auth/activate',
  'POST /api/v1/auth/activation-code',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset-code',
  'POST /api/v1/auth/sign-up',
  'POST /api/v1/notifications/read',
  'POST /api/v1/push/subscriptions',
  'POST /api/v1/waitlist',
];

/** The real hub with its gateway (testing/patient-app.ts), stopped after the test. */
async function startHubWithGateway(options: { rendererDir?: string; clock?: Clock } = {}) {
  const started = await startGateway(options);
  cleanups.push(() => started.stop());
  return started;
}

async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer };
}

async function get(url: string, token?: string) {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Answer };
}

/** Sign-up → the code from the SMS outbox → activation: the patient's session token. */
async function activatedPatient(hub: RunningHub, api: string, phone = '+91 98450 77777') {
  const signUp = await post(`${api}/auth/sign-up`, {
    fullName: 'Meera Iyer',
    phone,
    dateOfBirth: '1985-06-15',
    email: 'meera@example.in',
  });
  expect(signUp.status).toBe(200);
  expect(signUp.body.sentTo).toEqual(expect.any(String));
  const patientId = patientIdByPhone(hub.core.db, phone.replace(/\D/g, '').slice(-10))!;
  const code = lastSmsCode(hub.core.db, patientId)!;
  expect(code).toMatch(/^\d{6}$/);
  const activated = await post(`${api}/auth/activate`, {
    login: phone,
    code,
    password: PASSWORD,
    deviceId: 'meera-phone',
  });
  expect(activated.status).toBe(200);
  expect(activated.body.user).toMatchObject({ role: 'patient', patientId });
  return { patientId, token: activated.body.token! };
}

describe('the patient gateway', () => {
  it('signs up, activates with the SMS code, signs in, answers me, and signs out everywhere', async () => {
    const { hub, api } = await startHubWithGateway();
    const { patientId, token: fromActivation } = await activatedPatient(hub, api);

    const login = await post(`${api}/auth/login`, {
      login: '+91 98450 77777',
      password: PASSWORD,
      deviceId: 'meera-tablet',
    });
    expect(login.status).toBe(200);
    const token = login.body.token!;
    const me = await get(`${api}/me`, token);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: 'patient', patientId });
    expect(me.body.token).toBeUndefined();

    // A wrong password: 401, the contract's one answer.
    const wrong = await post(`${api}/auth/login`, {
      login: '+91 98450 77777',
      password: 'not my password',
      deviceId: 'meera-tablet',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('UNAUTHENTICATED');

    expect((await post(`${api}/auth/logout`, {}, token)).status).toBe(200);
    // Everywhere: the activation's session on the phone ended too.
    for (const ended of [token, fromActivation]) {
      const after = await get(`${api}/me`, ended);
      expect(after.status).toBe(401);
      expect(after.body.error?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers the clinic’s details to anyone and its doctors to a signed-in patient, only the patient-facing fields', async () => {
    // Monday 23 Nov 2026, 08:00 in Kolkata.
    const { hub, api } = await startHubWithGateway({ clock: fixedClock('2026-11-23T02:30:00.000Z') });
    const kavita = insertDoctor(hub.core.db, {
      fullName: 'Dr Kavita Menon',
      specialization: 'General Physician',
    });
    weekdaySchedule(hub.core.db, kavita.id);
    insertDoctor(hub.core.db, { fullName: 'Dr Arjun Rao', specialization: 'Dermatology' });
    insertDoctor(hub.core.db, { fullName: 'Dr Gone Away', active: false });
    expect((await get(`${api}/doctors`)).status).toBe(401);
    // The clinic's name and contact details are public: the welcome screen shows them before sign-in.
    const anonymous = await get(`${api}/clinic`);
    expect(anonymous.status).toBe(200);
    expect(Object.keys(anonymous.body).sort()).toEqual(Object.keys(clinicInfoSchema.shape).sort());
    expect(anonymous.body).toMatchObject({ clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' });
    const { token } = await activatedPatient(hub, api);

    const clinic = (await fetch(`${api}/clinic`, { headers: { authorization: `Bearer ${token}` } }).then(
      (r) => r.json(),
    )) as Record<string, unknown>;
    expect(clinic).toMatchObject({ clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata', currency: 'INR' });
    expect(clinic).not.toHaveProperty('doctorLeave');

    const response = await fetch(`${api}/doctors`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const doctors = (await response.json()) as Record<string, unknown>[];
    expect(doctors.map((d) => d.fullName).sort()).toEqual(['Dr Arjun Rao', 'Dr Kavita Menon']);
    expect(doctors.find((d) => d.id === kavita.id)).toEqual({
      id: kavita.id,
      fullName: 'Dr Kavita Menon',
      specialization: 'General Physician',
      qualification: 'MBBS, MD',
      fees: { newVisit: 50_000, followUp: 30_000 },
      sessionMinutes: 30,
      nextFreeDay: '2026-11-23',
    });
    expect(doctors.find((d) => d.fullName === 'Dr Arjun Rao')?.nextFreeDay).toBeNull();
    const skin = (await fetch(`${api}/doctors?specialization=Dermatology`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json())) as Record<string, unknown>[];
    expect(skin.map((d) => d.fullName)).toEqual(['Dr Arjun Rao']);
  });

  it('answers bad input with 422 naming the field, and unknown paths with 404', async () => {
    const { api } = await startHubWithGateway();
    const bad = await post(`${api}/auth/sign-up`, {
      fullName: 'Meera Iyer',
      phone: 'not a phone',
      dateOfBirth: '1985-06-15',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.code).toBe('VALIDATION');
    expect(bad.body.error?.fields?.map((f) => f.field)).toEqual(['phone']);
    const wrongCode = await post(`${api}/auth/activate`, {
      login: '+91 98450 77777',
      code: '000000',
      password: PASSWORD,
      deviceId: 'x',
    });
    expect(wrongCode.status).toBe(422);
    expect(wrongCode.body.error?.fields?.[0]?.field).toBe('code');
    expect((await get(`${api}/patients`)).status).toBe(404);
  });

  it('serves only its allowlisted routes, none of them the LAN port’s', async () => {
    // Browser mode: the LAN port serves the staff app too (its most routes).
    const rendererDir = mkdtempSync(join(tmpdir(), 'clinic-renderer-'));
    cleanups.push(() => rmSync(rendererDir, { recursive: true, force: true }));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Clinic</title>');
    const { hub, api } = await startHubWithGateway({ rendererDir });
    const { lan, gateway } = hub.routes();
    expect(gateway).toEqual([...ALLOWLIST, ...DOCS_ROUTES].sort());
    expect(lan).toContain('GET /');
    // Nothing of the staff app on the gateway.
    expect((await get(`${api.replace('/api/v1', '')}/`)).status).toBe(404);
    expect(lan.filter((route) => gateway.includes(route))).toEqual([]);
  });

  it('describes every /api/v1 route in its OpenAPI 3.1 document, from the contract’s schemas', async () => {
    const { hub } = await startHubWithGateway();
    const response = await fetch(`${hub.gateway!.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    expect(document.openapi).toBe('3.1.0');
    const described = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // OpenAPI writes a path parameter `:id` as `{id}`.
    const apiRoutes = ALLOWLIST.filter((route) => route.includes('/api/v1/') && !route.startsWith('HEAD'))
      .map((route) => route.replace(/:(\w+)/g, '{$1}'))
      .sort();
    expect(described.sort()).toEqual(apiRoutes);
    const signUp = document.paths['/api/v1/auth/sign-up']!.post!.requestBody!.content['application/json']!;
    const schema = signUp.schema as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['fullName', 'phone', 'dateOfBirth']);
    expect(Object.keys(schema.properties)).toEqual(['fullName', 'phone', 'dateOfBirth', 'email']);
  });

  it('without --gateway-trust-proxy takes the connection’s address, not X-Forwarded-For', async () => {
    const { hub, api } = await startHubWithGateway();
    const response = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.66' },
      body: JSON.stringify({ login: 'PAT000001', password: 'guess', deviceId: 'd' }),
    });
    expect(response.status).toBe(401);
    const keys = throttleKeys(hub.core.db);
    expect(keys.some((key) => key.includes('127.0.0.1'))).toBe(true);
    expect(keys.some((key) => key.includes('198.51.100.66'))).toBe(false);
  });

  it('refuses staff tokens, and the LAN port refuses patient tokens', async () => {
    const { hub, api, adminToken } = await startHubWithGateway();
    const staff = await get(`${api}/me`, adminToken);
    expect(staff.status).toBe(401);
    expect(staff.body.error?.code).toBe('UNAUTHENTICATED');
    expect((await post(`${api}/auth/logout`, {}, adminToken)).status).toBe(401);

    const { token } = await activatedPatient(hub, api);
    await expect(connectTo(hub.url, { token, deviceId: 'meera-phone' })).rejects.toThrow(/app/);
    // The staff token still works on the LAN port, and the patient's on the gateway.
    const desk = await connectTo(hub.url, { token: adminToken, deviceId: 'reception-pc' });
    desk.disconnect();
    expect((await get(`${api}/me`, token)).status).toBe(200);
  });

  it('slows one address down with 429 and Retry-After, and only that address', async () => {
    const hub = await testHub();
    const gateway = createGateway({
      core: hub.core,
      dispatcher: hub.dispatcher,
      trustProxy: { addresses: ['127.0.0.1'] },
      authLimit: { max: 3, windowMs: 60_000 },
    });
    cleanups.push(() => gateway.close());
    const api = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/api/v1`;
    const attempt = (address: string) =>
      fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ login: 'PAT000001', password: 'guess', deviceId: 'd' }),
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt('198.51.100.9')).status).toBe(401);
    // The hub's sign-in throttle counted them against the client's own address.
    expect(throttleKeys(hub.db).some((key) => key.includes('198.51.100.9'))).toBe(true);
    const limited = await attempt('198.51.100.9');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as Answer).error?.code).toBe('RATE_LIMITED');
    // Another client (its own address, from the proxy's header) is not slowed down.
    expect((await attempt('198.51.100.10')).status).toBe(401);
  });
});

function throttleKeys(db: TestHub['db']): string[] {
  return (db.sqlite.prepare('SELECT key FROM login_throttle').all() as { key: string }[]).map((r) => r.key);
}

let shared: TestHub | undefined;
async function testHub(): Promise<TestHub> {
  if (!shared) {
    const hub = await createTestHub();
    shared = hub;
    cleanups.push(() => {
      hub.close();
      shared = undefined;
    });
  }
  return shared;
}
