import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { TEST_PASSWORD } from '@server/testing/test-hub';
import { callOver, send, type SocketTestHub, startSocketHub } from '@server/testing/socket-hub';

let server: SocketTestHub;
afterEach(async () => server?.close());

/** Everything the receptionist's socket receives, to check that no consultation text reaches it. */
function recordFrames(socket: Socket): string[] {
  const frames: string[] = [];
  socket.io.engine.on('packet', (packet: { data?: unknown }) =>
    frames.push(JSON.stringify(packet.data ?? '')),
  );
  return frames;
}

async function signInOver(server: SocketTestHub, username: string) {
  const anonymous = await server.connect({ deviceId: `${username}-pc` });
  const session = await callOver(anonymous, 'auth.login', {
    username,
    password: TEST_PASSWORD,
    deviceId: `${username}-pc`,
  });
  anonymous.disconnect();
  return server.connect({ token: session.token, deviceId: `${username}-pc` });
}

describe('the whole visit, over the LAN sync endpoint', () => {
  it('register → book → check in → consultation with two medicines → complete → bill → partial and full payment → receipt', async () => {
    server = await startSocketHub();
    const { hub } = server;
    hub.core.saveSettings({ ...hub.core.settings(), sessionIdleMinutes: 24 * 60 });
    const admin = await server.connect({ token: hub.admin.token, deviceId: 'admin-desktop' });

    // Admin: a doctor with the docs/product.md §4 schedule, and accounts for the doctor and the front desk.
    const doctor = await callOver(admin, 'doctors.create', {
      id: randomUUID(),
      details: {
        fullName: 'Dr Kavita Menon',
        specialization: 'General Physician',
        registrationNumber: 'KMC-40211',
        fees: { newVisit: 50_000, followUp: 30_000 },
        sessionMinutes: 30,
        tokenPrefix: 'G',
      },
    });
    const windows = [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '09:00', end: '13:00' },
      { weekday, start: '14:00', end: '17:00' },
    ]);
    await callOver(admin, 'schedules.setWeekly', { doctorId: doctor.id, windows });
    for (const [username, role] of [
      ['reena', 'receptionist'],
      ['dr.menon', 'doctor'],
    ] as const) {
      await callOver(admin, 'users.create', {
        id: randomUUID(),
        username,
        displayName: username,
        role,
        doctorId: role === 'doctor' ? doctor.id : null,
        password: TEST_PASSWORD,
      });
    }
    const reception = await signInOver(server, 'reena');
    const frames = recordFrames(reception);
    const doctorSocket = await signInOver(server, 'dr.menon');

    // Reception (Monday 08:00): register, find a slot, book.
    const patient = await callOver(reception, 'patients.register', {
      id: randomUUID(),
      details: {
        fullName: 'Asha Rao',
        phone: '+91 98450 12345',
        dateOfBirth: '1990-04-01',
        allergies: ['Penicillin'],
      },
    });
    expect(patient.code).toBe('PAT000001');
    const [today] = await callOver(reception, 'slots.list', {
      doctorId: doctor.id,
      fromDate: '2026-11-23',
      toDate: '2026-11-23',
    });
    expect(today!.slots.map((s) => s.localTime).slice(0, 3)).toEqual(['09:00', '09:40', '10:20']); // default buffers 5 + 5
    const { appointment } = await callOver(reception, 'appointments.book', {
      id: randomUUID(),
      patientId: patient.id,
      doctorId: doctor.id,
      startsAt: today!.slots[0]!.start,
    });
    expect(appointment).toMatchObject({ status: 'CONFIRMED', number: 'A-2026-000001' });

    // 08:50: the patient arrives.
    hub.clock.set('2026-11-23T03:20:00.000Z');
    const entry = await callOver(reception, 'queue.checkIn', { appointmentId: appointment.id });
    expect(entry.token).toBe('G-001');

    // The doctor sees the patient waiting, calls and consults.
    hub.clock.set('2026-11-23T03:30:00.000Z');
    const queue = await callOver(doctorSocket, 'queue.list', { doctorId: doctor.id, date: '2026-11-23' });
    expect(queue.waiting.map((w) => [w.entry.token, w.waitingMinutes])).toEqual([['G-001', 10]]);
    await callOver(doctorSocket, 'queue.callNext', { doctorId: doctor.id });
    await callOver(doctorSocket, 'queue.startConsultation', { id: entry.id });
    const draft = await callOver(doctorSocket, 'consultations.saveDraft', {
      id: randomUUID(),
      appointmentId: appointment.id,
      content: {
        chiefComplaint: 'Sore throat and fever for three days',
        vitals: { systolic: 118, diastolic: 76, pulse: 88, temperatureC: 38.4, spo2: 98, weightKg: 58 },
        diagnosis: { text: 'Acute pharyngitis', code: 'J02.9' },
        clinicalNotes: 'DISTINCTIVE-CLINICAL-NOTE rule out strep if no improvement',
        advice: 'Warm saline gargles, fluids, rest',
        prescription: [
          {
            medicine: 'Paracetamol',
            strength: '650 mg',
            dosePattern: '1-1-1',
            timing: 'after_food',
            durationDays: 3,
          },
          { medicine: 'Penicillin V', strength: '250 mg', dosePattern: '1-0-1', durationDays: 5 },
        ],
      },
    });
    expect(draft.allergyWarnings).toEqual([
      {
        medicine: 'Penicillin V',
        allergy: 'Penicillin',
        itemIndex: 1,
        reason: 'Phenoxymethylpenicillin is one of the Penicillins',
      },
    ]);
    const {
      chiefComplaint,
      vitals,
      examinationNotes,
      diagnosis,
      clinicalNotes,
      advice,
      tests,
      followUpDate,
    } = draft.consultation;
    const safer = await callOver(doctorSocket, 'consultations.saveDraft', {
      id: draft.consultation.id,
      appointmentId: appointment.id,
      baseRevision: draft.consultation.draftRevision,
      content: {
        ...{
          chiefComplaint,
          vitals,
          examinationNotes,
          diagnosis,
          clinicalNotes,
          advice,
          tests,
          followUpDate,
        },
        prescription: [
          draft.consultation.prescription[0]!,
          {
            medicine: 'Azithromycin',
            strength: '500 mg',
            dosePattern: '1-0-0',
            timing: 'before_food',
            durationDays: 3,
          },
        ],
      },
    });
    expect(safer.allergyWarnings).toEqual([]);
    hub.clock.set('2026-11-23T03:50:00.000Z');
    const signed = await callOver(doctorSocket, 'consultations.finalize', { id: draft.consultation.id });
    expect(signed.consultation).toMatchObject({ status: 'finalized', signedAt: '2026-11-23T03:50:00.000Z' });
    expect(signed.consultation.prescription.map((p) => p.medicine)).toEqual(['Paracetamol', 'Azithromycin']);
    const completed = await callOver(doctorSocket, 'appointments.complete', { id: appointment.id });
    expect(completed.status).toBe('COMPLETED');

    // Reception: the bill, a partial then a full payment, receipts.
    const bills = await callOver(reception, 'billing.list', { patientId: patient.id });
    expect(bills.items).toHaveLength(1);
    const bill = bills.items[0]!;
    expect(bill).toMatchObject({
      total: 50_000,
      outstanding: 50_000,
      status: 'PENDING',
      number: 'B-2026-000001',
    });
    const partial = await callOver(reception, 'billing.recordPayment', {
      id: randomUUID(),
      billId: bill.id,
      amount: 20_000,
      mode: 'cash',
    });
    expect(partial.bill).toMatchObject({ paid: 20_000, outstanding: 30_000, status: 'PARTIALLY_PAID' });
    const full = await callOver(reception, 'billing.recordPayment', {
      id: randomUUID(),
      billId: bill.id,
      amount: 30_000,
      mode: 'upi',
    });
    expect(full.bill).toMatchObject({ paid: 50_000, outstanding: 0, status: 'PAID' });
    expect(full.payments.map((p) => p.receiptNumber)).toEqual(['R-2026-000001', 'R-2026-000002']);
    const collection = await callOver(reception, 'billing.dailyCollection', { date: '2026-11-23' });
    expect(collection).toMatchObject({ total: 50_000, byMode: { cash: 20_000, card: 0, upi: 30_000 } });

    // The front desk was told nothing clinical, on any frame.
    const pull = await send(reception, 'sync.pull', {
      epoch: hub.core.identity().epoch,
      cursor: 0,
      limit: 5000,
    });
    expect(pull.ok).toBe(true);
    const wire = frames.join('\n');
    expect(wire.length).toBeGreaterThan(1000);
    for (const secret of ['DISTINCTIVE-CLINICAL-NOTE', 'pharyngitis', 'Azithromycin', 'Sore throat']) {
      expect(wire).not.toContain(secret);
    }
    await expect(
      callOver(reception, 'consultations.get', { appointmentId: appointment.id }),
    ).rejects.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(hub.core.audit.verify().ok).toBe(true);
  });
});
