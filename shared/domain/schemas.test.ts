import { describe, expect, it } from 'vitest';
import { parseInput } from '@shared/validation/format-error';
import { appointmentSchema } from './appointment.schema';
import { attachmentSchema } from './attachment.schema';
import { billSchema, discountSchema, paymentInputSchema } from './billing.schema';
import { timeZoneSchema } from './common.schema';
import { consultationContentSchema, prescriptionItemSchema, vitalsSchema } from './consultation.schema';
import { doctorDetailsSchema } from './doctor.schema';
import { patientDetailsSchema } from './patient.schema';
import { scheduleExceptionSchema, sessionMinutesSchema, weeklyScheduleSchema } from './schedule.schema';
import { clinicSettingsSchema } from './settings.schema';
import { passwordSchema, usernameSchema } from './user.schema';
import { waitlistEntrySchema } from './waitlist.schema';

const id = '6f1c1a52-8d0e-4b7a-9c35-2a8f0e1d4b21';
const at = '2026-11-21T04:00:00.000Z';
const fieldsOf = (schema: Parameters<typeof parseInput>[0], input: unknown) => {
  const result = parseInput(schema, input);
  return result.ok ? [] : result.errors.map((e) => e.field);
};

describe('entity schemas', () => {
  it('fills patient defaults and refuses bad demographics by field', () => {
    const parsed = patientDetailsSchema.parse({ fullName: 'Asha Rao', phone: '+91 98450 12345' });
    expect(parsed).toMatchObject({ sex: 'unknown', allergies: [], insurance: null, bloodGroup: null });
    expect(
      fieldsOf(patientDetailsSchema, {
        fullName: '',
        dateOfBirth: '1990-02-30',
        bloodGroup: 'Z+',
        email: 'not-mail',
        allergies: [''],
        emergencyContact: { name: 'R', phone: 'x' },
      }).sort(),
    ).toEqual(['allergies.0', 'bloodGroup', 'dateOfBirth', 'email', 'emergencyContact.phone', 'fullName']);
  });

  it('accepts sessions of any multiple of 5 minutes', () => {
    expect(sessionMinutesSchema.safeParse(15).success).toBe(true);
    expect(sessionMinutesSchema.safeParse(35).success).toBe(true);
    expect(sessionMinutesSchema.safeParse(12).success).toBe(false);
    expect(
      fieldsOf(doctorDetailsSchema, {
        fullName: 'Dr K',
        specialization: 'GP',
        registrationNumber: 'R1',
        fees: { newVisit: 50000, followUp: 1.5 },
      }),
    ).toEqual(['fees.followUp']);
  });

  it('refuses overlapping windows on the same weekday, allows a lunch break', () => {
    const schedule = (windows: unknown[]) => ({ doctorId: id, windows });
    const morning = { weekday: 1, start: '09:00', end: '13:00' };
    expect(
      weeklyScheduleSchema.safeParse(schedule([morning, { weekday: 1, start: '14:00', end: '17:00' }]))
        .success,
    ).toBe(true);
    expect(
      fieldsOf(weeklyScheduleSchema, schedule([morning, { weekday: 1, start: '12:30', end: '17:00' }])),
    ).toEqual(['windows.1']);
    expect(
      weeklyScheduleSchema.safeParse(schedule([morning, { weekday: 2, start: '12:30', end: '17:00' }]))
        .success,
    ).toBe(true);
    expect(
      fieldsOf(weeklyScheduleSchema, schedule([{ weekday: 8, start: '13:00', end: '09:00' }])).sort(),
    ).toEqual(['windows.0.end', 'windows.0.weekday']);
  });

  it('requires a window for an extra working day, not for a whole-day leave', () => {
    const exception = { id, doctorId: id, date: '2026-11-24', kind: 'leave', window: null };
    expect(scheduleExceptionSchema.safeParse(exception).success).toBe(true);
    expect(fieldsOf(scheduleExceptionSchema, { ...exception, kind: 'extra' })).toEqual(['window']);
  });

  it('validates vitals ranges and blood pressure order', () => {
    expect(vitalsSchema.parse({ systolic: 120, diastolic: 80 })).toMatchObject({ pulse: null, spo2: null });
    expect(fieldsOf(vitalsSchema, { systolic: 80, diastolic: 120 })).toEqual(['diastolic']);
    expect(fieldsOf(vitalsSchema, { spo2: 101, temperatureC: 'hot' }).sort()).toEqual([
      'spo2',
      'temperatureC',
    ]);
  });

  it('validates prescription items and dose patterns', () => {
    const item = { medicine: 'Amoxicillin', strength: '500 mg', dosePattern: '1-0-1', durationDays: 5 };
    expect(prescriptionItemSchema.parse(item)).toMatchObject({ timing: 'after_food', instructions: '' });
    for (const pattern of ['1-1-1-1', '0.5-0-0.5', '0-0-1']) {
      expect(prescriptionItemSchema.safeParse({ ...item, dosePattern: pattern }).success).toBe(true);
    }
    expect(
      fieldsOf(prescriptionItemSchema, { ...item, dosePattern: 'twice daily', durationDays: 0 }).sort(),
    ).toEqual(['dosePattern', 'durationDays']);
    const content = consultationContentSchema.parse({
      prescription: [item, { ...item, medicine: 'Cetirizine' }],
    });
    expect(content.prescription).toHaveLength(2);
    expect(content.diagnosis).toEqual({ text: '', code: null });
  });

  it('keeps money in integer minor units and discounts in basis points', () => {
    expect(fieldsOf(paymentInputSchema, { id, billId: id, amount: 100.5, mode: 'cash' })).toEqual(['amount']);
    expect(fieldsOf(paymentInputSchema, { id, billId: id, amount: 0, mode: 'cheque' }).sort()).toEqual([
      'amount',
      'mode',
    ]);
    expect(discountSchema.safeParse({ kind: 'percent', basisPoints: 1000 }).success).toBe(true);
    expect(discountSchema.safeParse({ kind: 'percent', basisPoints: 10.5 }).success).toBe(false);
    expect(billSchema.shape.number.safeParse('B-2026-000123').success).toBe(true);
  });

  it('fills clinic policy defaults and checks the time zone', () => {
    const settings = clinicSettingsSchema.parse({ clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' });
    expect(settings).toMatchObject({
      currency: 'INR',
      defaultBuffers: { before: 5, after: 5 },
      cancellationWindowMinutes: 120,
      waitlistHoldMinutes: 30,
      bookingNeedsConfirmation: false,
    });
    expect(timeZoneSchema.safeParse('Mars/Olympus').success).toBe(false);
    expect(timeZoneSchema.safeParse('America/New_York').success).toBe(true);
  });

  it('validates accounts, waiting list, attachments and appointments', () => {
    expect(usernameSchema.parse(' Asha.Rao ')).toBe('asha.rao');
    expect(passwordSchema.safeParse('short').success).toBe(false);
    const entry = {
      id,
      patientId: id,
      doctorId: id,
      fromDate: '2026-11-25',
      toDate: '2026-11-24',
      status: 'WAITING',
      offer: null,
      createdAt: at,
    };
    expect(fieldsOf(waitlistEntrySchema, entry)).toEqual(['toDate']);
    expect(
      fieldsOf(attachmentSchema.pick({ mimeType: true, sizeBytes: true }), {
        mimeType: 'application/x-msdownload',
        sizeBytes: 11 * 1024 * 1024,
      }).sort(),
    ).toEqual(['mimeType', 'sizeBytes']);
    const appointment = {
      id,
      number: 'A-2026-000001',
      patientId: id,
      doctorId: id,
      roomId: null,
      startsAt: at,
      endsAt: at,
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 5,
      type: 'NEW_VISIT',
      mode: 'IN_PERSON',
      status: 'CONFIRMED',
      meetingLink: null,
      bookedVia: 'staff',
      provisional: false,
      overrideReason: null,
      note: '',
      createdAt: at,
      updatedAt: at,
    };
    expect(appointmentSchema.safeParse(appointment).success).toBe(true);
    expect(fieldsOf(appointmentSchema, { ...appointment, status: 'DONE', hacked: true }).sort()).toEqual([
      'hacked',
      'status',
    ]);
  });
});
