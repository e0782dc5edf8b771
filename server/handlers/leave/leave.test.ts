import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { changeSettings } from '@server/testing/booking-setup';
import { count, insertAppointment, rows } from '@server/testing/clinic-fixtures';

let hub: TestHub;
afterEach(() => hub?.close());

// Now: Monday 2026-11-23 08:00 in Kolkata. Next Monday 30 Nov 10:00 IST = 04:30Z.
const mon10 = '2026-11-30T04:30:00.000Z';
const tue10 = '2026-12-01T04:30:00.000Z';
// Slot times (09:00, 09:40, … with 30-minute sessions and 5-minute buffers).
const wed10 = '2026-12-02T03:30:00.000Z'; // 09:00
const wed11 = '2026-12-02T04:10:00.000Z'; // 09:40
const thu10 = '2026-12-03T03:30:00.000Z'; // 09:00

async function setup() {
  hub = await createTestHub();
  changeSettings(hub, { doctorLeave: 'doctorsRequest' });
  const receptionist = await hub.signIn('receptionist');
  const nurse = await hub.signIn('nurse');
  const menon = insertDoctor(hub.db, { fullName: 'Dr Kavita Menon' });
  const iyer = insertDoctor(hub.db, { fullName: 'Dr Ravi Iyer' });
  weekdaySchedule(hub.db, menon.id);
  weekdaySchedule(hub.db, iyer.id);
  const doctor = await hub.signIn('doctor', { doctorId: menon.id });
  const colleague = await hub.signIn('doctor', { doctorId: iyer.id });
  const patient = insertPatient(hub.db, {
    code: 'PAT000042',
    fullName: 'Asha Rao',
    phone: '+91 98450 11111',
  });
  const other = insertPatient(hub.db, {
    code: 'PAT000043',
    fullName: 'Ravi Kumar',
    phone: '+91 98450 22222',
  });
  const book = (startsAt: string, patientId = patient.id) =>
    insertAppointment(hub, { doctorId: menon.id, patientId, startsAt });
  const ask = (details: Record<string, unknown>, caller = doctor) =>
    hub.call(caller, 'leave.request', {
      id: randomUUID(),
      details: { fromDate: '2026-11-30', toDate: '2026-12-01', reason: 'Surgery (private)', ...details },
    });
  return { receptionist, nurse, doctor, colleague, menon, iyer, patient, other, book, ask };
}

const statusOf = (id: string) =>
  rows<{ status: string }>(hub, 'SELECT status FROM leave_requests WHERE id = ?', id)[0]?.status;
const exceptionsOn = (doctorId: string) =>
  rows<{ date: string; reason: string; window: string | null }>(
    hub,
    'SELECT date, reason, window FROM schedule_exceptions WHERE doctorId = ? ORDER BY date',
    doctorId,
  );
const movesAbout = (appointmentId: string) =>
  rows<{ channel: string }>(
    hub,
    `SELECT channel FROM notifications WHERE aboutId = ? AND kind = 'schedule_change' ORDER BY channel`,
    appointmentId,
  );

describe('doctors’ leave requests (setting doctorLeave: doctorsRequest)', () => {
  it('a doctor requests; reception sees it with the bookings it strands and approves: leave and moves in one go, patients told', async () => {
    const { receptionist, doctor, colleague, menon, book, ask } = await setup();
    const told = book(mon10);
    const quietlyKept = book(tue10);
    const request = await ask({});
    expect(request).toMatchObject({ status: 'pending', doctorName: 'Dr Kavita Menon', deciderName: null });
    // Marking leave directly is no longer the doctor's to do.
    const direct = await failureOf(
      hub.call(doctor, 'schedules.addException', {
        exception: { id: randomUUID(), doctorId: menon.id, date: '2026-12-04', kind: 'leave', window: null },
      }),
    );
    expect(direct.code).toBe('POLICY');
    expect(direct.message).toContain('send a leave request');

    expect((await hub.call(colleague, 'leave.list', {})).map((r) => r.id)).toEqual([]);
    const pending = await hub.call(receptionist, 'leave.list', { status: 'pending' });
    expect(pending.map((r) => [r.id, r.reason])).toEqual([[request.id, 'Surgery (private)']]);
    const { collisions } = await hub.call(receptionist, 'leave.collisions', { id: request.id });
    expect(collisions.map((a) => a.id)).toEqual([told, quietlyKept]);
    expect(count(hub, 'schedule_exceptions')).toBe(0);

    // Stranded bookings no move names are refused unless acknowledged; nothing changes.
    const unmoved = await failureOf(
      hub.call(receptionist, 'leave.approve', {
        id: request.id,
        moves: [{ appointmentId: told, newStartsAt: wed10 }],
      }),
    );
    expect(unmoved.code).toBe('CONFLICT');
    expect(unmoved.message).toContain('PAT000042');
    expect(statusOf(request.id)).toBe('pending');

    const approved = await hub.call(receptionist, 'leave.approve', {
      id: request.id,
      moves: [{ appointmentId: told, newStartsAt: wed10 }],
      acknowledgeCollisions: true,
    });
    expect(approved.moved.map((a) => [a.id, a.startsAt])).toEqual([[told, wed10]]);
    expect(approved.request).toMatchObject({ status: 'approved', deciderName: 'receptionist1 (reception)' });
    // One leave per date; the synced exception does not carry the private reason.
    expect(exceptionsOn(menon.id)).toEqual([
      { date: '2026-11-30', reason: 'Leave', window: null },
      { date: '2026-12-01', reason: 'Leave', window: null },
    ]);
    expect(movesAbout(told)).toEqual([{ channel: 'email' }, { channel: 'sms' }]);
    expect(movesAbout(quietlyKept)).toEqual([]);

    const mine = await hub.call(doctor, 'leave.list', {});
    expect(mine).toMatchObject([
      { id: request.id, status: 'approved', deciderName: 'receptionist1 (reception)' },
    ]);
    const late = await failureOf(hub.call(doctor, 'leave.withdraw', { id: request.id }));
    expect(late).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(late.message).toContain('ask the front desk');
  });

  it('one refused move refuses the whole approval, naming its row; notifyPatients false tells nobody', async () => {
    const { receptionist, menon, patient, other, book, ask } = await setup();
    const first = book(mon10, patient.id);
    const second = book(tue10, other.id);
    book(wed10, other.id); // Ravi already has Wednesday 10:00 with the same doctor
    const request = await ask({});
    const refused = await failureOf(
      hub.call(receptionist, 'leave.approve', {
        id: request.id,
        moves: [
          { appointmentId: first, newStartsAt: wed11 },
          { appointmentId: second, newStartsAt: wed10 },
        ],
      }),
    );
    expect(refused.code).toBe('SLOT_TAKEN');
    expect(refused.message).toMatch(/^PAT000043 Ravi Kumar: That slot was just taken/);
    expect(refused.fields?.[0]?.field).toBe('moves.1.newStartsAt');
    expect(statusOf(request.id)).toBe('pending');
    expect(exceptionsOn(menon.id)).toEqual([]);
    expect(rows(hub, 'SELECT startsAt FROM appointments WHERE id = ?', first)).toEqual([{ startsAt: mon10 }]);

    const notMine = await failureOf(
      hub.call(receptionist, 'leave.approve', {
        id: request.id,
        moves: [{ appointmentId: randomUUID(), newStartsAt: thu10 }],
      }),
    );
    expect(notMine.fields).toEqual([
      { field: 'moves.0.appointmentId', message: 'is not one of the bookings this leave strands' },
    ]);

    await hub.call(hub.admin, 'leave.approve', {
      id: request.id,
      moves: [
        { appointmentId: first, newStartsAt: wed11 },
        { appointmentId: second, newStartsAt: thu10 },
      ],
      notifyPatients: false,
    });
    expect(movesAbout(first)).toEqual([]);
    expect(movesAbout(second)).toEqual([]);
    expect(statusOf(request.id)).toBe('approved');
  });

  it('declining needs a reason, which the doctor sees; withdrawing while pending', async () => {
    const { receptionist, doctor, ask } = await setup();
    const request = await ask({
      fromDate: '2026-12-02',
      toDate: '2026-12-02',
      window: { start: '09:00', end: '11:00' },
    });
    expect(request.window).toEqual({ start: '09:00', end: '11:00' });
    const noReason = await failureOf(hub.call(receptionist, 'leave.decline', { id: request.id, reason: '' }));
    expect(noReason.fields?.[0]?.field).toBe('reason');
    await hub.call(hub.admin, 'leave.decline', { id: request.id, reason: 'Two doctors are away that day' });
    expect(await hub.call(doctor, 'leave.list', {})).toMatchObject([
      {
        status: 'declined',
        decisionNote: 'Two doctors are away that day',
        deciderName: 'Anita Admin (admin)',
      },
    ]);
    expect(count(hub, 'schedule_exceptions')).toBe(0);

    // Declined requests do not block asking again; the afternoon of the same day is separate.
    const again = await ask({
      fromDate: '2026-12-02',
      toDate: '2026-12-02',
      window: { start: '09:00', end: '10:00' },
    });
    await ask({ fromDate: '2026-12-02', toDate: '2026-12-02', window: { start: '14:00', end: '16:00' } });
    const withdrawn = await hub.call(doctor, 'leave.withdraw', { id: again.id });
    expect(withdrawn).toMatchObject({ status: 'withdrawn' });
    expect((await failureOf(hub.call(doctor, 'leave.withdraw', { id: again.id }))).code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await failureOf(hub.call(receptionist, 'leave.approve', { id: again.id }))).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('refusals name the field: setting, past dates, overlaps, order, part of a day; nurses see none', async () => {
    const { nurse, ask } = await setup();
    const first = await ask({});
    const overlap = await failureOf(ask({ fromDate: '2026-12-01', toDate: '2026-12-03' }));
    expect(overlap).toMatchObject({
      code: 'CONFLICT',
      fields: [
        { field: 'details.fromDate', message: 'overlaps your pending request for 2026-11-30 to 2026-12-01' },
      ],
    });
    expect((await failureOf(ask({ fromDate: '2026-11-20', toDate: '2026-11-20' }))).fields).toEqual([
      { field: 'details.fromDate', message: 'is in the past' },
    ]);
    expect((await failureOf(ask({ fromDate: '2026-12-05', toDate: '2026-12-04' }))).fields?.[0]?.field).toBe(
      'details.toDate',
    );
    expect((await failureOf(ask({ fromDate: '2026-12-05', toDate: '2027-01-20' }))).fields?.[0]?.field).toBe(
      'details.toDate',
    );
    const partOfTwo = await failureOf(
      ask({ fromDate: '2026-12-07', toDate: '2026-12-08', window: { start: '09:00', end: '11:00' } }),
    );
    expect(partOfTwo.fields?.[0]?.field).toBe('details.window');
    expect((await failureOf(hub.call(nurse, 'leave.list', {}))).code).toBe('FORBIDDEN');

    changeSettings(hub, { doctorLeave: 'doctors' });
    const off = await failureOf(ask({ fromDate: '2026-12-10', toDate: '2026-12-10' }));
    expect(off).toMatchObject({ code: 'POLICY', fields: [{ field: 'settings.doctorLeave' }] });
    expect(off.message).toContain('mark their own leave');
    // A request made before the clinic changed its mind is still decided.
    await hub.call(hub.admin, 'leave.approve', { id: first.id });
    expect(statusOf(first.id)).toBe('approved');
  });
});
