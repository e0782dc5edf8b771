import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

const NINE_AM = '2026-11-23T03:30:00.000Z';
const none = { systolic: null, diastolic: null, pulse: null, temperatureC: null, spo2: null, weightKg: null };

/**
 * Impossible vitals are refused by the handler the hub and a desktop's offline executor share
 * (both validate with the contract's schema), naming the field; readings stored before the
 * ranges were narrowed are still read back unchanged.
 */
describe('vitals ranges at the handler', () => {
  let hub: TestHub;
  let nurse: Caller;
  let doctor: Caller & { doctorId: string | null };
  let appointmentId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    nurse = await hub.signIn('nurse');
    doctor = await hub.signIn('doctor');
    const patientId = insertPatient(hub.db).id;
    appointmentId = insertAppointment(hub, { doctorId: doctor.doctorId!, patientId, startsAt: NINE_AM });
  });
  afterEach(() => hub.close());

  const record = (vitals: object) =>
    hub.call(nurse, 'consultations.recordVitals', { id: randomUUID(), appointmentId, vitals });
  const stored = () => hub.db.sqlite.prepare('SELECT vitals FROM consultations').all();

  it('refuses BP 300/80 naming the field, and stores nothing', async () => {
    const refused = await failureOf(record({ ...none, systolic: 300, diastolic: 80, pulse: 76 }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.fields).toEqual([
      { field: 'vitals.systolic', message: 'must be at most 280 mmHg: check the reading' },
    ]);
    expect(refused.message).toContain('vitals.systolic');
    expect(stored()).toEqual([]);
  });

  it('refuses each impossible reading by its field', async () => {
    const cases: [object, string][] = [
      [{ systolic: 120, diastolic: 120 }, 'vitals.diastolic'],
      [{ temperatureC: 20 }, 'vitals.temperatureC'],
      [{ temperatureC: 98.6 }, 'vitals.temperatureC'], // °F typed into a °C field
      [{ spo2: 120 }, 'vitals.spo2'],
      [{ pulse: 400 }, 'vitals.pulse'],
      [{ weightKg: 900 }, 'vitals.weightKg'],
    ];
    for (const [readings, field] of cases) {
      const refused = await failureOf(record({ ...none, ...readings }));
      expect(
        refused.fields?.map((f) => f.field),
        field,
      ).toEqual([field]);
    }
    expect(stored()).toEqual([]);
  });

  it('refuses them in the doctor’s draft too', async () => {
    const refused = await failureOf(
      hub.call(doctor, 'consultations.saveDraft', {
        id: randomUUID(),
        appointmentId,
        content: { vitals: { ...none, pulse: 400 } },
      }),
    );
    expect(refused.fields).toEqual([
      { field: 'content.vitals.pulse', message: 'must be at most 300 /min: check the reading' },
    ]);
  });

  it('records abnormal but possible readings, and reads old out-of-range ones back unchanged', async () => {
    const high = { ...none, systolic: 150, diastolic: 95, temperatureC: 38.6, spo2: 92 };
    const { consultationId } = await record(high);
    expect(await hub.call(nurse, 'consultations.vitals', { appointmentIds: [appointmentId] })).toMatchObject([
      { vitals: high },
    ]);
    // A reading the old ranges (up to 300 mmHg) accepted, stored before this release.
    const old = { ...high, systolic: 295, temperatureC: 37.2 };
    hub.db.sqlite
      .prepare('UPDATE consultations SET vitals = ? WHERE id = ?')
      .run(JSON.stringify(old), consultationId);
    expect(await hub.call(nurse, 'consultations.vitals', { appointmentIds: [appointmentId] })).toMatchObject([
      { vitals: old },
    ]);
    expect((await hub.call(doctor, 'consultations.get', { appointmentId }))?.consultation.vitals).toEqual(
      old,
    );
  });
});
