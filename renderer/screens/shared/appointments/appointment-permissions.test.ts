import { describe, expect, it } from 'vitest';
import { mayActOn } from './appointment-permissions';

const mine = { doctorId: 'doctor-1' };
const theirs = { doctorId: 'doctor-2' };

describe('mayActOn', () => {
  it('lets the front desk act on any appointment', () => {
    for (const role of ['receptionist', 'admin'] as const) {
      expect(mayActOn({ role, doctorId: null }, 'appointments.cancel', theirs)).toBe(true);
      expect(mayActOn({ role, doctorId: null }, 'queue.checkIn', theirs)).toBe(true);
    }
  });

  it('lets a doctor act only on their own patients’ appointments', () => {
    const doctor = { role: 'doctor', doctorId: 'doctor-1' } as const;
    expect(mayActOn(doctor, 'appointments.markNoShow', mine)).toBe(true);
    expect(mayActOn(doctor, 'appointments.markNoShow', theirs)).toBe(false);
    expect(mayActOn({ role: 'doctor', doctorId: null }, 'appointments.markNoShow', mine)).toBe(false);
  });

  it('gives a nurse no appointment actions, and declining only to doctors and admins', () => {
    for (const operation of [
      'queue.checkIn',
      'appointments.confirm',
      'appointments.reschedule',
      'appointments.markNoShow',
      'appointments.cancel',
      'appointments.undoTransition',
      'appointments.decline',
    ] as const) {
      expect(mayActOn({ role: 'nurse', doctorId: null }, operation, mine)).toBe(false);
    }
    expect(mayActOn({ role: 'receptionist', doctorId: null }, 'appointments.decline', mine)).toBe(false);
    expect(mayActOn({ role: 'admin', doctorId: null }, 'appointments.decline', mine)).toBe(true);
  });
});
