import { describe, expect, it } from 'vitest';
import { contactField, contactPatch, optOutsFor } from './profile-form';

const empty = {
  phone: ' 98450 11111 ',
  email: '',
  address: ' 12 MG Road ',
  emergencyName: '',
  emergencyRelationship: '',
  emergencyPhone: '',
};

describe('contactPatch', () => {
  it('trims, clears an empty e-mail and an all-empty emergency contact', () => {
    expect(contactPatch(empty)).toEqual({
      phone: '98450 11111',
      email: null,
      address: '12 MG Road',
      emergencyContact: null,
    });
  });

  it('sends the emergency contact whole once any part is typed (the clinic names what is missing)', () => {
    expect(contactPatch({ ...empty, email: 'a@b.in', emergencyName: 'Ravi' })).toMatchObject({
      email: 'a@b.in',
      emergencyContact: { name: 'Ravi', relationship: '', phone: '' },
    });
  });
});

describe('contactField', () => {
  it('maps the gateway’s field paths to the form’s inputs', () => {
    expect(contactField('phone')).toBe('phone');
    expect(contactField('emergencyContact.phone')).toBe('emergencyPhone');
    expect(contactField('emergencyContact.name')).toBe('emergencyName');
    expect(contactField('sex')).toBeNull();
  });
});

describe('optOutsFor', () => {
  it('opts out of the channels not ticked', () => {
    expect(optOutsFor(['sms', 'email'])).toEqual([]);
    expect(optOutsFor(['sms'])).toEqual(['email']);
    expect(optOutsFor([])).toEqual(['sms', 'email']);
  });
});
