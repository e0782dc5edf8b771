import { randomUUID } from 'node:crypto';
import type { PaymentMode } from '@shared/domain/billing.schema';
import { localToInstant } from '@shared/rules/zoned-time';
import { insertDoctor, insertPatient, weekdaySchedule } from '@server/testing/fixtures';
import type { TestHub } from '@server/testing/test-hub';

export const at = (date: string, time: string) => localToInstant(date, time, 'Asia/Kolkata');
export const MON = '2026-11-23';
export const TUE = '2026-11-24';
export const WED = '2026-11-25';

/**
 * Two days of a small clinic, through the real handlers (Kolkata; money in paise):
 *   Mon  09:00 Asha/Menon completed (₹500: ₹300 cash + ₹200 UPI) · 09:30 Ravi/Menon no-show
 *        10:00 Meera/Iyer cancelled · 11:00 Kiran/Iyer completed (₹600 card)
 *   Tue  09:00 Asha/Iyer follow-up completed (₹400 UPI) · 09:00 Deepa/Menon completed (₹500:
 *        ₹300 cash Tue, ₹200 UPI at 00:30 Wed, ₹50 cash refunded Wed) · 10:00 Nisha/Menon booked
 */
export async function clinicDays(hub: TestHub) {
  hub.core.saveSettings({
    ...hub.core.settings(),
    sessionIdleMinutes: 24 * 60,
    sessionAbsoluteHours: 24 * 7,
  });
  const onGrid = { sessionMinutes: 30, bufferOverride: { before: 0, after: 0 } };
  const menon = insertDoctor(hub.db, {
    ...onGrid,
    fullName: 'Dr Kavita Menon',
    fees: { newVisit: 50_000, followUp: 30_000 },
  });
  const iyer = insertDoctor(hub.db, {
    ...onGrid,
    fullName: 'Dr Arjun Iyer',
    fees: { newVisit: 60_000, followUp: 40_000 },
  });
  for (const doctor of [menon, iyer]) weekdaySchedule(hub.db, doctor.id);
  const reception = await hub.signIn('receptionist');
  const doctors = {
    [menon.id]: await hub.signIn('doctor', { doctorId: menon.id }),
    [iyer.id]: await hub.signIn('doctor', { doctorId: iyer.id }),
  };
  const patient = (fullName: string) => insertPatient(hub.db, { fullName }).id;
  const asha = patient('Asha Rao');
  const ravi = patient('Ravi Kumar');
  const meera = patient('Meera Nair');
  const kiran = patient('Kiran Das');
  const deepa = patient('Deepa Joshi');
  const nisha = patient('Nisha Patel');

  const book = async (
    patientId: string,
    doctorId: string,
    startsAt: string,
    type: 'NEW_VISIT' | 'FOLLOW_UP' = 'NEW_VISIT',
  ) =>
    (
      await hub.call(reception, 'appointments.book', {
        id: randomUUID(),
        patientId,
        doctorId,
        startsAt,
        type,
      })
    ).appointment;
  const complete = async (appointment: { id: string; doctorId: string }) => {
    const doctor = doctors[appointment.doctorId]!;
    await hub.call(reception, 'queue.checkIn', { appointmentId: appointment.id });
    const draft = await hub.call(doctor, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId: appointment.id,
      content: { diagnosis: { text: 'Viral fever' } },
    });
    await hub.call(doctor, 'consultations.finalize', { id: draft.consultation.id });
    await hub.call(doctor, 'appointments.complete', { id: appointment.id });
    return hub.db.first(
      hub.db.q.selectFrom('bills').select('id').where('appointmentId', '=', appointment.id),
    )!.id;
  };
  const pay = (billId: string, amount: number, mode: PaymentMode) =>
    hub.call(reception, 'billing.recordPayment', { id: randomUUID(), billId, amount, mode });

  // Everything is booked on Monday at 08:00.
  const a1 = await book(asha, menon.id, at(MON, '09:00'));
  const a2 = await book(ravi, menon.id, at(MON, '09:30'));
  const a3 = await book(meera, iyer.id, at(MON, '10:00'));
  const a4 = await book(kiran, iyer.id, at(MON, '11:00'));
  const b1 = await book(asha, iyer.id, at(TUE, '09:00'), 'FOLLOW_UP');
  const b2 = await book(deepa, menon.id, at(TUE, '09:00'));
  await book(nisha, menon.id, at(TUE, '10:00'));

  hub.clock.set(at(MON, '09:05'));
  const bill1 = await complete(a1);
  await pay(bill1, 30_000, 'cash');
  await pay(bill1, 20_000, 'upi');
  hub.clock.set(at(MON, '10:05'));
  await hub.call(reception, 'appointments.markNoShow', { id: a2.id });
  await hub.call(reception, 'appointments.cancel', { id: a3.id, reason: 'Doctor called away' });
  hub.clock.set(at(MON, '11:05'));
  await pay(await complete(a4), 60_000, 'card');

  hub.clock.set(at(TUE, '09:00')); // within a day of the doctors' last use of their sessions
  await pay(await complete(b1), 40_000, 'upi');
  const bill5 = await complete(b2);
  hub.clock.set(at(TUE, '12:00'));
  await pay(bill5, 30_000, 'cash');
  hub.clock.set(at(WED, '00:30')); // 19:00 UTC on Tuesday: still Wednesday's takings
  await pay(bill5, 20_000, 'upi');
  hub.clock.set(at(WED, '10:00'));
  await hub.call(reception, 'billing.refund', {
    id: randomUUID(),
    billId: bill5,
    amount: 5_000,
    mode: 'cash',
    reason: 'Duplicate charge',
  });
  return { menon: menon.id, iyer: iyer.id, reception };
}
