import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import type { OutboxRow } from '@server/notifications/outbox.repository';
import { insertPatient } from '@server/testing/fixtures';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { at, bookAt, changeSettings, examDoctor, MONDAY, TUESDAY } from '@server/testing/booking-setup';

/** The outbox rows of an appointment (or other record), by dedupe key. */
function rowsAbout(hub: TestHub, aboutId: string): Map<string, OutboxRow> {
  const rows = hub.db.all(hub.db.q.selectFrom('notifications').selectAll().where('aboutId', '=', aboutId));
  return new Map(rows.map((row) => [row.dedupeKey, row]));
}
const kinds = (rows: Map<string, OutboxRow>) => [...new Set([...rows.values()].map((r) => r.kind))].sort();

describe('messages planned from what the clinic does', () => {
  let hub: TestHub;
  let reception: Caller;
  let doctorId: string;
  let patientId: string;
  let appUserId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    changeSettings(hub, { address: '12 MG Road, Bengaluru', phone: '+91 80 4123 4567' });
    reception = await hub.signIn('receptionist');
    doctorId = examDoctor(hub).id;
    patientId = insertPatient(hub.db, {
      fullName: 'Meera Nair',
      phone: '+91 98450 11111',
      email: 'meera@example.in',
    }).id;
    appUserId = patientCaller(hub, patientId).userId;
  });
  afterEach(() => hub.close());

  it('a staff booking: in-app delivered at once, SMS and e-mail pending, with the visit’s wall-clock time', async () => {
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    const rows = rowsAbout(hub, appointment.id);
    const inApp = rows.get(`booking:${appointment.id}:in_app`)!;
    const sms = rows.get(`booking:${appointment.id}:sms`)!;
    const email = rows.get(`booking:${appointment.id}:email`)!;
    expect(inApp).toMatchObject({ kind: 'booking_confirmation', state: 'sent', recipient: appUserId });
    expect(inApp.sentAt).toBe(hub.clock.now().toISOString());
    expect(sms).toMatchObject({
      state: 'pending',
      recipient: '+91 98450 11111',
      subject: '',
      language: 'en',
    });
    expect(sms.segments).toBeGreaterThanOrEqual(1);
    expect(email).toMatchObject({ state: 'pending', recipient: 'meera@example.in', attachment: null });
    expect(email.nextAttemptMs).toBe(hub.clock.now().getTime());
    expect(email.subject).toBe('Appointment confirmed: Tue 24 Nov 2026 at 10:00');
    expect(email.body).toContain(`Dear Meera Nair`);
    expect(email.body).toContain(
      `${appointment.number} with Dr Kavita Menon is confirmed for Tue 24 Nov 2026 at 10:00`,
    );
    expect(email.body).toContain('12 MG Road, Bengaluru');
    expect(JSON.parse(email.params)).toMatchObject({ appointmentNumber: appointment.number, time: '10:00' });
  });

  it('a requested booking, then the clinic confirms it; a decline tells the reason and withdraws the reminder', async () => {
    changeSettings(hub, { bookingNeedsConfirmation: true });
    const first = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    expect(kinds(rowsAbout(hub, first.id))).toEqual(['booking_requested', 'reminder']);
    await hub.call(reception, 'appointments.confirm', { id: first.id });
    const confirmed = [...rowsAbout(hub, first.id).values()].filter((r) => r.kind === 'booking_confirmed');
    expect(confirmed.map((r) => r.channel).sort()).toEqual(['email', 'in_app', 'sms']);
    expect(confirmed[0]!.dedupeKey).toMatch(/^confirmed:[0-9a-f-]+:/);

    const second = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '11:00'));
    const doctor = await hub.signIn('doctor', { doctorId });
    await hub.call(doctor, 'appointments.decline', { id: second.id, reason: 'The doctor is in surgery' });
    const rows = [...rowsAbout(hub, second.id).values()];
    const declined = rows.find((r) => r.kind === 'booking_declined' && r.channel === 'email')!;
    expect(declined.body).toContain('could not be accepted: The doctor is in surgery');
    const reminders = rows.filter((r) => r.kind === 'reminder');
    expect(reminders).toHaveLength(3);
    for (const reminder of reminders) {
      expect(reminder).toMatchObject({ state: 'skipped', reason: 'withdrawn: booking declined' });
    }
  });

  it('a clinic cancellation is told with its reason; a patient’s own cancellation is not, and both withdraw the reminder', async () => {
    const byClinic = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    await hub.call(reception, 'appointments.cancel', { id: byClinic.id, reason: 'The doctor is unwell' });
    const clinicRows = [...rowsAbout(hub, byClinic.id).values()];
    const sms = clinicRows.find((r) => r.kind === 'cancellation' && r.channel === 'sms')!;
    expect(sms.body).toContain('cancelled: The doctor is unwell');
    expect(clinicRows.filter((r) => r.kind === 'reminder').map((r) => [r.state, r.reason])).toEqual([
      ['skipped', 'withdrawn: appointment cancelled'],
      ['skipped', 'withdrawn: appointment cancelled'],
      ['skipped', 'withdrawn: appointment cancelled'],
    ]);

    const own = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '11:00'));
    await hub.call(patientCaller(hub, patientId), 'appointments.cancel', {
      id: own.id,
      reason: 'Feeling better',
    });
    const ownRows = rowsAbout(hub, own.id);
    expect(kinds(ownRows)).toEqual(['booking_confirmation', 'reminder']);
    expect(
      [...ownRows.values()].filter((r) => r.kind === 'reminder').every((r) => r.state === 'skipped'),
    ).toBe(true);
  });

  it('undoing a clinic cancellation the patient was told of confirms the visit again and re-arms its reminder', async () => {
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    await hub.call(reception, 'appointments.cancel', { id: appointment.id, reason: 'Clicked the wrong row' });
    const history = await hub.call(reception, 'appointments.history', { id: appointment.id });
    const cancel = history.transitions.find((t) => t.to === 'CANCELLED')!;
    await hub.call(reception, 'appointments.undoTransition', { transitionId: cancel.id, reason: 'Mistake' });
    const rows = [...rowsAbout(hub, appointment.id).values()];
    expect(rows.filter((r) => r.kind === 'booking_confirmed')).toHaveLength(3);
    const reminders = rows.filter((r) => r.kind === 'reminder');
    expect(reminders.map((r) => r.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('a clinic move tells the old and new time and moves the reminder; a bulk move for leave too, unless asked not to tell', async () => {
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    await hub.call(reception, 'appointments.reschedule', {
      id: appointment.id,
      newStartsAt: at('2026-11-25', '15:00'),
      reason: 'The doctor asked to move it',
    });
    const rows = [...rowsAbout(hub, appointment.id).values()];
    const moved = rows.find((r) => r.kind === 'schedule_change' && r.channel === 'email')!;
    expect(moved.body).toContain('has moved from Tue 24 Nov 2026 10:00 to Wed 25 Nov 2026 at 15:00');
    expect(moved.dedupeKey).toMatch(/^moved:[0-9a-f-]+:email$/);
    const reminder = rowsAbout(hub, appointment.id).get(`reminder:${appointment.id}:sms`)!;
    expect(reminder.state).toBe('pending');
    // Tuesday 18:00 in Kolkata, the evening before the new date.
    expect(new Date(reminder.dueMs).toISOString()).toBe(at(TUESDAY, '18:00'));
    expect(reminder.body).toContain('Wed 25 Nov 2026 at 15:00');

    const onLeave = await bookAt(hub, reception, doctorId, patientId, at('2026-11-26', '10:00'));
    const quiet = await bookAt(hub, reception, doctorId, patientId, at('2026-11-26', '11:00'));
    await hub.call(reception, 'schedules.bulkReschedule', {
      moves: [{ appointmentId: onLeave.id, newStartsAt: at('2026-11-27', '10:00') }],
      reason: 'Dr Menon is on leave',
    });
    await hub.call(reception, 'schedules.bulkReschedule', {
      moves: [{ appointmentId: quiet.id, newStartsAt: at('2026-11-27', '11:00') }],
      reason: 'Dr Menon is on leave',
      notifyPatients: false,
    });
    const leaveSms = [...rowsAbout(hub, onLeave.id).values()].find(
      (r) => r.kind === 'schedule_change' && r.channel === 'sms',
    )!;
    expect(leaveSms.body).toContain('moved to Fri 27 Nov 2026 10:00');
    const quietRows = rowsAbout(hub, quiet.id);
    expect(kinds(quietRows)).toEqual(['booking_confirmation', 'reminder']);
    expect(quietRows.get(`reminder:${quiet.id}:email`)!.body).toContain('Fri 27 Nov 2026 at 11:00');
  });

  it('a patient’s own move is not told back to them; its reminder still follows', async () => {
    changeSettings(hub, { patientDirectReschedule: true });
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    await hub.call(patientCaller(hub, patientId), 'appointments.reschedule', {
      id: appointment.id,
      newStartsAt: at(TUESDAY, '15:00'),
      reason: 'Work meeting',
    });
    const rows = rowsAbout(hub, appointment.id);
    expect(kinds(rows)).toEqual(['booking_confirmation', 'reminder']);
    expect(rows.get(`reminder:${appointment.id}:sms`)!.body).toContain('15:00');
  });

  it('a patient’s request to move, approved by the clinic, is told as a schedule change', async () => {
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    const requestId = randomUUID();
    await hub.call(patientCaller(hub, patientId), 'appointments.requestReschedule', {
      id: appointment.id,
      requestId,
      preferredDate: '2026-11-25',
    });
    await hub.call(reception, 'appointments.decideReschedule', {
      requestId,
      approve: true,
      newStartsAt: at('2026-11-25', '09:30'),
    });
    const rows = [...rowsAbout(hub, appointment.id).values()];
    const sms = rows.find((r) => r.kind === 'schedule_change' && r.channel === 'sms')!;
    expect(sms.body).toContain('moved to Wed 25 Nov 2026 09:30');
    expect(rowsAbout(hub, appointment.id).get(`reminder:${appointment.id}:sms`)!.dueMs).toBe(
      Date.parse(at(TUESDAY, '18:00')),
    );
  });

  it('checking in withdraws a reminder not yet sent', async () => {
    changeSettings(hub, { reminder: { rule: 'hoursBefore', hours: 1 } });
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(MONDAY, '11:00'));
    await hub.call(reception, 'queue.checkIn', { appointmentId: appointment.id });
    const reminders = [...rowsAbout(hub, appointment.id).values()].filter((r) => r.kind === 'reminder');
    expect(reminders.map((r) => [r.state, r.reason])).toEqual([
      ['skipped', 'withdrawn: the patient checked in'],
      ['skipped', 'withdrawn: the patient checked in'],
      ['skipped', 'withdrawn: the patient checked in'],
    ]);
  });

  it('walk-ins get no confirmation and no reminder; a booking after its reminder time gets a skipped one', async () => {
    hub.clock.set(at(MONDAY, '10:00'));
    reception = await hub.signIn('receptionist');
    const walkIn = await hub.call(reception, 'queue.walkIn', {
      appointmentId: randomUUID(),
      doctorId,
      patientId,
    });
    // Only "your turn is near" (the walk-in is next in the doctor's queue): no confirmation, no reminder.
    expect(kinds(rowsAbout(hub, walkIn.appointment.id))).toEqual(['turn_near']);

    hub.clock.set(at(MONDAY, '19:00'));
    reception = await hub.signIn('receptionist');
    const late = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    const reminders = [...rowsAbout(hub, late.id).values()].filter((r) => r.kind === 'reminder');
    expect(reminders.map((r) => [r.channel, r.state, r.reason]).sort()).toEqual([
      ['email', 'skipped', 'booked after the reminder time'],
      ['in_app', 'skipped', 'booked after the reminder time'],
      ['sms', 'skipped', 'booked after the reminder time'],
    ]);
  });

  it('a no-show withdraws a pending reminder (hours-before rule)', async () => {
    changeSettings(hub, { reminder: { rule: 'hoursBefore', hours: 1 } });
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(MONDAY, '11:00'));
    expect(rowsAbout(hub, appointment.id).get(`reminder:${appointment.id}:sms`)!.dueMs).toBe(
      Date.parse(at(MONDAY, '10:00')),
    );
    // A no-show is marked only after the start; no delivery worker runs here, so the reminder
    // is still pending (not attempted) then.
    hub.clock.set(at(MONDAY, '11:30'));
    reception = await hub.signIn('receptionist');
    await hub.call(reception, 'appointments.markNoShow', { id: appointment.id, reason: 'Did not come' });
    const sms = rowsAbout(hub, appointment.id).get(`reminder:${appointment.id}:sms`)!;
    expect(sms).toMatchObject({ state: 'skipped', reason: 'withdrawn: marked no-show' });
  });

  it('a changed reminder rule moves every upcoming reminder not yet sent', async () => {
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    await hub.call(hub.admin, 'settings.update', {
      ...hub.core.settings(),
      reminder: { rule: 'hoursBefore', hours: 2 },
    });
    const reminder = rowsAbout(hub, appointment.id).get(`reminder:${appointment.id}:email`)!;
    expect(new Date(reminder.dueMs).toISOString()).toBe(at(TUESDAY, '08:00'));
  });

  it('a reminder already sent whose appointment then moves gets a new one for the new time', async () => {
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    const key = `reminder:${appointment.id}:sms`;
    hub.db.sqlite
      .prepare(`UPDATE notifications SET state = 'sent', sentAt = ?, attempts = 1 WHERE dedupeKey = ?`)
      .run(at(MONDAY, '18:00'), key);
    await hub.call(reception, 'appointments.reschedule', {
      id: appointment.id,
      newStartsAt: at('2026-11-25', '10:00'),
      reason: 'Clinic closed early',
    });
    const reminders = [...rowsAbout(hub, appointment.id).values()].filter(
      (r) => r.kind === 'reminder' && r.channel === 'sms',
    );
    expect(reminders).toHaveLength(2);
    const fresh = reminders.find((r) => r.dedupeKey !== key)!;
    expect(fresh.dedupeKey).toMatch(new RegExp(`^reminder:${appointment.id}:[0-9a-f-]+:sms$`));
    expect(fresh).toMatchObject({ state: 'pending', dueMs: Date.parse(at(TUESDAY, '18:00')) });
    expect(rowsAbout(hub, appointment.id).get(key)!.state).toBe('sent');
  });

  it('a patient who opts out of SMS and changes e-mail: their upcoming reminders follow', async () => {
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    await hub.call(reception, 'patients.update', {
      id: patientId,
      details: { messageOptOuts: ['sms'], email: 'meera.nair@example.in', preferredLanguage: 'hi' },
    });
    const rows = rowsAbout(hub, appointment.id);
    expect(rows.get(`reminder:${appointment.id}:sms`)).toMatchObject({
      state: 'skipped',
      reason: 'the patient opted out of SMS',
    });
    expect(rows.get(`reminder:${appointment.id}:email`)).toMatchObject({
      state: 'pending',
      recipient: 'meera.nair@example.in',
      language: 'hi',
    });
    // What was already sent for the booking stays as it was.
    expect(rows.get(`booking:${appointment.id}:sms`)!.state).toBe('pending');
  });

  it('a retried booking makes no second message', async () => {
    const id = randomUUID();
    const input = { id, patientId, doctorId, startsAt: at(TUESDAY, '10:00') };
    await hub.call(reception, 'appointments.book', input);
    await expect(hub.call(reception, 'appointments.book', input)).rejects.toThrow(/already/);
    expect(rowsAbout(hub, id).size).toBe(6);
  });

  it('wakes the delivery worker once after the commit of a message due now', async () => {
    let wakes = 0;
    hub.core.outbox.onWake(() => (wakes += 1));
    await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    expect(wakes).toBe(1);
    const unreachable = insertPatient(hub.db, { phone: null, email: null }).id;
    await bookAt(hub, reception, doctorId, unreachable, at(TUESDAY, '11:00'));
    expect(wakes).toBe(1);
  });

  it('a message that cannot be planned never fails the action that caused it', async () => {
    hub.db.sqlite.exec('DROP TABLE message_templates');
    const appointment = await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, '10:00'));
    expect(appointment.status).toBe('CONFIRMED');
    expect(rowsAbout(hub, appointment.id).size).toBe(0);
  });
});
