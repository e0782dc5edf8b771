import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import { type RecordsClinic, recordsClinic } from './testing/records-setup';

type Body = Record<string, unknown> & { error?: ApiError };

describe('the patient gateway’s waiting-list routes', () => {
  let clinic: RecordsClinic;
  let asha: { id: string; code: string; token: string };
  let ravi: { id: string; code: string; token: string };
  let doctorId: string;
  /** What Asha asks for (the test hub's today is Monday 23 Nov 2026). */
  let request: { doctorId: string; fromDate: string; toDate: string; note: string };

  beforeAll(async () => {
    clinic = await recordsClinic();
    asha = await clinic.appPatient('Asha Rao');
    ravi = await clinic.appPatient('Ravi Kumar');
    doctorId = clinic.world.doctorId;
    request = { doctorId, fromDate: '2026-11-24', toDate: '2026-11-30', note: 'Mornings please' };
  }, 60_000);
  afterAll(() => clinic?.close());

  const send = (method: string, path: string, token?: string, body?: unknown) =>
    clinic.request<Body>(method, path, { token, body });
  const list = async (token: string) =>
    (await clinic.request<(Body & { id: string })[]>('GET', '/waitlist', { token })).body;

  it('joins the session’s own patient, answers a retry with the same entry, and refuses a second one', async () => {
    const retryKey = randomUUID();
    const joined = await send('POST', '/waitlist', asha.token, { ...request, id: retryKey });
    expect(joined.status).toBe(200);
    // The entry's id is derived from the retry key and the patient (retry-key.ts).
    const id = joined.body.id as string;
    expect(id).not.toBe(retryKey);
    expect(joined.body).toEqual({
      id,
      ...request,
      doctorId: clinic.world.doctorId,
      status: 'WAITING',
      offer: null,
      createdAt: expect.any(String) as string,
    });
    const row = clinic.hub.db.sqlite.prepare('SELECT patientId FROM waitlist_entries WHERE id = ?').get(id);
    expect(row).toEqual({ patientId: asha.id });

    const retry = await send('POST', '/waitlist', asha.token, { ...request, id: retryKey });
    expect(retry.body).toEqual(joined.body);
    const twice = await send('POST', '/waitlist', asha.token, request);
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('CONFLICT');

    const ravis = await send('POST', '/waitlist', ravi.token, { ...request, note: '' });
    expect(ravis.status).toBe(200);
    expect((await list(asha.token)).map((e) => e.id)).toEqual([id]);
    expect((await list(ravi.token)).map((e) => e.id)).toEqual([ravis.body.id]);
    // Reception sees both on the doctor's list.
    const desk = await clinic.hub.call(clinic.world.reception, 'waitlist.list', { doctorId });
    expect(desk.map((e) => e.patientId).sort()).toEqual([asha.id, ravi.id].sort());
    expect((await send('GET', '/waitlist')).status).toBe(401);
  });

  it('refuses bad requests with 422 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...request, fromDate: '2026-11-20' }, 'fromDate'],
      [{ ...request, toDate: '2026-11-22' }, 'toDate'],
      [{ ...request, toDate: '2027-06-30' }, 'toDate'],
      [{ ...request, doctorId: 'someone' }, 'doctorId'],
      [{ ...request, patientId: ravi.id }, 'patientId'],
      [{ fromDate: '2026-11-24', toDate: '2026-11-30' }, 'doctorId'],
    ];
    for (const [body, field] of cases) {
      const answer = await send('POST', '/waitlist', ravi.token, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error?.fields?.map((f) => f.field)).toEqual([field]);
    }
    const unknownDoctor = await send('POST', '/waitlist', ravi.token, { ...request, doctorId: randomUUID() });
    expect(unknownDoctor.status).toBe(404);
    expect(unknownDoctor.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such doctor.' } });
  });

  it('leaves the list; another patient’s entry answers like a missing one and stays', async () => {
    const [mine] = await list(asha.token);
    const [theirs] = await list(ravi.token);
    const other = await send('DELETE', `/waitlist/${theirs!.id}`, asha.token);
    const missing = await send('DELETE', `/waitlist/${randomUUID()}`, asha.token);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect(other.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such waiting-list entry.' } });
    expect((await list(ravi.token))[0]).toMatchObject({ id: theirs!.id, status: 'WAITING' });

    const left = await send('DELETE', `/waitlist/${mine!.id}`, asha.token);
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ id: mine!.id, status: 'CANCELLED', offer: null });
    expect((await list(asha.token))[0]).toMatchObject({ id: mine!.id, status: 'CANCELLED' });
    // Leaving again answers the same; and the patient may now join that doctor's list again.
    expect((await send('DELETE', `/waitlist/${mine!.id}`, asha.token)).status).toBe(200);
    expect((await send('POST', '/waitlist', asha.token, request)).status).toBe(200);
  });
});
