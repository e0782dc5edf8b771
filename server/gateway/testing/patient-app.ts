import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { ApiError } from '@shared/contract/errors';
import type { Clock } from '@server/core/clock';
import type { Dispatcher } from '@server/core/dispatcher';
import type { HubCore } from '@server/core/hub-core';
import type { Db } from '@server/db/database';
import { type RunningHub, startHub } from '@server/hub/hub-server';
import { createGateway, type GatewayOptions } from '@server/gateway/gateway-server';
import { lastSmsCode, patientIdByPhone } from '@server/testing/app-codes';
import { TEST_PASSWORD } from '@server/testing/test-hub';

const silent = pino({ level: 'silent' });

/** The password every patient signed up here chooses. */
export const APP_PASSWORD = 'my own app password';

export interface HubWithGateway {
  hub: RunningHub;
  /** The gateway's `/api/v1` base URL. */
  api: string;
  adminToken: string;
  /** Stops the hub (and its gateway) and removes its data directory. */
  stop(): Promise<void>;
}

/** The real hub (startHub) with its gateway on 127.0.0.1, set up with an admin. */
export async function startHubWithGateway(
  options: { rendererDir?: string; clock?: Clock; companionDir?: string } = {},
): Promise<HubWithGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-gateway-'));
  const hub = await startHub({
    ...options,
    dataDir,
    port: 0,
    host: '127.0.0.1',
    gatewayPort: 0,
    mdns: false,
    delivery: false,
    logger: silent,
  });
  const stop = async () => {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const admin = (await hub.dispatcher.call(
    'auth.setup',
    {
      settings: { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' },
      admin: { username: 'admin', displayName: 'Anita Admin', password: TEST_PASSWORD },
      deviceId: 'reception-pc',
    },
    { token: null, deviceId: 'reception-pc' },
  )) as { token: string };
  return { hub, api: `${hub.gateway!.url}/api/v1`, adminToken: admin.token, stop };
}

/**
 * A gateway on 127.0.0.1 in front of a test hub that is already running (createTestHub,
 * startSocketHub): its pinned clock and fixtures, the same dispatcher as its LAN port.
 */
export async function gatewayOn(
  hub: { core: HubCore; dispatcher: Dispatcher },
  options: Omit<GatewayOptions, 'core' | 'dispatcher'> = {},
): Promise<{ api: string; close(): Promise<void> }> {
  const gateway = createGateway({ ...options, core: hub.core, dispatcher: hub.dispatcher });
  const port = await gateway.listen(0, '127.0.0.1');
  return { api: `http://127.0.0.1:${port}/api/v1`, close: () => gateway.close() };
}

/** What the gateway answered: the status, the headers and the JSON body (a result or `{ error }`). */
export interface AppAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T & { error?: ApiError };
}

/** JSON requests to the gateway as the app sends them, with the patient's bearer token if given. */
export function appClient(api: string, token?: string) {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<AppAnswer<T>> => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : {}) as never,
    };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => send<T>('GET', path),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}) => send<T>('POST', path, body),
  };
}

export interface AppPatient {
  patientId: string;
  /** The bearer token of the patient's session (from signing in, after activation). */
  token: string;
  phone: string;
}

/**
 * A patient using the app for the first time: sign-up → the code from the SMS outbox →
 * activation → sign-in with phone and password. Throws naming the step that was refused.
 */
export async function signUpPatient(
  db: Db,
  api: string,
  patient: { fullName?: string; phone: string; dateOfBirth?: string; deviceId?: string },
): Promise<AppPatient> {
  const app = appClient(api);
  const deviceId = patient.deviceId ?? 'patient-phone';
  const expectOk = (step: string, answer: AppAnswer<unknown>) => {
    if (answer.status !== 200) {
      throw new Error(`${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  };
  expectOk(
    'sign-up',
    await app.post('/auth/sign-up', {
      fullName: patient.fullName ?? 'Meera Iyer',
      phone: patient.phone,
      dateOfBirth: patient.dateOfBirth ?? '1985-06-15',
    }),
  );
  const patientId = patientIdByPhone(db, patient.phone.replace(/\D/g, '').slice(-10));
  const code = patientId ? lastSmsCode(db, patientId) : null;
  if (!patientId || !code) throw new Error(`sign-up: no activation SMS for ${patient.phone}`);
  expectOk(
    'activate',
    await app.post('/auth/activate', { login: patient.phone, code, password: APP_PASSWORD, deviceId }),
  );
  const login = await app.post<{ token: string }>('/auth/login', {
    login: patient.phone,
    password: APP_PASSWORD,
    deviceId,
  });
  expectOk('login', login);
  return { patientId, token: login.body.token, phone: patient.phone };
}
