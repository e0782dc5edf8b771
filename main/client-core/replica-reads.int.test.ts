import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { LocalExecutor } from '@main/client-core/local-executor';
import {
  at,
  type Clinic,
  clinicPerTest,
  hubDown,
  hubUp,
  newDesktop,
  settled,
  signedIn,
  waitFor,
} from '@main/client-core/testing/clinic';

interface AuditRow {
  kind: string;
  action: string;
  actorUserId: string;
  actorRole: string;
  deviceId: string;
  entityId: string;
  details: string;
}

/** The clinic's first patient, booked at 09:00 with its doctor and checked in on the hub. */
async function checkedInVisit(clinic: Clinic): Promise<string> {
  const { hub } = clinic.server;
  const appointmentId = randomUUID();
  await hub.call(hub.admin, 'appointments.book', {
    id: appointmentId,
    patientId: clinic.patientIds[0]!,
    doctorId: clinic.doctorId,
    startsAt: at('2026-11-23', '09:00'),
  });
  await hub.call(hub.admin, 'queue.checkIn', { appointmentId });
  return appointmentId;
}

/** docs/architecture.md (Security invariants): a doctor's reads of consultations are audited by the hub even when served by the desktop's replica. */
describe('reads of medical content served by a replica', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('reach the hub’s audit log once each, under the doctor and the desktop, after an offline spell', async () => {
    const clinic = await start();
    const doctor = newDesktop(clinic.server.url, 'doctor-room');
    desktops.push(doctor);
    await signedIn(doctor, clinic.users.doctor);
    const { hub } = clinic.server;
    const appointmentId = await checkedInVisit(clinic);
    const consultationId = randomUUID();
    await doctor.core.syncNow();
    await doctor.core.call('consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: { chiefComplaint: 'cough' },
    });
    const readsOnHub = () =>
      hub.db.sqlite
        .prepare("SELECT * FROM audit_log WHERE kind = 'read' AND action = 'consultations.get' ORDER BY seq")
        .all() as AuditRow[];

    // Online: the replica answers, the hub audits it with the next sync.
    expect((await doctor.core.call('consultations.get', { appointmentId }))?.consultation.id).toBe(
      consultationId,
    );
    await doctor.core.syncNow();
    expect(readsOnHub()).toHaveLength(1);

    const port = await hubDown(clinic);
    await waitFor(() => !doctor.core.connectionState().online, 'doctor offline');
    for (let i = 0; i < 2; i++) await doctor.core.call('consultations.get', { appointmentId });
    expect(readsOnHub()).toHaveLength(1);
    await hubUp(clinic, port);
    await settled([doctor]);

    const reads = readsOnHub();
    expect(reads).toHaveLength(3);
    const doctorUser = hub.db.sqlite.prepare("SELECT id FROM users WHERE username = 'doctor1'").get() as {
      id: string;
    };
    for (const read of reads) {
      expect(read).toMatchObject({
        actorUserId: doctorUser.id,
        actorRole: 'doctor',
        entityId: consultationId,
      });
      expect(read.deviceId).toMatch(/^doctor-room-/);
      expect(JSON.parse(read.details)).toMatchObject({ appointmentId, servedFrom: 'desktop replica' });
    }
    expect(hub.core.audit.verify().ok).toBe(true);
    await doctor.core.syncNow();
    expect(readsOnHub()).toHaveLength(3); // nothing sent twice
  });

  it('let a nurse read a patient’s vitals offline from her replica, which holds none of the doctor’s writing', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const nurse = newDesktop(clinic.server.url, 'nurse-station');
    desktops.push(nurse);
    const doctor = await hub.signIn('doctor', { username: 'doctor2', doctorId: clinic.doctorId });
    await hub.signIn('nurse', { username: 'nurse1' });
    await signedIn(nurse, 'nurse1');
    const appointmentId = await checkedInVisit(clinic);
    const vitals = { systolic: 126, diastolic: 82, pulse: 74, temperatureC: 36.9, spo2: 98, weightKg: 58.5 };
    const consultationId = randomUUID();
    await hub.call(doctor, 'consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: { chiefComplaint: 'wheeze at night', vitals },
    });
    await nurse.core.syncNow();

    const port = await hubDown(clinic);
    await waitFor(() => !nurse.core.connectionState().online, 'nurse offline');
    const read = await nurse.core.call('consultations.vitals', { appointmentIds: [appointmentId] });
    expect(read).toEqual([
      { appointmentId, consultationId, vitals, updatedAt: expect.any(String) as string },
    ]);
    const replica = new BetterSqlite3(nurse.core.replicaFile, { readonly: true });
    const rows = replica.prepare('SELECT * FROM consultations').all() as Record<string, unknown>[];
    replica.close();
    expect(rows.map((row) => JSON.parse(String(row.vitals)) as unknown)).toEqual([vitals]);
    expect(JSON.stringify(rows)).not.toContain('wheeze');
    await hubUp(clinic, port);
    await settled([nurse]);
    const audited = hub.db.sqlite
      .prepare("SELECT actorRole, entityId FROM audit_log WHERE action = 'consultations.vitals'")
      .all();
    expect(audited).toEqual([{ actorRole: 'nurse', entityId: consultationId }]);
  });

  it('run once for identical reads in flight together, and a refused one refuses every caller', async () => {
    const clinic = await start();
    const desk = newDesktop(clinic.server.url, 'front-desk');
    desktops.push(desk);
    await signedIn(desk, clinic.users.receptionist);
    await desk.core.syncNow();
    const runs = vi.spyOn(LocalExecutor.prototype, 'run');
    const executions = (name: string) => runs.mock.calls.filter(([run]) => run.name === name).length;
    try {
      const [first, second] = clinic.patientIds as [string, string];
      const answers = await Promise.all([
        desk.core.call('patients.get', { id: first }),
        desk.core.call('patients.get', { id: first }),
        desk.core.call('patients.get', { id: second }),
        desk.core.call('patients.get', { id: first }),
      ]);
      expect(answers.map((patient) => patient.id)).toEqual([first, first, second, first]);
      expect(executions('patients.get')).toBe(2);

      const unknown = randomUUID();
      const refused = await Promise.allSettled([
        desk.core.call('patients.get', { id: unknown }),
        desk.core.call('patients.get', { id: unknown }),
      ]);
      expect(refused.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      for (const outcome of refused) {
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(executions('patients.get')).toBe(3);

      // Shared only while in flight: a later read runs again.
      await desk.core.call('patients.get', { id: first });
      expect(executions('patients.get')).toBe(4);
    } finally {
      runs.mockRestore();
    }
  });
});
