import { describe, expect, it } from 'vitest';
import { CompanionApiError } from '@renderer/companion/api/api-error';
import { formFailure, waitFor } from './form-failure';

const refused = (status: number, body: ConstructorParameters<typeof CompanionApiError>[1]) =>
  new CompanionApiError(status, body);

describe('formFailure', () => {
  it('puts a wrong or expired code on the code field, with no note above the form', () => {
    const error = refused(422, {
      code: 'VALIDATION',
      message: 'That code is not right',
      fields: [{ field: 'code', message: 'is not right or no longer works' }],
    });
    expect(formFailure(error, ['login', 'code', 'password'])).toEqual({ note: null, fields: ['code'] });
  });

  it('matches nested fields by their first part, and notes fields the form does not have', () => {
    const error = refused(422, {
      code: 'VALIDATION',
      message: 'Bad input',
      fields: [
        { field: 'emergencyContact.phone', message: 'must be a phone number' },
        { field: 'sex', message: 'not allowed' },
      ],
    });
    expect(formFailure(error, ['emergencyContact'])).toEqual({
      note: { kind: 'checkFields' },
      fields: ['emergencyContact'],
    });
  });

  it('says offline, how long to wait, a refused sign-in, a disabled account, or try again', () => {
    expect(formFailure(refused(0, { code: 'UNREACHABLE', message: 'x' }), []).note).toEqual({
      kind: 'offline',
    });
    expect(
      formFailure(refused(429, { code: 'RATE_LIMITED', message: 'x', retryAfterSeconds: 90 }), []).note,
    ).toEqual({ kind: 'rateLimited', seconds: 90 });
    expect(formFailure(refused(401, { code: 'UNAUTHENTICATED', message: 'x' }), []).note).toEqual({
      kind: 'wrongPassword',
    });
    expect(formFailure(refused(409, { code: 'CONFLICT', message: 'x' }), []).note).toEqual({
      kind: 'disabled',
    });
    expect(formFailure(refused(500, { code: 'INTERNAL', message: 'x' }), []).note).toEqual({
      kind: 'generic',
    });
    expect(formFailure(new TypeError('boom'), []).note).toEqual({ kind: 'generic' });
  });
});

describe('waitFor', () => {
  it('counts seconds under two minutes and whole minutes (rounded up) after', () => {
    expect(waitFor(45)).toEqual({ unit: 'seconds', count: 45 });
    expect(waitFor(119.2)).toEqual({ unit: 'seconds', count: 120 });
    expect(waitFor(120)).toEqual({ unit: 'minutes', count: 2 });
    expect(waitFor(601)).toEqual({ unit: 'minutes', count: 11 });
  });
});
