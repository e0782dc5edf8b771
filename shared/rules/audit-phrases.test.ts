import { describe, expect, it } from 'vitest';
import { auditEntityLabel, auditPhrase } from './audit-phrases';

describe('audit phrases', () => {
  it('says what a known action did', () => {
    expect(auditPhrase('appointment.book')).toBe('Booked an appointment');
    expect(auditPhrase('appointment.no_show')).toBe('Marked a no-show');
    expect(auditPhrase('auth.login')).toBe('Signed in');
    expect(auditPhrase('consultation.read')).toBe('Read a consultation');
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
