import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  at,
  clinicPerTest,
  hubDown,
  hubUp,
  newDesktop,
  settled,
  signedIn,
  waitFor,
} from '@main/client-core/testing/clinic';

const HOME = 'cough 3 weeks, night sweats; rule out TB (home office)';
const ROOM = 'cough 3 weeks, wheeze on exertion; likely asthma (consulting room)';

/**
 * The same doctor on two desktops, both offline with the same draft, each saving different text:
 * the first to reconnect must not have its text silently replaced by the second's.
 */
describe('client core: one doctor, two desktops, one draft', { timeout: 90_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('keeps both texts when two offline saves of the same draft reach the hub, and shows both desktops the conflict', async () => {
    const clinic = await start();
    const reception = newDesktop(clinic.server.url, 'reception');
    const room = newDesktop(clinic.server.url, 'consulting-room');
    const home = newDesktop(clinic.server.url, 'home-office');
    desktops.push(reception, room, home);
    await signedIn(reception, clinic.users.receptionist);
    await signedIn(room, clinic.users.doctor);
    await signedIn(home, clinic.users.doctor);

    const appointmentId = randomUUID();
    await reception.core.call('appointments.book', {
      id: appointmentId,
      patientId: clinic.patientIds[0]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:00'),
    });
    await reception.core.call('queue.checkIn', { appointmentId });
    await waitFor(
      async () => (await room.core.call('appointments.get', { id: appointmentId })).status === 'CHECKED_IN',
      'the check-in on the consulting-room desktop',
    );
    const consultationId = randomUUID();
    const first = await room.core.call('consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: { chiefComplaint: 'cough 3 weeks' },
    });
    const synced = await waitFor(async () => {
      const view = await home.core.call('consultations.get', { appointmentId });
      return view?.consultation.draftRevision === first.consultation.draftRevision ? view : null;
    }, 'the draft on the home-office desktop');

    // Both offline; each saves its own text on the revision both have.
    const port = await hubDown(clinic);
    await waitFor(
      () => !room.core.connectionState().online && !home.core.connectionState().online,
      'both doctor desktops offline',
    );
    const base = synced!.consultation.draftRevision;
    const save = (text: string) => ({
      id: consultationId,
      appointmentId,
      content: { chiefComplaint: text },
      baseRevision: base,
    });
    await room.core.call('consultations.saveDraft', save(ROOM));
    await home.core.call('consultations.saveDraft', save(HOME));
    // The home office stays away until the consulting room has synced.
    await home.core.signOut();

    await hubUp(clinic, port);
    await settled([room]);
    const onHub = () =>
      clinic.server.hub.db.sqlite
        .prepare('SELECT chiefComplaint, draftConflicts FROM consultations WHERE id = ?')
        .get(consultationId) as { chiefComplaint: string; draftConflicts: string };
    expect(onHub().chiefComplaint).toBe(ROOM);

    await signedIn(home, clinic.users.doctor);
    await settled([home, room]);
    // The later save is the draft; the text it replaced is kept beside it, nothing lost.
    const row = onHub();
    expect(row.chiefComplaint).toBe(HOME);
    const kept = JSON.parse(row.draftConflicts) as { id: string; content: { chiefComplaint: string } }[];
    expect(kept.map((c) => c.content.chiefComplaint)).toEqual([ROOM]);

    // Both desktops show the conflict: the draft and the other version side by side.
    for (const desk of [home, room]) {
      const view = await waitFor(async () => {
        const v = await desk.core.call('consultations.get', { appointmentId });
        return v?.consultation.draftConflicts.length === 1 ? v : null;
      }, 'the conflict on each desktop');
      expect(view!.consultation.chiefComplaint).toBe(HOME);
      expect(view!.consultation.draftConflicts[0]!.content.chiefComplaint).toBe(ROOM);
    }
    const signing = room.core.call('consultations.finalize', { id: consultationId });
    await expect(signing).rejects.toMatchObject({ code: 'POLICY' });

    // The doctor chooses at the consulting room: a merged text, resolving the other version.
    const current = (await room.core.call('consultations.get', { appointmentId }))!.consultation;
    const merged = await room.core.call('consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: { chiefComplaint: `${ROOM}; ${HOME}` },
      baseRevision: current.draftRevision,
      resolvedConflicts: [current.draftConflicts[0]!.id],
    });
    expect(merged.consultation.draftConflicts).toEqual([]);
    const signed = await room.core.call('consultations.finalize', { id: consultationId });
    expect(signed.consultation.status).toBe('finalized');
    expect(onHub().chiefComplaint).toBe(`${ROOM}; ${HOME}`);
  });
  it('keeps the text of a draft save refused because the record was signed meanwhile, until the author discards it', async () => {
    const clinic = await start();
    const reception = newDesktop(clinic.server.url, 'reception');
    const room = newDesktop(clinic.server.url, 'consulting-room');
    const home = newDesktop(clinic.server.url, 'home-office');
    desktops.push(reception, room, home);
    await signedIn(reception, clinic.users.receptionist);
    await signedIn(room, clinic.users.doctor);
    await signedIn(home, clinic.users.doctor);
    const appointmentId = randomUUID();
    await reception.core.call('appointments.book', {
      id: appointmentId,
      patientId: clinic.patientIds[1]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '09:30'),
    });
    await reception.core.call('queue.checkIn', { appointmentId });
    await waitFor(
      async () => (await room.core.call('appointments.get', { id: appointmentId })).status === 'CHECKED_IN',
      'the check-in on the consulting-room desktop',
    );
    const consultationId = randomUUID();
    await room.core.call('consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: { chiefComplaint: 'cough 3 weeks' },
    });
    await room.core.call('consultations.finalize', { id: consultationId });
    await waitFor(
      async () =>
        (await home.core.call('consultations.get', { appointmentId }))?.consultation.status === 'finalized',
      'the signature on the home-office desktop',
    );

    // Online, the desktop refuses it at once (its replica has the signature): the caller is told,
    // and the text is kept for its author, since the workspace now shows the signed record.
    const late = { chiefComplaint: 'cough 3 weeks', advice: 'sputum for AFB (typed at home)' };
    const refused = home.core.call('consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: late,
    });
    await expect(refused).rejects.toMatchObject({ code: 'POLICY' });
    const [entry, ...more] = home.core.needsAttention();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      name: 'consultations.saveDraft',
      input: { appointmentId, content: late },
      error: { code: 'POLICY' },
    });
    expect(home.core.connectionState().needsAttention).toBe(1);
    expect(home.core.dismissAttention(entry!.id)).toBe(true);
    expect(home.core.needsAttention()).toEqual([]);
  });

  it('keeps one card per visit for draft saves refused one after another, with the latest text and any older text it lacks', async () => {
    const clinic = await start();
    const reception = newDesktop(clinic.server.url, 'reception');
    const room = newDesktop(clinic.server.url, 'consulting-room');
    const home = newDesktop(clinic.server.url, 'home-office');
    desktops.push(reception, room, home);
    await signedIn(reception, clinic.users.receptionist);
    await signedIn(room, clinic.users.doctor);
    await signedIn(home, clinic.users.doctor);
    const appointmentId = randomUUID();
    await reception.core.call('appointments.book', {
      id: appointmentId,
      patientId: clinic.patientIds[2]!,
      doctorId: clinic.doctorId,
      startsAt: at('2026-11-23', '10:00'),
    });
    await reception.core.call('queue.checkIn', { appointmentId });
    const consultationId = randomUUID();
    await waitFor(
      async () => (await room.core.call('appointments.get', { id: appointmentId })).status === 'CHECKED_IN',
      'the check-in on the consulting-room desktop',
    );
    await room.core.call('consultations.saveDraft', {
      id: consultationId,
      appointmentId,
      content: { chiefComplaint: 'cough 3 weeks' },
    });
    await waitFor(
      async () => (await home.core.call('consultations.get', { appointmentId }))?.consultation,
      'the draft on the home-office desktop',
    );
    const save = (chiefComplaint: string, advice = '') =>
      home.core.call('consultations.saveDraft', {
        id: consultationId,
        appointmentId,
        content: { chiefComplaint, advice },
      });

    // The home office saves while away; the consulting room signs meanwhile; the hub refuses it.
    const port = await hubDown(clinic);
    await waitFor(() => !home.core.connectionState().online, 'the home office offline');
    await save('cough 3 weeks, night sweats');
    await home.core.signOut();
    await hubUp(clinic, port);
    await settled([room]);
    await room.core.call('consultations.finalize', { id: consultationId });
    await signedIn(home, clinic.users.doctor);
    const first = await waitFor(() => home.core.needsAttention()[0], 'the refused save in needs attention');
    await waitFor(
      async () =>
        (await home.core.call('consultations.get', { appointmentId }))?.consultation.status === 'finalized',
      'the signature on the home-office desktop',
    );

    // The editor's save on leaving, with more typed: refused by the replica, the same card.
    const continued = 'cough 3 weeks, night sweats, weight loss';
    await expect(save(continued)).rejects.toMatchObject({ code: 'POLICY' });
    let cards = home.core.needsAttention();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ id: first!.id, input: { content: { chiefComplaint: continued } } });
    expect(cards[0]!.earlierVersions).toBeUndefined();
    expect(home.core.connectionState().needsAttention).toBe(1);

    // A rewrite that drops typed text: still one card, the older text kept inside it.
    const rewritten = 'chronic cough';
    await expect(save(rewritten, 'sputum for AFB')).rejects.toMatchObject({ code: 'POLICY' });
    const latest = home.core.needsAttention()[0]!;
    // "Save to the record" with the card's own text, refused again: nothing new.
    await expect(save(rewritten, 'sputum for AFB')).rejects.toMatchObject({ code: 'POLICY' });
    cards = home.core.needsAttention();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      id: latest.id,
      input: { content: { chiefComplaint: rewritten, advice: 'sputum for AFB' } },
    });
    expect(cards[0]!.earlierVersions!.map((v) => v.input)).toMatchObject([
      { content: { chiefComplaint: continued } },
    ]);
    expect(home.core.connectionState().needsAttention).toBe(1);

    // Each version goes only when dismissed by its own id.
    expect(home.core.dismissAttention(cards[0]!.id)).toBe(true);
    expect(home.core.needsAttention()).toMatchObject([
      { id: cards[0]!.earlierVersions![0]!.id, input: { content: { chiefComplaint: continued } } },
    ]);
    expect(home.core.dismissAttention(cards[0]!.earlierVersions![0]!.id)).toBe(true);
    expect(home.core.needsAttention()).toEqual([]);
  });
});
