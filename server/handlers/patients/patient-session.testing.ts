import { randomUUID } from 'node:crypto';
import { ApiFailure, type ApiError } from '@shared/contract/errors';
import { hashPassword } from '@server/auth/password';
import type { Caller } from '@server/core/dispatcher';
import type { TestHub } from '@server/testing/test-hub';

/**
 * A signed-in patient for tests. Patients sign in through the companion app, not auth.login, so the
 * account and its session are written directly, exactly as the hub's own session code does.
 */
export async function patientSession(hub: TestHub, patientId: string): Promise<Caller & { userId: string }> {
  const userId = randomUUID();
  const passwordHash = await hashPassword('patient password 1');
  const deviceId = `phone-${userId.slice(0, 8)}`;
  const token = hub.db.transaction(() => {
    hub.db.run(
      hub.db.q.insertInto('users').values({
        id: userId,
        username: `patient-${userId}`,
        displayName: 'Patient',
        role: 'patient',
        doctorId: null,
        patientId,
        disabled: 0,
        createdAt: hub.clock.now().toISOString(),
        lastLoginAt: null,
      }),
    );
    hub.db.run(
      hub.db.q
        .insertInto('credentials')
        .values({ userId, passwordHash, updatedAt: hub.clock.now().toISOString() }),
    );
    return hub.core.sessions.create(userId, deviceId, hub.clock.now(), hub.core.settings()).token;
  });
  return { token, deviceId, userId };
}

/** The error a call failed with (fails the test if it succeeded). */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export function count(hub: TestHub, table: string): number {
  return (hub.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
