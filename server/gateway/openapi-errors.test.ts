import { describe, expect, it } from 'vitest';
import { errorStatusesOf } from './openapi-errors';

describe('errorStatusesOf', () => {
  it('gives each route kind its error answers', () => {
    expect(errorStatusesOf({ method: 'POST', url: '/api/v1/auth/login', schema: { body: {} } })).toEqual([
      409, 413, 422, 429,
    ]);
    expect(errorStatusesOf({ method: 'GET', url: '/api/v1/me' })).toEqual([401, 429]);
    expect(errorStatusesOf({ method: ['GET', 'HEAD'], url: '/api/v1/clinic' })).toEqual([429]);
    expect(errorStatusesOf({ method: 'GET', url: '/api/v1/doctors', schema: { querystring: {} } })).toEqual([
      401, 422, 429,
    ]);
    expect(errorStatusesOf({ method: 'POST', url: '/api/v1/appointments/:id/cancel' })).toEqual([
      401, 404, 409, 413, 422, 429,
    ]);
    expect(errorStatusesOf({ method: ['GET', 'HEAD'], url: '/api/v1/bills/:id/receipt.pdf' })).toEqual([
      401, 404, 422, 429,
    ]);
  });
});
