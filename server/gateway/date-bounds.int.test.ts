import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '@server/testing/booking-setup';
import { insertDoctor, weekdaySchedule } from '@server/testing/fixtures';
import { createTestHub, type TestHub } from '@server/testing/test-hub';
import { appClient, type AppPatient, gatewayOn, signUpPatient } from './testing/patient-app';

/**
 * Dates far outside the clinic's years (0001-01-01 once reached the slot engine, whose Date.UTC
 * read it as 1901, and answered 500): refused as bad input naming the field, on both ports.
 */
let hub: TestHub;
let gateway: { api: string; close(): Promise<void> };
let doctorId: string;
let patient: AppPatient;

beforeAll(async () => {
  hub = await createTestHub();
  const doctor = insertDoctor(hub.db, { sessionMinutes: 30 });
  weekdaySchedule(hub.db, doctor.id);
  doctorId = doctor.id;
  gateway = await gatewayOn(hub);
  patient = await signUpPatient(hub.db, gateway.api, { phone: '+91 98450 55555' });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  hub?.close();
});

describe('dates in the years 0000–0099', { timeout: 60_000 }, () => {
  it('the gateway answers 422 naming the field, not 500', async () => {
    const app = appClient(gateway.api, patient.token);
    const slots = await app.get(`/slots?doctorId=${doctorId}&date=0001-01-01`);
    expect(slots.status).toBe(422);
    expect(slots.body.error?.fields).toEqual([
      { field: 'date', message: 'must be a date from 1900-01-01 to 2200-12-31' },
    ]);
    const booking = await app.post('/appointments', { doctorId, startsAt: '0001-01-01T00:00:00.000Z' });
    expect(booking.status).toBe(422);
    expect(booking.body.error?.fields).toEqual([
      { field: 'startsAt', message: 'must be a time in the years 1900 to 2200' },
    ]);
  });

  it('the staff operations refuse them as VALIDATION naming the field', async () => {
    const list = await refusal(
      hub.call(hub.admin, 'slots.list', { doctorId, fromDate: '0001-01-01', toDate: '0001-01-01' }),
      'VALIDATION',
    );
    expect(list.error.fields?.map((f) => f.field)).toEqual(['fromDate', 'toDate']);
  });
});
