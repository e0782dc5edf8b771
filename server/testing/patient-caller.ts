import { randomUUID } from 'node:crypto';
import type { Caller } from '@server/core/dispatcher';
import type { TestHub } from './test-hub';

/**
 * A signed-in companion-app patient for an existing patient record. Patients do not sign in
 * through auth.login, so the account (reused if it exists) and the session are written directly,
 * the way the hub's own session code writes them.
 */
export function patientCaller(hub: TestHub, patientId: string): Caller & { userId: string } {
  const existing = hub.db.first(hub.db.q.selectFrom('users').select('id').where('patientId', '=', patientId));
  const userId = existing?.id ?? randomUUID();
  if (!existing) {
    hub.db.run(
      hub.db.q.insertInto('users').values({
        id: userId,
        username: `patient-${userId.slice(0, 8)}`,
        displayName: 'Patient',
        role: 'patient',
        doctorId: null,
        patientId,
        disabled: 0,
        createdAt: hub.clock.now().toISOString(),
        lastLoginAt: null,
      }),
    );
  }
  const session = hub.core.sessions.create(
    userId,
    'phone-app',
    hub.clock.now(),
    hub.core.settings(),
    'patient',
  );
  return { token: session.token, deviceId: 'phone-app', userId };
}
