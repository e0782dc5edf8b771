import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { localToInstant } from '@shared/rules/zoned-time';
import type { Caller } from '@server/core/dispatcher';
import { at, examDoctor, MONDAY } from '@server/testing/booking-setup';
import { insertPatient } from '@server/testing/fixtures';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { deliverDueInApp, MISSED_REMINDER } from './due-reminders';
import { planMessages } from './message-triggers';
import { latestReminder, releaseDueInApp } from './outbox.repository';

const london = (date: string, time: string) => localToInstant(date, time, 'Europe/London');

let hub: TestHub | undefined;
afterEach(() => hub?.close());

describe('reminders across a DST change, on a movable clock', () => {
  it('moves with the appointment over the spring-forward night and is delivered in-app at 18:00 BST, not 18:00 GMT', async () => {
    // Thursday 26 Mar 2026, 08:00 GMT; the clocks go forward on Sunday 29 Mar at 01:00 GMT.
    hub = await createTestHub({ timeZone: 'Europe/London', now: '2026-03-26T08:00:00.000Z' });
    const reception: Caller = await hub.signIn('receptionist');
    const doctorId = examDoctor(hub).id;
    const patientId = insertPatient(hub.db, { email: 'tom@example.co.uk' }).id;
    patientCaller(hub, patientId);
    const { appointment } = await hub.call(reception, 'appointments.book', {
      id: randomUUID(),
      patientId,
      doctorId,
      startsAt: london('2026-03-27', '10:00'),
    });
    expect(latestReminder(hub.db, appointment.id, 'sms')!.dueMs).toBe(Date.parse('2026-03-26T18:00:00Z'));

    await hub.call(reception, 'appointments.reschedule', {
      id: appointment.id,
      newStartsAt: london('2026-03-30', '10:00'),
      reason: 'The doctor is away on Friday',
    });
    for (const channel of ['in_app', 'sms', 'email'] as const) {
      const reminder = latestReminder(hub.db, appointment.id, channel)!;
      // Sunday 29 Mar 18:00 BST = 17:00 UTC.
      expect(reminder).toMatchObject({ state: 'pending', dueMs: Date.parse('2026-03-29T17:00:00Z') });
      expect(reminder.body).toContain('Mon 30 Mar 2026');
    }

    const release = () =>
      releaseDueInApp(hub!.db, hub!.clock.now().getTime(), hub!.clock.now().toISOString());
    hub.clock.set('2026-03-29T16:59:00.000Z'); // 17:59 BST
    expect(release()).toEqual([]);
    hub.clock.set('2026-03-29T17:00:00.000Z');
    expect(release()).toEqual([patientId]);
    const delivered = latestReminder(hub.db, appointment.id, 'in_app')!;
    expect(delivered).toMatchObject({ state: 'sent', sentAt: '2026-03-29T17:00:00.000Z' });
    expect(release()).toEqual([]);
    // SMS and e-mail stay pending for the delivery worker.
    expect(latestReminder(hub.db, appointment.id, 'sms')!.state).toBe('pending');
  });

  it('hours before is real elapsed time across the fall-back night, and a cancel withdraws every channel', async () => {
    // Saturday 24 Oct 2026; clocks go back on Sunday 25 Oct at 01:00 GMT (02:00 BST).
    hub = await createTestHub({ timeZone: 'Europe/London', now: '2026-10-23T08:00:00.000Z' });
    hub.core.saveSettings({ ...hub.core.settings(), reminder: { rule: 'hoursBefore', hours: 48 } });
    const reception = await hub.signIn('receptionist');
    const doctorId = examDoctor(hub).id;
    const patientId = insertPatient(hub.db, { email: 'tom@example.co.uk' }).id;
    const { appointment } = await hub.call(reception, 'appointments.book', {
      id: randomUUID(),
      patientId,
      doctorId,
      startsAt: london('2026-10-26', '10:00'), // 10:00 GMT
    });
    // 48 h before is Sat 24 Oct 10:00 UTC, which the wall clock shows as 11:00 BST.
    expect(latestReminder(hub.db, appointment.id, 'email')!.dueMs).toBe(Date.parse('2026-10-24T10:00:00Z'));
    await hub.call(reception, 'appointments.cancel', { id: appointment.id, reason: 'Clinic closed' });
    for (const channel of ['sms', 'email'] as const) {
      expect(latestReminder(hub.db, appointment.id, channel)).toMatchObject({
        state: 'skipped',
        reason: 'withdrawn: appointment cancelled',
      });
    }
  });
});

describe('reminders after a hub outage', () => {
  it('on start, one whose appointment is still ahead goes once; one whose appointment began is skipped', async () => {
    hub = await createTestHub(); // Monday 23 Nov 2026, 08:00 in Kolkata
    hub.core.saveSettings({ ...hub.core.settings(), reminder: { rule: 'hoursBefore', hours: 2 } });
    const reception = await hub.signIn('receptionist');
    const doctorId = examDoctor(hub).id;
    const patientId = insertPatient(hub.db, { email: 'asha@example.in' }).id;
    const { userId } = patientCaller(hub, patientId);
    const book = async (time: string) =>
      (
        await hub!.call(reception, 'appointments.book', {
          id: randomUUID(),
          patientId,
          doctorId,
          startsAt: at(MONDAY, time),
        })
      ).appointment.id;
    const morning = await book('11:00'); // reminder due 09:00
    const afternoon = await book('16:00'); // reminder due 14:00
    const told: number[] = [];
    hub.core.events.onUserEvent((event) => {
      if (event.userId === userId && event.name === 'notifications.new') told.push(event.payload.unread);
    });

    // The hub was down from 08:30 and starts again at 14:30.
    hub.clock.set(at(MONDAY, '14:30'));
    deliverDueInApp(hub.core);
    expect(latestReminder(hub.db, morning, 'in_app')).toMatchObject({
      state: 'skipped',
      reason: MISSED_REMINDER,
    });
    // The worker skips the SMS and e-mail ones when it claims them (delivery-restart.int.test.ts).
    expect(latestReminder(hub.db, morning, 'sms')!.state).toBe('pending');
    expect(latestReminder(hub.db, afternoon, 'in_app')).toMatchObject({
      state: 'sent',
      sentAt: hub.clock.now().toISOString(),
    });
    // SMS and e-mail of the afternoon's reminder stay for the delivery worker to send once.
    expect(latestReminder(hub.db, afternoon, 'sms')!.state).toBe('pending');
    expect(latestReminder(hub.db, afternoon, 'email')!.state).toBe('pending');
    // Two booking confirmations and the afternoon's reminder are in the inbox, unread.
    expect(told).toEqual([3]);
    deliverDueInApp(hub.core);
    expect(told).toEqual([3]);
  });
});

describe('reminders of a patient who opens an app account', () => {
  it('gain the in-app channel when the account is made (the gateway reports the users row)', async () => {
    hub = await createTestHub();
    const reception = await hub.signIn('receptionist');
    const doctorId = examDoctor(hub).id;
    const patientId = insertPatient(hub.db).id;
    const { appointment } = await hub.call(reception, 'appointments.book', {
      id: randomUUID(),
      patientId,
      doctorId,
      startsAt: at('2026-11-24', '10:00'),
    });
    expect(latestReminder(hub.db, appointment.id, 'in_app')).toBeNull();
    const { userId } = patientCaller(hub, patientId);
    const now = hub.clock.now().toISOString();
    const after: (() => void)[] = [];
    hub.db.transaction(() =>
      planMessages(
        {
          db: hub!.db,
          now,
          settings: () => hub!.core.settings(),
          afterCommit: (f) => after.push(f),
          hub: hub!.core,
        },
        [{ entity: 'users', entityId: userId, op: 'upsert' }],
      ),
    );
    expect(latestReminder(hub.db, appointment.id, 'in_app')).toMatchObject({
      state: 'pending',
      recipient: userId,
      dueMs: Date.parse(at(MONDAY, '18:00')),
    });
  });
});
