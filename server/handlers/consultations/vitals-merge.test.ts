import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Vitals } from '@shared/domain/consultation.schema';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

const NINE_AM = '2026-11-23T03:30:00.000Z';
const TAKEN: Vitals = { systolic: 130, diastolic: 85, pulse: 78, temperatureC: 37.2, spo2: 98, weightKg: 64 };

/** Issue 18 item 9: a save changes the readings it changed, nothing else (shared/rules/vitals-merge.ts). */
describe('vitals merge per reading on the hub', () => {
  let hub: TestHub;
  let doctor: Caller & { doctorId: string | null };
  let nurse: Caller;
  let appointmentId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    doctor = await hub.signIn('doctor');
    nurse = await hub.signIn('nurse');
    const patientId = insertPatient(hub.db).id;
    appointmentId = insertAppointment(hub, { doctorId: doctor.doctorId!, patientId, startsAt: NINE_AM });
  });
  afterEach(() => hub.close());

  const nurseSaves = (vitals: Vitals, vitalsBase: Vitals | null) =>
    hub.call(nurse, 'consultations.recordVitals', { id: randomUUID(), appointmentId, vitals, vitalsBase });
  const doctorSaves = (vitals: Vitals, vitalsBase: Vitals | null) =>
    hub.call(doctor, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId,
      content: { chiefComplaint: 'fever for three days', vitals },
      vitalsBase,
    });
  const held = async () =>
    (await hub.call(doctor, 'consultations.get', { appointmentId }))!.consultation.vitals;
  const auditDetails = (action: string) =>
    hub.db.sqlite
      .prepare(`SELECT details FROM audit_log WHERE action = ? ORDER BY rowid`)
      .all(action)
      .map((row) => JSON.parse((row as { details: string }).details) as Record<string, unknown>);

  it('keeps the nurse’s corrected temperature and the doctor’s pulse, whichever save comes first', async () => {
    await nurseSaves(TAKEN, null);
    // Both opened the record holding TAKEN; the nurse corrects the temperature, the doctor the pulse.
    await nurseSaves({ ...TAKEN, temperatureC: 38.4 }, TAKEN);
    const draft = await doctorSaves({ ...TAKEN, pulse: 96 }, TAKEN);
    expect(draft.consultation.vitals).toEqual({ ...TAKEN, temperatureC: 38.4, pulse: 96 });

    // The other order: the doctor's weight first, then the nurse's SpO₂ from her older form.
    const base = await held();
    await doctorSaves({ ...base, weightKg: 63.5 }, base);
    const recorded = await nurseSaves({ ...base, spo2: 94 }, base);
    const both = { ...TAKEN, temperatureC: 38.4, pulse: 96, weightKg: 63.5, spo2: 94 };
    expect(recorded.vitals).toEqual(both);
    expect(await held()).toEqual(both);
    expect(auditDetails('consultations.recordVitals').at(-1)).toMatchObject({ vitalsChanged: ['spo2'] });
  });

  it('tells a cleared reading (null, base had one) from one left unchanged', async () => {
    await nurseSaves(TAKEN, null);
    await doctorSaves({ ...TAKEN, weightKg: null }, TAKEN);
    expect(await held()).toEqual({ ...TAKEN, weightKg: null });
    // A draft saved with nothing changed leaves every reading as held, whatever it sends as base.
    await nurseSaves({ ...TAKEN, weightKg: null, pulse: 80 }, { ...TAKEN, weightKg: null });
    await doctorSaves({ ...TAKEN, weightKg: null }, { ...TAKEN, weightKg: null });
    expect(await held()).toEqual({ ...TAKEN, weightKg: null, pulse: 80 });
  });

  it('lets the last save win on the same reading, and says in the audit whose change it replaced', async () => {
    await nurseSaves(TAKEN, null);
    await nurseSaves({ ...TAKEN, pulse: 82 }, TAKEN);
    await doctorSaves({ ...TAKEN, pulse: 90 }, TAKEN);
    expect((await held()).pulse).toBe(90);
    expect(auditDetails('consultations.saveDraft').at(-1)).toMatchObject({
      vitalsChanged: ['pulse'],
      vitalsReplaced: ['pulse'],
    });
  });

  it('takes blood pressure as one measurement: both numbers from the save that changed either', async () => {
    await nurseSaves(TAKEN, null);
    await nurseSaves({ ...TAKEN, diastolic: 70 }, TAKEN);
    await doctorSaves({ ...TAKEN, systolic: 150 }, TAKEN);
    expect(await held()).toMatchObject({ systolic: 150, diastolic: 85 });
  });

  it('keeps the old meaning for saves queued without a base', async () => {
    await nurseSaves(TAKEN, null);
    const none = {
      systolic: null,
      diastolic: null,
      pulse: null,
      temperatureC: null,
      spo2: null,
      weightKg: null,
    };
    await doctorSaves(none, null); // a draft with no readings keeps the nurse's
    expect(await held()).toEqual(TAKEN);
    await nurseSaves({ ...none, pulse: 70 }, null); // a nurse's save replaces every reading
    expect(await held()).toEqual({ ...none, pulse: 70 });
  });
});
