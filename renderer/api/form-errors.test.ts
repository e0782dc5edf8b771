import { describe, expect, it } from 'vitest';
import { ApiFailure, failure } from '@shared/contract/errors';
import { applyApiError, toApiError } from './form-errors';

type Form = { fullName: string; phone: string };

function recorder() {
  const set: Record<string, string> = {};
  const setError = (name: string, error: { message?: string }) => {
    set[name] = error.message ?? '';
  };
  return { set, setError: setError as Parameters<typeof applyApiError<Form>>[1] };
}

describe('applyApiError', () => {
  it('puts each field error on its form field and leaves nothing to show above the form', () => {
    const { set, setError } = recorder();
    const error = failure('VALIDATION', 'Check the details', {
      fields: [
        { field: 'details.fullName', message: 'is required' },
        { field: 'phone', message: 'must be a phone number' },
      ],
    });
    const rest = applyApiError<Form>(error, setError, {
      fieldMap: { 'details.fullName': 'fullName' },
      knownFields: ['fullName', 'phone'],
    });
    expect(set).toEqual({ fullName: 'is required', phone: 'must be a phone number' });
    expect(rest).toBeNull();
  });

  it('returns the message and the field errors no field of the form took', () => {
    const { set, setError } = recorder();
    const error = failure('VALIDATION', 'Check the details', {
      fields: [
        { field: 'phone', message: 'must be a phone number' },
        { field: 'settings.timeZone', message: 'unknown zone' },
      ],
    });
    const rest = applyApiError<Form>(error, setError, { knownFields: ['fullName', 'phone'] });
    expect(set).toEqual({ phone: 'must be a phone number' });
    expect(rest).toEqual({
      code: 'VALIDATION',
      message: 'Check the details',
      fields: [{ field: 'settings.timeZone', message: 'unknown zone' }],
    });
  });

  it('passes a refusal without fields through whole (e.g. SLOT_TAKEN with its next slots)', () => {
    const { set, setError } = recorder();
    const nextSlots = [{ start: '2026-11-23T04:00:00.000Z', end: '2026-11-23T04:30:00.000Z' }];
    const rest = applyApiError<Form>(failure('SLOT_TAKEN', 'Slot just taken', { nextSlots }), setError);
    expect(set).toEqual({});
    expect(rest).toEqual({ code: 'SLOT_TAKEN', message: 'Slot just taken', nextSlots });
  });

  it('turns anything thrown into an ApiError', () => {
    expect(toApiError(new ApiFailure({ code: 'FORBIDDEN', message: 'no' }))).toEqual({
      code: 'FORBIDDEN',
      message: 'no',
    });
    expect(toApiError(new Error('socket closed'))).toEqual({ code: 'INTERNAL', message: 'socket closed' });
  });
});
