import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@shared/contract/errors';
import { patientIdByPhone } from '@server/testing/app-codes';
import { at } from '@server/testing/visit-world';
import { type RecordsClinic, recordsClinic } from './testing/records-setup';

type Body = Record<string, unknown> & { error?: ApiError };
interface Inbox {
  items: Body[];
  unread: number;
}

describe('the patient gateway’s profile and inbox routes', () => {
  let clinic: RecordsClinic;
  let asha: { id: string; code: string; token: string };
  let ravi: { id: string; code: string; token: string };

  beforeAll(async () => {
    clinic = await recordsClinic();
    asha = await clinic.appPatient('Asha Rao');
    ravi = await clinic.appPatient('Ravi Kumar');
    // A signed record with a medicine: "prescription ready" lands in each one's in-app inbox.
    for (const [patient, time] of [
      [asha, '09:00'],
      [ravi, '09:30'],
    ] as const) {
      const appointment = await clinic.world.book(patient.id, time);
      clinic.hub.clock.set(at(time));
      await clinic.world.completeVisit(appointment.id);
    }
  }, 60_000);
  afterAll(() => clinic?.close());

  const send = (method: string, path: string, token?: string, body?: unknown) =>
    clinic.request<Body>(method, path, { token, body });

  it('answers the patient’s own record, without the bookkeeping fields', async () => {
    const profile = await send('GET', '/profile', asha.token);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      id: asha.id,
      code: asha.code,
      fullName: 'Asha Rao',
      dateOfBirth: '1988-03-14',
      preferredLanguage: 'en',
    });
    for (const key of ['provisionalCode', 'createdAt', 'updatedAt'])
      expect(profile.body).not.toHaveProperty(key);
    expect((await send('GET', '/profile', ravi.token)).body.fullName).toBe('Ravi Kumar');
    expect((await send('GET', '/profile')).status).toBe(401);
  });

  it('lets the patient change how the clinic reaches them, and only their own record', async () => {
    const changes = {
      phone: '+91 98450 66666',
      email: 'asha@example.in',
      address: '7 Residency Road, Bengaluru',
      emergencyContact: { name: 'Vikram Rao', relationship: 'Husband', phone: '+91 98450 55555' },
      preferredLanguage: 'hi',
      messageOptOuts: ['sms'],
      emailAttachments: true,
    };
    const patched = await send('PATCH', '/profile', asha.token, changes);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...changes, fullName: 'Asha Rao' });
    const stored = await clinic.hub.call(clinic.world.reception, 'patients.get', { id: asha.id });
    expect(stored).toMatchObject({ ...changes, emergencyContact: { ...changes.emergencyContact } });
    // The new phone is the one the app's sign-in and codes go by.
    expect(patientIdByPhone(clinic.hub.db, '9845066666')).toBe(asha.id);
    // Ravi's record is untouched.
    const theirs = await clinic.hub.call(clinic.world.reception, 'patients.get', { id: ravi.id });
    expect(theirs).toMatchObject({ email: null, address: '', preferredLanguage: 'en' });
    // A field left out stays as it is.
    const again = await send('PATCH', '/profile', asha.token, { address: '8 Residency Road' });
    expect(again.body).toMatchObject({ address: '8 Residency Road', email: 'asha@example.in' });
  });

  it('refuses what only the clinic changes, and bad values, with 422 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ fullName: 'Someone Else' }, 'fullName'],
      [{ dateOfBirth: '1990-01-01' }, 'dateOfBirth'],
      [{ code: 'PAT000999' }, 'code'],
      [{ allergies: [] }, 'allergies'],
      [{ email: 'not an address' }, 'email'],
      [{ phone: 'call me' }, 'phone'],
      [{ phone: null }, 'phone'],
      [{ preferredLanguage: 'fr' }, 'preferredLanguage'],
      [{ messageOptOuts: ['pigeon'] }, 'messageOptOuts.0'],
      [{ emergencyContact: { name: 'Vikram Rao' } }, 'emergencyContact.phone'],
    ];
    for (const [body, field] of cases) {
      const answer = await send('PATCH', '/profile', asha.token, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error?.code).toBe('VALIDATION');
      expect(answer.body.error?.fields?.map((f) => f.field)).toEqual([field]);
    }
    const stored = await clinic.hub.call(clinic.world.reception, 'patients.get', { id: asha.id });
    expect(stored).toMatchObject({ fullName: 'Asha Rao', dateOfBirth: '1988-03-14' });
  });

  it('answers the inbox with its unread count, and marks read only the caller’s own messages', async () => {
    const mine = await clinic.request<Inbox>('GET', '/notifications', { token: asha.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.unread).toBe(mine.body.items.length);
    expect(mine.body.items.map((m) => m.kind)).toContain('prescription_ready');
    for (const key of ['recipient', 'state', 'attempts', 'channel', 'patientId']) {
      expect(mine.body.items[0]).not.toHaveProperty(key);
    }
    const theirs = await clinic.request<Inbox>('GET', '/notifications', { token: ravi.token });
    const theirIds = theirs.body.items.map((m) => m.id as string);
    expect(theirIds.length).toBeGreaterThan(0);
    expect(theirIds.some((id) => mine.body.items.some((m) => m.id === id))).toBe(false);

    const first = mine.body.items[0]!.id as string;
    const marked = await send('POST', '/notifications/read', asha.token, { ids: [first, ...theirIds] });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ ok: true });

    const after = await clinic.request<Inbox>('GET', '/notifications', { token: asha.token });
    expect(after.body.unread).toBe(mine.body.unread - 1);
    expect(after.body.items.find((m) => m.id === first)?.readAt).toEqual(expect.any(String));
    const unreadOnly = await clinic.request<Inbox>('GET', '/notifications?unreadOnly=true', {
      token: asha.token,
    });
    expect(unreadOnly.body.items.map((m) => m.id)).not.toContain(first);
    // Ravi's messages stay unread: ids of another patient's messages are ignored.
    const ravis = await clinic.request<Inbox>('GET', '/notifications', { token: ravi.token });
    expect(ravis.body.unread).toBe(theirs.body.unread);
    expect(ravis.body.items.every((m) => m.readAt === null)).toBe(true);

    const bad = await send('POST', '/notifications/read', asha.token, { ids: ['nope'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.fields?.map((f) => f.field)).toEqual(['ids.0']);
    const badQuery = await send('GET', '/notifications?unreadOnly=maybe', asha.token);
    expect(badQuery.status).toBe(422);
    expect(badQuery.body.error?.fields?.map((f) => f.field)).toEqual(['unreadOnly']);
  });
});
