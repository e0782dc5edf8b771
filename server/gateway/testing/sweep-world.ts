import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiFailure } from '@shared/contract/errors';
import type { Dispatcher } from '@server/core/dispatcher';
import { lastSmsCode } from '@server/testing/app-codes';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { visitWorld } from '@server/testing/visit-world';
import { createGateway, type Gateway } from '@server/gateway/gateway-server';

/** The kinds of record a patient owns that a gateway route may name by id. */
export type OwnedKind =
  'appointment' | 'bill' | 'consultation' | 'waitlist' | 'notification' | 'rescheduleRequest';

export interface SweepPatient {
  patientId: string;
  code: string;
  fullName: string;
  phone: string;
  token: string;
  /** Their own records of each kind, made through the hub's operations as staff. */
  ids: Record<OwnedKind, string[]>;
}

export interface SweepWorld {
  hub: TestHub;
  gateway: Gateway;
  /** The clinic's doctor, working weekdays 09:00–13:00 and 14:00–17:00. */
  doctorId: string;
  /** `http://127.0.0.1:port` (routes from gateway.routes() are appended as they are). */
  origin: string;
  a: SweepPatient;
  b: SweepPatient;
  /** What the gateway asked the hub, in order: operation names and how each ended. */
  dispatched: string[];
  /** SQLite statements run (get/all/run/iterate) since the process started. */
  statements(): number;
  close(): Promise<void>;
}

export const SWEEP_PASSWORD = 'my own app password';

/**
 * Two patients of one clinic, each with an app account (invited by reception, activated with
 * the SMS code through the gateway) and one record of every owned kind: an upcoming
 * appointment, a completed visit (signed consultation, bill with a payment), a waiting-list
 * entry, and the in-app messages those made. The gateway runs on the test hub (127.0.0.1,
 * limits raised so a sweep is never slowed down) behind a dispatcher that records its calls.
 */
export async function sweepWorld(): Promise<SweepWorld> {
  const hub = await createTestHub();
  const world = await visitWorld(hub);
  const dispatched: string[] = [];
  const recording: Dispatcher = {
    ...hub.dispatcher,
    call: (name, input, caller) =>
      hub.dispatcher.call(name, input, caller).then(
        (result) => {
          dispatched.push(`${name}:ok`);
          return result;
        },
        (error: unknown) => {
          dispatched.push(`${name}:${error instanceof ApiFailure ? error.error.code : 'throw'}`);
          throw error;
        },
      ),
  };
  const gateway = createGateway({
    core: hub.core,
    dispatcher: recording,
    limit: { max: 1_000_000, windowMs: 60_000 },
    authLimit: { max: 1_000_000, windowMs: 60_000 },
  });
  const origin = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`;
  const counter = countStatements(hub.db.sqlite);

  const patient = async (fullName: string, phone: string, times: [string, string]) => {
    const { id: patientId, code } = await world.register({ fullName, phone, dateOfBirth: '1985-06-15' });
    await hub.call(world.reception, 'patients.inviteToApp', { id: patientId });
    const activated = await fetch(`${origin}/api/v1/auth/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        login: phone,
        code: lastSmsCode(hub.db, patientId),
        password: SWEEP_PASSWORD,
        deviceId: `${code}-phone`,
      }),
    });
    if (activated.status !== 200) throw new Error(`activation failed: ${await activated.text()}`);
    const { token } = (await activated.json()) as { token: string };
    const past = await world.book(patientId, times[0]);
    const { consultationId, billId } = await world.completeVisit(past.id);
    await hub.call(world.reception, 'billing.recordPayment', {
      id: randomUUID(),
      billId,
      amount: 100,
      mode: 'cash',
    });
    const upcoming = await world.book(patientId, times[1]);
    // A reschedule request through the app (the gateway's only way to make one).
    const requestId = randomUUID();
    const asked = await fetch(`${origin}/api/v1/appointments/${upcoming.id}/reschedule-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ requestId, preferredDate: '2026-11-25', note: 'Wednesday suits me' }),
    });
    if (!asked.ok) throw new Error(`no reschedule request: ${await asked.text()}`);
    const rescheduleRequest = [requestId];
    // Not every hub version has the waiting list yet; its routes then have no record to sweep.
    const waitlist = await hub
      .call(world.reception, 'waitlist.join', {
        id: randomUUID(),
        patientId,
        doctorId: world.doctorId,
        fromDate: '2026-11-30',
        toDate: '2026-12-04',
      })
      .catch(() => null);
    const notifications = (
      hub.db.sqlite
        .prepare(`SELECT id FROM notifications WHERE patientId = ? AND channel = 'in_app'`)
        .all(patientId) as { id: string }[]
    ).map((row) => row.id);
    if (notifications.length === 0) throw new Error('no in-app message was made for the patient');
    return {
      patientId,
      code,
      fullName,
      phone,
      token,
      ids: {
        appointment: [upcoming.id, past.id],
        bill: [billId],
        consultation: [consultationId],
        waitlist: waitlist ? [waitlist.id] : [],
        notification: notifications,
        rescheduleRequest,
      },
    } satisfies SweepPatient;
  };

  const a = await patient('Asha Quillfeather', '+91 98450 11111', ['09:00', '11:00']);
  const b = await patient('Bhavna Zephyrine', '+91 98450 22222', ['09:30', '11:30']);
  return {
    hub,
    gateway,
    doctorId: world.doctorId,
    origin,
    a,
    b,
    dispatched,
    statements: () => counter.count,
    async close() {
      counter.restore();
      await gateway.close();
      hub.close();
    },
  };
}

/**
 * Counts the statements better-sqlite3 runs (its Statement prototype is shared by every
 * database of the process): the sweep compares counts, never durations, for the timing class.
 */
function countStatements(sqlite: BetterSqlite3.Database): { count: number; restore(): void } {
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<string, unknown>;
  const methods = ['get', 'all', 'run', 'iterate'] as const;
  const originals = methods.map((method) => prototype[method] as (...args: unknown[]) => unknown);
  const counter = {
    count: 0,
    restore() {
      methods.forEach((method, i) => (prototype[method] = originals[i]));
    },
  };
  methods.forEach((method, i) => {
    const original = originals[i]!;
    prototype[method] = function (this: unknown, ...args: unknown[]) {
      counter.count += 1;
      return original.apply(this, args);
    };
  });
  return counter;
}
