import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OperationName } from '@shared/contract/index';
import { ownTargets } from '@shared/permissions/own-scope';
import { permissionPolicy } from '@shared/permissions/policy';
import type { Caller } from '@server/core/dispatcher';
import { handlers } from '@server/handlers/registry';
import { changeSettings } from '@server/testing/booking-setup';
import { insertAppointment } from '@server/testing/visit-fixtures';
import { insertPatient } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

/**
 * Every operation a doctor or a patient may use on their own records only, called with a missing
 * id and with the id of another doctor's / another patient's record: the two error bodies must
 * be identical, so an error never tells whether a record exists.
 */
type Role = 'doctor' | 'patient';
interface Others {
  doctorId: string;
  patientId: string;
  appointmentId: string;
  entryId: string;
  consultationId: string;
  transitionId: string;
  requestId: string;
  billId: string;
  exceptionId: string;
  leaveRequestId: string;
  waitlistEntryId: string;
}
type Case = {
  [N in OperationName]: { op: N; role: Role; input: (ids: Others) => InputOf<N> };
}[OperationName];

const content = { diagnosis: { text: 'Viral fever' }, advice: 'Rest and fluids' };
const later = '2026-11-23T10:30:00.000Z';
const LEAVE_ID = randomUUID();
const leaveOf = (doctorId: string) => ({
  id: LEAVE_ID,
  doctorId,
  date: '2026-12-02',
  kind: 'leave' as const,
  window: null,
  reason: '',
});

const cases: Case[] = [
  { role: 'doctor', op: 'appointments.confirm', input: (o) => ({ id: o.appointmentId }) },
  { role: 'doctor', op: 'appointments.decline', input: (o) => ({ id: o.appointmentId, reason: 'Away' }) },
  { role: 'doctor', op: 'appointments.cancel', input: (o) => ({ id: o.appointmentId, reason: 'Away' }) },
  {
    role: 'doctor',
    op: 'appointments.reschedule',
    input: (o) => ({ id: o.appointmentId, newStartsAt: later, reason: 'Away' }),
  },
  {
    role: 'doctor',
    op: 'appointments.decideReschedule',
    input: (o) => ({ requestId: o.requestId, approve: false, reason: 'Full' }),
  },
  { role: 'doctor', op: 'appointments.markNoShow', input: (o) => ({ id: o.appointmentId }) },
  { role: 'doctor', op: 'appointments.complete', input: (o) => ({ id: o.appointmentId }) },
  {
    role: 'doctor',
    op: 'appointments.undoTransition',
    input: (o) => ({ transitionId: o.transitionId, reason: 'Mistake' }),
  },
  { role: 'doctor', op: 'queue.checkIn', input: (o) => ({ appointmentId: o.appointmentId }) },
  { role: 'doctor', op: 'schedules.previewException', input: (o) => ({ exception: leaveOf(o.doctorId) }) },
  { role: 'doctor', op: 'schedules.addException', input: (o) => ({ exception: leaveOf(o.doctorId) }) },
  { role: 'doctor', op: 'schedules.removeException', input: (o) => ({ id: o.exceptionId }) },
  { role: 'doctor', op: 'leave.withdraw', input: (o) => ({ id: o.leaveRequestId }) },

  { role: 'doctor', op: 'queue.move', input: (o) => ({ entryId: o.entryId, toIndex: 0 }) },
  { role: 'doctor', op: 'queue.setPriority', input: (o) => ({ entryId: o.entryId, priority: 'urgent' }) },
  { role: 'doctor', op: 'queue.callNext', input: (o) => ({ doctorId: o.doctorId }) },
  { role: 'doctor', op: 'queue.recall', input: (o) => ({ id: o.entryId }) },
  { role: 'doctor', op: 'queue.startConsultation', input: (o) => ({ id: o.entryId }) },
  {
    role: 'doctor',
    op: 'consultations.saveDraft',
    input: (o) => ({ id: randomUUID(), appointmentId: o.appointmentId, content }),
  },
  {
    role: 'doctor',
    op: 'consultations.recordVitals',
    input: (o) => ({ id: randomUUID(), appointmentId: o.appointmentId, vitals: { pulse: 80 } }),
  },
  { role: 'doctor', op: 'consultations.finalize', input: (o) => ({ id: o.consultationId }) },
  { role: 'patient', op: 'patients.get', input: (o) => ({ id: o.patientId }) },
  { role: 'patient', op: 'patients.update', input: (o) => ({ id: o.patientId, details: { address: 'x' } }) },
  {
    role: 'patient',
    op: 'appointments.book',
    input: (o) => ({ id: randomUUID(), patientId: o.patientId, doctorId: o.doctorId, startsAt: later }),
  },
  { role: 'patient', op: 'appointments.cancel', input: (o) => ({ id: o.appointmentId }) },
  {
    role: 'patient',
    op: 'appointments.reschedule',
    input: (o) => ({ id: o.appointmentId, newStartsAt: later, reason: 'Travelling' }),
  },
  {
    role: 'patient',
    op: 'appointments.requestReschedule',
    input: (o) => ({ id: o.appointmentId, requestId: randomUUID() }),
  },
  { role: 'patient', op: 'appointments.get', input: (o) => ({ id: o.appointmentId }) },
  { role: 'patient', op: 'appointments.history', input: (o) => ({ id: o.appointmentId }) },
  { role: 'patient', op: 'appointments.slip', input: (o) => ({ id: o.appointmentId }) },
  { role: 'patient', op: 'queue.myPosition', input: (o) => ({ appointmentId: o.appointmentId }) },
  { role: 'patient', op: 'consultations.prescriptionPdf', input: (o) => ({ id: o.consultationId }) },
  { role: 'patient', op: 'billing.get', input: (o) => ({ id: o.billId }) },
  { role: 'patient', op: 'billing.receiptPdf', input: (o) => ({ billId: o.billId }) },
  {
    role: 'patient',
    op: 'waitlist.join',
    input: (o) => ({
      id: randomUUID(),
      patientId: o.patientId,
      doctorId: o.doctorId,
      fromDate: '2026-11-24',
      toDate: '2026-11-30',
    }),
  },
  { role: 'patient', op: 'waitlist.cancel', input: (o) => ({ id: o.waitlistEntryId }) },
];

/**
 * 'own' operations that name no record: nothing to compare. Those the policy's own scope marks
 * 'self' (shared/permissions/own-scope.ts) act on the caller's own identity; the two below answer
 * per item, never failing the call: another patient's id is left out like a missing one
 * (patients-get-many.test.ts); another doctor's booking is "not moved" like a missing one (below).
 */
const withoutRecordIds = new Set<OperationName>([
  ...(Object.keys(ownTargets) as OperationName[]).filter((op) => ownTargets[op] === 'self'),
  'patients.getMany',
  'schedules.bulkReschedule',
]);

describe('not found, whether missing or not yours', () => {
  let hub: TestHub;
  let others: Others;
  const callers = {} as Record<Role, Caller>;

  beforeAll(async () => {
    hub = await createTestHub();
    const owner = await hub.signIn('doctor');
    const reception = await hub.signIn('receptionist');
    const ownerPatient = insertPatient(hub.db).id;
    const self = insertPatient(hub.db).id;
    callers.doctor = await hub.signIn('doctor');
    callers.patient = patientCaller(hub, self);

    const visit = insertAppointment(hub, {
      doctorId: owner.doctorId!,
      patientId: ownerPatient,
      startsAt: '2026-11-23T03:30:00.000Z',
      status: 'CONFIRMED',
    });
    const entry = await hub.call(reception, 'queue.checkIn', { appointmentId: visit });
    const draft = await hub.call(owner, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId: visit,
      content,
    });
    await hub.call(owner, 'consultations.finalize', { id: draft.consultation.id });
    await hub.call(owner, 'appointments.complete', { id: visit });
    const next = insertAppointment(hub, {
      doctorId: owner.doctorId!,
      patientId: ownerPatient,
      startsAt: '2026-11-25T03:30:00.000Z',
      status: 'CONFIRMED',
    });
    const request = await hub.call(patientCaller(hub, ownerPatient), 'appointments.requestReschedule', {
      id: next,
      requestId: randomUUID(),
    });
    const first = (sql: string) => (hub.db.sqlite.prepare(sql).get(visit) as { id: string }).id;
    others = {
      doctorId: owner.doctorId!,
      patientId: ownerPatient,
      appointmentId: visit,
      entryId: entry.id,
      consultationId: draft.consultation.id,
      transitionId: first('SELECT id FROM status_transitions WHERE appointmentId = ? LIMIT 1'),
      requestId: request.id,
      billId: first('SELECT id FROM bills WHERE appointmentId = ?'),
      exceptionId: randomUUID(),
      leaveRequestId: randomUUID(),
      waitlistEntryId: randomUUID(),
    };
    await hub.call(reception, 'waitlist.join', {
      id: others.waitlistEntryId,
      patientId: ownerPatient,
      doctorId: owner.doctorId!,
      fromDate: '2026-11-24',
      toDate: '2026-11-30',
    });
    await hub.call(reception, 'schedules.addException', {
      exception: { ...leaveOf(owner.doctorId!), id: others.exceptionId, date: '2026-12-03' },
    });
    changeSettings(hub, { doctorLeave: 'doctorsRequest' });
    await hub.call(owner, 'leave.request', {
      id: others.leaveRequestId,
      details: { fromDate: '2026-12-07', toDate: '2026-12-07' },
    });
  });
  afterAll(() => hub.close());

  it('covers every own-scoped operation that names a record', () => {
    const own = Object.entries(permissionPolicy).flatMap(([op, grant]) =>
      (['doctor', 'patient'] as const)
        .filter((role) => grant !== 'public' && grant[role] === 'own')
        .filter(() => handlers[op as OperationName] && !withoutRecordIds.has(op as OperationName))
        .map((role) => `${role} ${op}`),
    );
    expect(cases.map((c) => `${c.role} ${c.op}`).sort()).toEqual(own.sort());
  });

  it('bulk moves answer another doctor’s booking like a missing one', async () => {
    const move = (appointmentId: string) =>
      hub.dispatcher.call(
        'schedules.bulkReschedule',
        { moves: [{ appointmentId, newStartsAt: later }], reason: 'Away' },
        callers.doctor,
      );
    const missing = JSON.stringify(await move(randomUUID()));
    const notYours = JSON.stringify(await move(others.appointmentId));
    expect(notYours.replaceAll(others.appointmentId, 'ID')).toBe(
      missing.replace(/"appointmentId":"[^"]+"/, '"appointmentId":"ID"'),
    );
  });

  it.each(cases.map((c) => [`${c.role} ${c.op}`, c] as const))('%s', async (_label, c) => {
    const call = (ids: Others) => failureOf(hub.dispatcher.call(c.op, c.input(ids), callers[c.role]));
    const missingIds = { ...others };
    for (const key of Object.keys(missingIds) as (keyof Others)[]) missingIds[key] = randomUUID();
    const missing = await call(missingIds);
    const notYours = await call(others);
    expect(missing.code).toBe('NOT_FOUND');
    expect(notYours).toEqual(missing);
  });
});
