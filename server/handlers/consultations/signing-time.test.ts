import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimOf } from '@server/core/author-time';
import { pdfFlatText } from '@server/documents/pdf-reader.testing';
import type { Caller } from '@server/core/dispatcher';
import { insertPatient } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { insertAppointment } from './visit-fixtures';

/** The signing handlers' bounds on an author's claimed time (server/core/author-time.ts). */
describe('signing and addendum times', () => {
  let hub: TestHub;
  let doctor: Caller;
  let consultationId: string;

  beforeEach(async () => {
    hub = await createTestHub();
    const signedIn = await hub.signIn('doctor');
    doctor = signedIn;
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

    // The prescription shows both times, and that the signing computer's clock was off.
    const pdf = await hub.call(doctor, 'consultations.prescriptionPdf', { id: consultationId, paper: 'A5' });
    const text = await pdfFlatText(pdf.base64);
    expect(text).toContain('Signed electronically 23 Nov 2026, 8:00 am');
    expect(text).toContain('Received by the clinic 23 Nov 2026, 8:50 am');
    expect(text).toContain('clock was off: time bounded');
  }, 30_000);

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
