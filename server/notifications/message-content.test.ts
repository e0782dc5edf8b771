import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '@server/core/dispatcher';
import { insertAppointment } from '@server/testing/visit-fixtures';
import { at, bookAt, examDoctor, TUESDAY } from '@server/testing/booking-setup';
import { insertPatient } from '@server/testing/fixtures';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import type { OutboxRow } from './outbox.repository';

const rowsOf = (hub: TestHub, patientId: string): OutboxRow[] =>
  hub.db.all(hub.db.q.selectFrom('notifications').selectAll().where('patientId', '=', patientId));
const byChannel = (rows: OutboxRow[], kind: string) =>
  Object.fromEntries(rows.filter((r) => r.kind === kind).map((r) => [r.channel, r]));

describe('who gets which message, in which language, saying what', () => {
  let hub: TestHub;
  let reception: Caller;
  let doctorId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    reception = await hub.signIn('receptionist');
    doctorId = examDoctor(hub).id;
  });
  afterEach(() => hub.close());

  it('skips only the channel a patient opted out of or has no address for, saying why', async () => {
    const optedOut = insertPatient(hub.db, { email: 'ravi@example.in', messageOptOuts: ['sms'] }).id;
    const noEmail = insertPatient(hub.db, { email: null }).id;
    const noPhone = insertPatient(hub.db, { phone: null, email: 'lata@example.in' }).id;
    for (const [i, patientId] of [optedOut, noEmail, noPhone].entries()) {
      await bookAt(hub, reception, doctorId, patientId, at(TUESDAY, `1${i}:00`));
    }
    const a = byChannel(rowsOf(hub, optedOut), 'booking_confirmation');
    expect(a.sms).toMatchObject({ state: 'skipped', reason: 'the patient opted out of SMS', recipient: '' });
    expect(a.email).toMatchObject({ state: 'pending', recipient: 'ravi@example.in' });
    const b = byChannel(rowsOf(hub, noEmail), 'booking_confirmation');
    expect(b.email).toMatchObject({ state: 'skipped', reason: 'no e-mail address on the patient’s record' });
    expect(b.sms!.state).toBe('pending');
    const c = byChannel(rowsOf(hub, noPhone), 'booking_confirmation');
    expect(c.sms).toMatchObject({ state: 'skipped', reason: 'no phone number on the patient’s record' });
    expect(c.email!.state).toBe('pending');
    // No app account: no in-app row at all (nothing to deliver it to).
    expect(a.in_app).toBeUndefined();
  });

  it('writes in the patient’s preferred language, with the clinic’s own Hindi text', async () => {
    hub.db.run(
      hub.db.q.insertInto('message_templates').values({
        kind: 'booking_confirmation',
        channel: 'sms',
        language: 'hi',
        subject: '',
        body: '{clinicName}: {doctor} के साथ आपका अपॉइंटमेंट {date} {time} पर पक्का है।',
        updatedAt: hub.clock.now().toISOString(),
        updatedBy: 'admin',
      }),
    );
    const hindi = insertPatient(hub.db, { preferredLanguage: 'hi' }).id;
    const english = insertPatient(hub.db, { preferredLanguage: 'en' }).id;
    await bookAt(hub, reception, doctorId, hindi, at(TUESDAY, '10:00'));
    await bookAt(hub, reception, doctorId, english, at(TUESDAY, '11:00'));
    const sms = byChannel(rowsOf(hub, hindi), 'booking_confirmation').sms!;
    expect(sms.language).toBe('hi');
    expect(sms.body).toBe(
      'Sunrise Clinic: Dr Kavita Menon के साथ आपका अपॉइंटमेंट Tue 24 Nov 2026 10:00 पर पक्का है।',
    );
    // UCS-2: 70 units in one segment, 67 per segment when split.
    expect(sms.segments).toBe(Math.ceil(sms.body.length / 67));
    const other = byChannel(rowsOf(hub, english), 'booking_confirmation').sms!;
    expect(other).toMatchObject({ language: 'en', segments: 1 });
    expect(other.body).toMatch(/^Sunrise Clinic: appointment A-2026-\d+ with Dr Kavita Menon confirmed/);
  });

  it('prescription ready on signing, with no health detail in any message; none for a record without medicines', async () => {
    const doctor = await hub.signIn('doctor', { doctorId });
    const patientId = insertPatient(hub.db, { email: 'asha@example.in', emailAttachments: true }).id;
    patientCaller(hub, patientId);
    const sign = async (
      time: string,
      prescription: { medicine: string; dosePattern: string; durationDays: number }[],
    ) => {
      const appointmentId = insertAppointment(hub, { doctorId, patientId, startsAt: at('2026-11-23', time) });
      const { consultation } = await hub.call(doctor, 'consultations.saveDraft', {
        id: randomUUID(),
        appointmentId,
        baseRevision: null,
        content: {
          chiefComplaint: 'Zygomycosis-like itching behind the ear',
          diagnosis: { text: 'Xerodermic pellagroid dermatitis', code: 'L30.9' },
          clinicalNotes: 'Quintessential-secret-note',
          advice: 'Apply emollient',
          prescription,
        },
      });
      await hub.call(doctor, 'consultations.finalize', { id: consultation.id });
      return consultation.id;
    };
    const withMedicine = await sign('09:00', [
      { medicine: 'Fluticasone cream', dosePattern: '1-0-1', durationDays: 7 },
    ]);
    const without = await sign('09:30', []);

    const rows = rowsOf(hub, patientId);
    const ready = byChannel(rows, 'prescription_ready');
    expect(Object.keys(ready).sort()).toEqual(['email', 'in_app', 'sms']);
    expect(ready.email).toMatchObject({
      aboutEntity: 'consultations',
      aboutId: withMedicine,
      attachment: 'prescription',
      dedupeKey: `prescription:${withMedicine}:email`,
    });
    expect(ready.email!.body).toContain('Your prescription from Dr Kavita Menon (Mon 23 Nov 2026) is ready');
    expect(rows.filter((r) => r.aboutId === without)).toEqual([]);
    for (const row of rows) {
      for (const secret of [
        'Xerodermic',
        'pellagroid',
        'L30.9',
        'Zygomycosis',
        'Fluticasone',
        'Quintessential',
        'emollient',
      ]) {
        expect(row.body + row.subject + row.params, `${row.kind}/${row.channel}`).not.toContain(secret);
      }
    }
  });

  it('a receipt for each payment and refund, the PDF only for a patient who asked for attachments', async () => {
    const withPdf = insertPatient(hub.db, { email: 'a@example.in', emailAttachments: true }).id;
    const plain = insertPatient(hub.db, { email: 'b@example.in', emailAttachments: false }).id;
    for (const patientId of [withPdf, plain]) {
      const { bill } = await hub.call(reception, 'billing.createBill', {
        id: randomUUID(),
        patientId,
        items: [{ kind: 'consultation', description: 'Consultation', quantity: 1, unitPrice: 50_000 }],
      });
      await hub.call(reception, 'billing.recordPayment', {
        id: randomUUID(),
        billId: bill.id,
        amount: 50_000,
        mode: 'cash',
      });
      await hub.call(reception, 'billing.refund', {
        id: randomUUID(),
        billId: bill.id,
        amount: 20_000,
        mode: 'cash',
        reason: 'Test was not done',
      });
    }
    const paid = byChannel(rowsOf(hub, withPdf), 'payment_receipt');
    expect(paid.email).toMatchObject({ attachment: 'receipt', aboutEntity: 'payments' });
    expect(paid.email!.subject).toMatch(/^Receipt R-2026-\d{6}$/);
    expect(paid.email!.body).toContain('We received ₹500.00 on Mon 23 Nov 2026');
    expect(paid.email!.body).toMatch(/bill B-2026-\d{6}/);
    expect(paid.sms!.attachment).toBeNull();
    const refunded = byChannel(rowsOf(hub, withPdf), 'refund_receipt');
    expect(refunded.email!.body).toContain('We refunded ₹200.00');
    expect(byChannel(rowsOf(hub, plain), 'payment_receipt').email!.attachment).toBeNull();
    expect(byChannel(rowsOf(hub, plain), 'refund_receipt').email!.attachment).toBeNull();
  });
});
