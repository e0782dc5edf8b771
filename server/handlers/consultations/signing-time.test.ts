import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimOf } from '@server/core/author-time';
import { pdfFlatText } from '@server/testing/pdf-reader';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, TEST_PASSWORD, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from '@server/testing/visit-fixtures';

/** The signing handlers' bounds on an author's claimed time (server/core/author-time.ts). */
describe('signing and addendum times', () => {
  let hub: TestHub;
  let doctor: Caller;
  let doctorId: string;
  let consultationId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    const signedIn = await hub.signIn('doctor');
    doctor = signedIn;
    doctorId = signedIn.doctorId!;
    const appointmentId = insertAppointment(hub, {
      doctorId: signedIn.doctorId!,
      patientId: insertPatient(hub.db).id,
      startsAt: '2026-11-23T03:30:00.000Z',
    });
    const draft = await hub.call(doctor, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId,
      content: { advice: 'Rest and fluids' },
    });
    consultationId = draft.consultation.id;
  });
  afterEach(() => hub.close());

  const pushed = async <R>(
    name: 'consultations.finalize' | 'consultations.addAddendum',
    input: object,
    at: string,
    helloAt: string,
  ) =>
    (await hub.dispatcher.execute(
      name,
      input,
      hub.core.authenticate(doctor.token!, doctor.deviceId),
      doctor,
      { authorClaim: claimOf(at, { offsetMs: 0, helloAt }) },
    )) as R;
  const minutes = (m: number) => new Date(hub.clock.now().getTime() + m * 60_000).toISOString();

  it('never backdates a signature before the draft the author had seen, and flags it', async () => {
    const draftAt = hub.clock.now().toISOString();
    hub.clock.advance(50);
    // The PC clock was set back a day before signing, and put right before reconnecting.
    await pushed('consultations.finalize', { id: consultationId }, minutes(-24 * 60), minutes(-30));
    const row = hub.db.sqlite
      .prepare('SELECT signedAt, signatureReceivedAt, signatureClock FROM consultations WHERE id = ?')
      .get(consultationId);
    expect(row).toEqual({ signedAt: draftAt, signatureReceivedAt: minutes(0), signatureClock: 'flagged' });

    // The prescription shows both times, and that the signing computer's clock is unconfirmed.
    const pdf = await hub.call(doctor, 'consultations.prescriptionPdf', { id: consultationId, paper: 'A5' });
    const text = await pdfFlatText(pdf.base64);
    expect(text).toContain('Signed electronically 23 Nov 2026, 8:00 am');
    expect(text).toContain('Received by the clinic 23 Nov 2026, 8:50 am');
    expect(text).toContain('clock unconfirmed: time may be off');
  }, 30_000);

  const signature = () =>
    hub.db.sqlite
      .prepare('SELECT signedAt, signatureClock FROM consultations WHERE id = ?')
      .get(consultationId);
  /** A visit booked `startsIn` minutes ahead; checked in by the hub now unless `checkIn` is false. */
  const visit = async (startsIn: number, checkIn = true) => {
    const appointmentId = insertAppointment(hub, {
      doctorId,
      patientId: insertPatient(hub.db).id,
      startsAt: minutes(startsIn),
      status: checkIn ? 'CONFIRMED' : 'CHECKED_IN',
    });
    if (checkIn) await hub.call(doctor, 'queue.checkIn', { appointmentId });
    return appointmentId;
  };
  /** The record written offline, reaching the hub in the same push as its signature. */
  const writtenAfterHello = async (appointmentId: string) => {
    const draft = await hub.call(doctor, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId,
      content: { advice: 'Rest and fluids' },
    });
    consultationId = draft.consultation.id;
  };

  it('never backdates a signature before the hub’s check-in of the visit, and flags it', async () => {
    const checkedInAt = minutes(0);
    const appointmentId = await visit(30);
    hub.clock.advance(40); // the desktop went offline, then reconnected with its clock put right
    await writtenAfterHello(appointmentId);
    await pushed('consultations.finalize', { id: consultationId }, minutes(-24 * 60 - 10), minutes(-1));
    expect(signature()).toEqual({ signedAt: checkedInAt, signatureClock: 'flagged' });
  });

  it('bounds it by the booked start when the hub has no check-in, and not by the booking when it has', async () => {
    const booked = await visit(90, false);
    hub.clock.advance(40);
    await writtenAfterHello(booked);
    await pushed('consultations.finalize', { id: consultationId }, minutes(-24 * 60 - 10), minutes(-1));
    expect(signature()).toEqual({ signedAt: minutes(-40 + 90 - 12 * 60), signatureClock: 'flagged' });

    // A patient checked in hours before their booked time and seen at once keeps the true time.
    const early = await visit(14 * 60);
    hub.clock.advance(40);
    await writtenAfterHello(early);
    await pushed('consultations.finalize', { id: consultationId }, minutes(-30), minutes(-1));
    expect(signature()).toEqual({ signedAt: minutes(-30), signatureClock: 'device' });
  });

  it('keeps but flags a time long before its receipt that nothing the hub knows bounds', async () => {
    const helloAt = minutes(0);
    hub.clock.advance(1); // a walk-in made offline, pushed with its record and signature
    await writtenAfterHello(await visit(4));
    hub.clock.advance(13 * 60);
    const again = await hub.call(null, 'auth.login', {
      username: 'doctor1',
      password: TEST_PASSWORD,
      deviceId: doctor.deviceId,
    });
    doctor = { ...doctor, token: again.token };
    await pushed('consultations.finalize', { id: consultationId }, minutes(-13 * 60 + 20), helloAt);
    expect(signature()).toEqual({ signedAt: minutes(-13 * 60 + 20), signatureClock: 'flagged' });
  });

  it('keeps an addendum after its signature', async () => {
    await hub.call(doctor, 'consultations.finalize', { id: consultationId });
    const signedAt = hub.clock.now().toISOString();
    hub.clock.advance(45);
    const addendum = await pushed<{ at: string; receivedAt: string; clock: string }>(
      'consultations.addAddendum',
      { id: randomUUID(), consultationId, text: 'Reviewed.' },
      minutes(-120),
      minutes(-10),
    );
    expect(addendum).toMatchObject({ at: signedAt, receivedAt: minutes(0), clock: 'flagged' });
  });
});
