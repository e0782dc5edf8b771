import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertDoctor } from '@server/testing/fixtures';
import { failureOf } from '@server/testing/failure';
import { createTestHub, freshAdmin, type TestHub } from '@server/testing/test-hub';
import { buildDisplaySnapshot } from './display-feed';
import { getDisplayRow } from './displays.repository';

let hub: TestHub;
beforeEach(async () => {
  hub = await createTestHub();
});
afterEach(() => hub.close());

const LINK = 'https://app.sunrise-clinic.in/book';

describe('the companion app QR code on a waiting-room display', () => {
  it('carries the clinic’s link in the feed only while the display shows the QR code', async () => {
    const admin = await freshAdmin(hub);
    const settings = await hub.call(admin, 'settings.get', {});
    expect(settings.companionAppUrl).toBeNull();
    for (const bad of ['ftp://files.example.in/app', 'javascript:alert(1)', 'app.example.in']) {
      const refused = await failureOf(
        hub.call(admin, 'settings.update', { ...settings, companionAppUrl: bad }),
      );
      expect(refused).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'companionAppUrl' }] });
    }

    const doctor = insertDoctor(hub.db, {});
    const id = randomUUID();
    const shown = { name: 'Waiting hall', doctorIds: [doctor.id], showQrCode: true };
    await hub.call(admin, 'displays.create', { id, settings: shown });
    expect((await hub.call(admin, 'displays.list', {}))[0]).toMatchObject({ showQrCode: true });
    const feed = () => buildDisplaySnapshot(hub.core, getDisplayRow(hub.db, id));
    // Switched on, but the clinic has no link yet: nothing to show.
    expect(feed().companionAppUrl).toBeNull();

    await hub.call(admin, 'settings.update', { ...settings, companionAppUrl: LINK });
    expect(feed().companionAppUrl).toBe(LINK);
    // A display that does not show it gets no link.
    await hub.call(admin, 'displays.update', { id, settings: { ...shown, showQrCode: false } });
    expect(feed().companionAppUrl).toBeNull();
    expect((await hub.call(admin, 'displays.list', {}))[0]).toMatchObject({ showQrCode: false });
  });
});
