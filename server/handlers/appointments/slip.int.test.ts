import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfFlatText, pdfInfo, previewPdf } from '@server/testing/pdf-reader';
import { HINDI_NAME, type VisitWorld, visitWorld } from '@server/testing/visit-world';
import { failureOf } from '@server/testing/failure';
import { patientCaller } from '@server/testing/patient-caller';
import { createTestHub, type TestHub } from '@server/testing/test-hub';

describe('appointments.slip', () => {
  let hub: TestHub;
  let world: VisitWorld;

  beforeEach(async () => {
    hub = await createTestHub();
    world = await visitWorld(hub);
  }, 30_000);
  afterEach(() => hub.close());

  it('prints the appointment on A5 and A4, with the token once the patient is checked in', async () => {
    const patient = await world.register({ fullName: HINDI_NAME, phone: '+91 98450 12345' });
    const appointment = await world.book(patient.id, '09:00');

    const booked = await hub.call(world.reception, 'appointments.slip', { id: appointment.id });
    expect(booked).toMatchObject({
      fileName: 'appointment-slip-A-2026-000001.pdf',
      mimeType: 'application/pdf',
    });
    expect(await pdfInfo(booked.base64)).toEqual({ pages: 1, width: 419.53, height: 595.28 });
    const before = await pdfFlatText(booked.base64);
    for (const expected of [
      'Sunrise Clinic',
      '14 MG Road, Shivajinagar, Bengaluru 560001',
      'Phone +91 80 4123 4567',
      'No. A-2026-000001',
      HINDI_NAME,
      `Patient code ${patient.code}`,
      'Dr Kavita Menon',
      'General Physician',
      'Mon, 23 Nov 2026',
      '9:00 am – 9:30 am',
      'Room 2',
      'New visit',
      'Confirmed',
      'Please arrive 10 minutes before your appointment time',
    ]) {
      expect(before).toContain(expected);
    }
    expect(before).not.toContain('TOKEN');
    await previewPdf('slip-a5-booked', booked.base64);

    await hub.call(world.reception, 'queue.checkIn', { appointmentId: appointment.id });
    const checkedIn = await hub.call(world.reception, 'appointments.slip', {
      id: appointment.id,
      paper: 'A4',
    });
    expect(await pdfInfo(checkedIn.base64)).toEqual({ pages: 1, width: 595.28, height: 841.89 });
    const after = await pdfFlatText(checkedIn.base64);
    expect(after).toContain('TOKEN');
    expect(after).toContain('K-001');
    expect(after).toContain('Checked in at 8:00 am');
    expect(after).toContain(HINDI_NAME);
    expect(after).toContain('your token will be called on the display screen');
    await previewPdf('slip-a4-checked-in', checkedIn.base64);
  });

  it('gives a patient their own slip only, and answers for another patient’s as for a missing one', async () => {
    // A Kannada name (as the demo clinic has): printed in its own script, not as boxes.
    const own = await world.register({ fullName: 'ಸುಮಾ ರಾಘವೇಂದ್ರ' });
    const other = await world.register({ fullName: 'Ravi Kumar' });
    const mine = await world.book(own.id, '09:00');
    const theirs = await world.book(other.id, '09:30');
    const phone = patientCaller(hub, own.id);

    const slip = await hub.call(phone, 'appointments.slip', { id: mine.id });
    expect(await pdfFlatText(slip.base64)).toContain('ಸುಮಾ ರಾಘವೇಂದ್ರ');

    const forbidden = await failureOf(hub.call(phone, 'appointments.slip', { id: theirs.id }));
    const missing = await failureOf(hub.call(phone, 'appointments.slip', { id: randomUUID() }));
    expect(forbidden).toEqual({ code: 'NOT_FOUND', message: 'No such appointment.' });
    expect(forbidden).toEqual(missing);
    // Slips are printed at the front desk (and by patients): the policy leaves doctors out.
    expect(await failureOf(hub.call(world.doctor, 'appointments.slip', { id: mine.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('says so on the slip when the appointment was cancelled', async () => {
    const patient = await world.register({ fullName: 'Meera Nair' });
    const appointment = await world.book(patient.id, '10:00');
    await hub.call(world.reception, 'appointments.cancel', { id: appointment.id, reason: 'Patient called' });
    const text = await pdfFlatText(
      (await hub.call(world.reception, 'appointments.slip', { id: appointment.id })).base64,
    );
    expect(text).toContain('Cancelled');
    expect(text).toContain('This appointment was cancelled.');
    expect(text).not.toContain('Please arrive 10 minutes');
  });
});
