import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  at,
  clinicPerTest,
  hubDown,
  hubUp,
  newDesktop,
  settled,
  signedIn,
  waitFor,
} from './testing/client-test-support';

interface AuditRow {
  kind: string;
  action: string;
  actorUserId: string;
  actorRole: string;
  deviceId: string;
  entityId: string;
  details: string;
}

/** DESIGN §6: a doctor's reads of consultations are audited by the hub even when served by the desktop's replica. */
describe('reads of medical content served by a replica', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('reach the hub’s audit log once each, under the doctor and the desktop, after an offline spell', async () => {
    const clinic = await start();
    const doctor = newDesktop(clinic.server.url, 'doctor-room');
    desktops.push(doctor);
    await signedIn(doctor, clinic.users.doctor);
    const { hub } = clinic.server;
    const appointmentId = randomUUID();
    await hub.call(hub.admin, 'appointments.book', {
      id: appointmentId,
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    });
    await hub.call(hub.admin, 'queue.checkIn', { appointmentId });
    const consultationId = randomUUID();
    await doctor.core.syncNow();
    await doctor.core.call('consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: { chiefComplaint: 'cough' },
    });
    const readsOnHub = () =>
      hub.db.sqlite
        .prepare("SELECT * FROM audit_log WHERE kind = 'read' AND action = 'consultation.read' ORDER BY seq")
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
});
