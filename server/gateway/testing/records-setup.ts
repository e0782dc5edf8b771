import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { type VisitWorld, visitWorld } from '@server/testing/visit-world';
import { createGateway } from '@server/gateway/gateway-server';

/** What the gateway answered: the status, headers and the body (JSON, or the bytes otherwise). */
export interface GatewayAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Buffer;
}

export interface RecordsClinic {
  hub: TestHub;
  world: VisitWorld;
  /** The gateway's base URL, `http://127.0.0.1:PORT/api/v1`. */
  api: string;
  /** A registered patient with a companion-app account, and their app session's bearer token. */
  appPatient(fullName: string): Promise<{ id: string; code: string; token: string }>;
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
  ): Promise<GatewayAnswer<T>>;
  close(): Promise<void>;
}

/**
 * A test hub with the document tests' clinic (server/testing/visit-world: a doctor, a
 * receptionist, Monday 23 Nov 2026) and its patient gateway on 127.0.0.1, for the record,
 * profile and waiting-list routes. Patients get an app account and session directly (the account
 * routes have tests of their own); staff make the records through the real operations.
 */
export async function recordsClinic(): Promise<RecordsClinic> {
  const hub = await createTestHub();
  const world = await visitWorld(hub);
  const gateway = createGateway({
    core: hub.core,
    dispatcher: hub.dispatcher,
    // The tests make many requests from one address.
    limit: { max: 10_000, windowMs: 60_000 },
  });
  const api = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/api/v1`;
  return {
    hub,
    world,
    api,
    async appPatient(fullName) {
      const patient = await world.register({ fullName, dateOfBirth: '1988-03-14' });
      return { ...patient, token: patientCaller(hub, patient.id).token! };
    },
    async request<T>(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: {
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      const json = (response.headers.get('content-type') ?? '').includes('application/json');
      return {
        status: response.status,
        headers: response.headers,
        body: (json ? JSON.parse(bytes.toString('utf8')) : undefined) as T,
        bytes,
      };
    },
    async close() {
      await gateway.close();
      hub.close();
    },
  };
}
