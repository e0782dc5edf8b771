import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract/index';
import {
  AUDIT_ACTIONS_BEYOND_OPERATIONS,
  auditAction,
  PHRASED_AUDIT_ACTIONS,
  auditEntityLabel,
  auditPhrase,
} from './audit-phrases';

describe('audit phrases', () => {
  it('says what a known action did', () => {
    expect(auditPhrase('appointments.book')).toBe('Booked an appointment');
    expect(auditPhrase('appointments.markNoShow')).toBe('Marked a no-show');
    expect(auditPhrase('auth.login')).toBe('Signed in');
    expect(auditPhrase('consultations.get')).toBe('Read a consultation');
    expect(auditPhrase('formulary.addEntry')).toBe('Added a medicine to the formulary');
    expect(auditPhrase('prescriptions.saveTemplate')).toBe('Saved a prescription template');
  });
  it('keeps an unknown action readable instead of hiding it', () => {
    expect(auditPhrase('waitlist.offerSlot')).toBe('Waitlist: offer slot');
    expect(auditPhrase('appointment.in_limbo')).toBe('Appointment: in limbo');
    expect(auditPhrase('load')).toBe('Load');
  });
  it('names record kinds', () => {
    expect(auditEntityLabel('queue_entries')).toBe('Queue entry');
    expect(auditEntityLabel('lab_orders')).toBe('Lab orders');
    expect(auditEntityLabel('prescription_templates')).toBe('Prescription template');
  });
});

/** Issue 18 item 6: one naming style, the contract's operation names; old entries stay readable. */
describe('audit action names', () => {
  it('names every phrased action like a contract operation (area.verb), most of them exactly one', () => {
    const operations = new Set(Object.keys(contract));
    const beyond = new Set(AUDIT_ACTIONS_BEYOND_OPERATIONS);
    for (const action of PHRASED_AUDIT_ACTIONS) {
      expect(operations.has(action) || beyond.has(action), action).toBe(true);
    }
    for (const action of AUDIT_ACTIONS_BEYOND_OPERATIONS) {
      expect(action).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
      expect(operations.has(action), action).toBe(false);
      expect(auditPhrase(action)).not.toContain(':'); // phrased, not the fallback
    }
  });

  it('reads entries written under the four earlier styles by their new names, in the same words', () => {
    expect(auditAction('appointment.book')).toBe('appointments.book');
    expect(auditAction('appointment.walk_in')).toBe('queue.walkIn');
    expect(auditAction('appointment.no_show')).toBe('appointments.markNoShow');
    expect(auditAction('appointment.checked_in')).toBe('queue.checkIn');
    expect(auditAction('users.resetPassword')).toBe('users.resetPassword');
    expect(auditPhrase('appointment.book')).toBe('Booked an appointment');
    expect(auditPhrase('appointment.walk_in')).toBe('Added a walk-in');
    expect(auditPhrase('appointment.no_show')).toBe('Marked a no-show');
    expect(auditPhrase('consultation.read')).toBe('Read a consultation');
    expect(auditPhrase('bill.payment')).toBe('Recorded a payment');
    expect(auditPhrase('appointment.rescheduleRejected')).toBe('Declined a reschedule request');
  });
});
