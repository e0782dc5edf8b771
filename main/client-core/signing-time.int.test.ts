import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '@server/core/clock';
import { insertAppointment } from '@server/testing/visit-fixtures';
import { type ClientCore, createClientCore } from './client-core';
import {
  clinicPerTest,
  type Desktop,
  hubDown,
  hubUp,
  logAll,
  NOW,
  settled,
  signedIn,
  waitFor,
} from '@main/client-core/testing/clinic';

const plus = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const closeAndRemove = async (core: ClientCore, dir: string) => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
};

/**
 * A signature made offline keeps its author's time (docs/product.md §8): the doctor's PC clock is slow; the
 * hub measures that at each hello and corrects the signing time, and keeps when the signature
 * reached it next to it.
 */
describe('signing time of a record signed offline', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  // A PC clock a few minutes slow is corrected silently; one hours off is corrected and flagged.
  it.each([
    { slowMinutes: 7, clock: 'device' },
    { slowMinutes: 120, clock: 'flagged' },
  ])(
    'is the author’s corrected time, with the hub’s receipt time beside it (clock $slowMinutes min slow)',
    async ({ slowMinutes, clock }) => {
      const clinic = await start();
      const { hub } = clinic.server;
      const appointmentId = insertAppointment(hub, {
        doctorId: clinic.doctorId,
        patientId: clinic.patientIds[0]!,
        startsAt: plus(60),
      });
      logAll(hub.db, 'appointments');

      const deskClock = fixedClock(new Date(Date.parse(NOW) - slowMinutes * 60_000).toISOString());
      const dir = mkdtempSync(join(tmpdir(), 'clinic-desktop-consulting-room-'));
      const core = createClientCore({
        dataDir: dir,
        hubUrl: clinic.server.url,
        deviceId: `consulting-room-${randomUUID().slice(0, 8)}`,
        deviceName: 'consulting-room',
        clock: deskClock,
        pullIntervalMs: 2_000,
      });
      const desk: Desktop = { core, dir, close: () => closeAndRemove(core, dir) };
      desktops.push(desk);
      const advance = (minutes: number) => {
        hub.clock.advance(minutes);
        deskClock.advance(minutes);
      };

      await signedIn(desk, clinic.users.doctor);
      const draft = await core.call('consultations.saveDraft', {
        id: randomUUID(),
        appointmentId,
        content: { diagnosis: { text: 'Viral fever', code: null }, advice: 'Rest and fluids' },
      });
      await settled([desk]);
      const consultationId = draft.consultation.id;

      const port = await hubDown(clinic);
      await waitFor(() => !core.connectionState().online, 'the desktop to be offline');
      advance(10);
      await core.call('consultations.finalize', { id: consultationId });
      advance(5);
      const addendum = await core.call('consultations.addAddendum', {
        id: randomUUID(),
        consultationId,
        text: 'Paracetamol only if the fever is above 38.5 °C.',
      });
      expect(addendum.receivedAt).toBeNull(); // not at the hub yet

      advance(35);
      await hubUp(clinic, port);
      await settled([desk]);

      const signed = hub.db.sqlite
        .prepare('SELECT signedAt, signatureReceivedAt, signatureClock FROM consultations WHERE id = ?')
        .get(consultationId);
      expect(signed).toEqual({
        signedAt: plus(10),
        signatureReceivedAt: plus(50),
        signatureClock: clock,
      });
      const added = hub.db.sqlite
        .prepare('SELECT at, receivedAt, clock FROM addenda WHERE id = ?')
        .get(addendum.id);
      expect(added).toEqual({ at: plus(15), receivedAt: plus(50), clock });

      // The desktop shows the hub's record once synced.
      const view = await core.call('consultations.get', { appointmentId });
      expect(view?.consultation).toMatchObject({ signedAt: plus(10), signatureReceivedAt: plus(50) });
      expect(view?.addenda[0]).toMatchObject({ at: plus(15), receivedAt: plus(50) });
    },
  );
});

/**
 * The hole a clock measured only at hello leaves: a PC clock set back a day while offline, and put
 * right before reconnecting, measures ≈ 0 at hello. A record written offline reaches the hub in
 * the same push as its signature, so the draft bounds nothing; the hub's check-in of the visit does.
 */
describe('signing time from a clock set back a day while offline', { timeout: 60_000 }, () => {
  const { desktops, start } = clinicPerTest();

  it('is never before the hub’s check-in of the visit, and is flagged', async () => {
    const clinic = await start();
    const { hub } = clinic.server;
    const appointmentId = insertAppointment(hub, {
      doctorId: clinic.doctorId,
      patientId: clinic.patientIds[0]!,
      startsAt: plus(30),
      status: 'CONFIRMED',
    });
    logAll(hub.db, 'appointments');

    const deskClock = fixedClock(NOW);
    const dir = mkdtempSync(join(tmpdir(), 'clinic-desktop-consulting-room-'));
    const core = createClientCore({
      dataDir: dir,
      hubUrl: clinic.server.url,
      deviceId: `consulting-room-${randomUUID().slice(0, 8)}`,
      deviceName: 'consulting-room',
      clock: deskClock,
      pullIntervalMs: 2_000,
    });
    const desk: Desktop = { core, dir, close: () => closeAndRemove(core, dir) };
    desktops.push(desk);
    const advance = (minutes: number) => {
      hub.clock.advance(minutes);
      deskClock.advance(minutes);
    };

    await signedIn(desk, clinic.users.doctor);
    await core.call('queue.checkIn', { appointmentId });
    await settled([desk]);
    const checkedIn = hub.db.sqlite
      .prepare(`SELECT at FROM status_transitions WHERE appointmentId = ? AND "to" = 'CHECKED_IN'`)
      .get(appointmentId) as { at: string };
    expect(checkedIn.at).toBe(NOW);

    const port = await hubDown(clinic);
    await waitFor(() => !core.connectionState().online, 'the desktop to be offline');
    advance(10);
    deskClock.advance(-24 * 60); // the PC's clock is set back a day
    const draft = await core.call('consultations.saveDraft', {
      id: randomUUID(),
      appointmentId,
      content: { diagnosis: { text: 'Viral fever', code: null }, advice: 'Rest and fluids' },
    });
    advance(5);
    await core.call('consultations.finalize', { id: draft.consultation.id });
    deskClock.advance(24 * 60); // and put right before the desktop reconnects
    advance(35);
    await hubUp(clinic, port);
    await settled([desk]);

    const signed = hub.db.sqlite
      .prepare('SELECT signedAt, signatureReceivedAt, signatureClock FROM consultations WHERE id = ?')
      .get(draft.consultation.id);
    expect(signed).toEqual({
      signedAt: checkedIn.at,
      signatureReceivedAt: plus(50),
      signatureClock: 'flagged',
    });
  });
});
