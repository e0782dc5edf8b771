import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, TEST_PASSWORD, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

const NINE_AM = '2026-11-23T03:30:00.000Z';
const vitals = { systolic: 120, diastolic: 80, pulse: 72, temperatureC: null, spo2: 98, weightKg: null };

/**
 * A screen refetches the record it shows on every live refresh: the audit log gets a read row
 * when a session first reads a record at a version, not for each refetch (read-memo.ts).
 */
describe('reads of medical content: audited once per session and record version', () => {
  let hub: TestHub;
  let doctor: Caller;
  let appointmentId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    const signedIn = await hub.signIn('doctor', { username: 'drmehta' });
    doctor = signedIn;
    const patientId = insertPatient(hub.db).id;
    appointmentId = insertAppointment(hub, { doctorId: signedIn.doctorId!, patientId, startsAt: NINE_AM });
  });
  afterEach(() => hub.close());

  const reads = (action: string) =>
    (
      hub.db.sqlite
        .prepare(`SELECT actorUserId FROM audit_log WHERE action = ? AND kind = 'read'`)
        .all(action) as {
        actorUserId: string;
      }[]
    ).length;
  const saveDraft = (advice: string) =>
    hub.call(doctor, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId,
      content: { advice },
      baseRevision: null,
    });

  it('writes one row for repeated reads of one version, and a row for a new version or a new session', async () => {
    const draft = await saveDraft('Rest');
    for (let i = 0; i < 5; i++) await hub.call(doctor, 'consultations.get', { appointmentId });
    expect(reads('consultations.get')).toBe(1);

    hub.clock.advance(1);
    await hub.call(doctor, 'consultations.saveDraft', {
      id: draft.consultation.id,
      appointmentId,
      content: { advice: 'Rest and fluids' },
      baseRevision: draft.consultation.draftRevision,
    });
    await hub.call(doctor, 'consultations.get', { appointmentId });
    await hub.call(doctor, 'consultations.get', { appointmentId });
    expect(reads('consultations.get')).toBe(2);

    // The same doctor signed in on another desktop: another session, audited again.
    const login = await hub.call(null, 'auth.login', {
      username: 'drmehta',
      password: TEST_PASSWORD,
      deviceId: 'room-2-pc',
    });
    await hub.call({ token: login.token, deviceId: 'room-2-pc' }, 'consultations.get', { appointmentId });
    expect(reads('consultations.get')).toBe(3);
  });

  it('does the same for vitals, per reading', async () => {
    const nurse = await hub.signIn('nurse');
    await hub.call(nurse, 'consultations.recordVitals', { id: randomUUID(), appointmentId, vitals });
    for (let i = 0; i < 3; i++)
      await hub.call(nurse, 'consultations.vitals', { appointmentIds: [appointmentId] });
    expect(reads('consultations.vitals')).toBe(1);

    hub.clock.advance(1);
    await hub.call(nurse, 'consultations.recordVitals', {
      id: randomUUID(),
      appointmentId,
      vitals: { ...vitals, pulse: 90 },
    });
    await hub.call(nurse, 'consultations.vitals', { appointmentIds: [appointmentId] });
    expect(reads('consultations.vitals')).toBe(2);
  });
});
