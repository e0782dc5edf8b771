import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type Clinic,
  clinicPerTest,
  hubDown,
  hubUp,
  newDesktop,
  signedIn,
  waitFor,
} from '@main/client-core/testing/clinic';

/** The admin's devices list: waiting changes per sync client (one user on one desktop). */
async function waitingOnHub(clinic: Clinic): Promise<Map<string, number>> {
  const { hub } = clinic.server;
  const devices = await hub.call(hub.admin, 'devices.list', {});
  return new Map(devices.flatMap((d) => d.clients).map((c) => [c.clientId, c.pendingMutations]));
}

describe("the admin's devices list shows what waits on each desktop (sync.outbox)", () => {
  const { desktops, start } = clinicPerTest();

  it("a user's offline changes held on the desktop while another user works there show as waiting, until they are sent", async () => {
    const clinic = await start();
    const desk = newDesktop(clinic.server.url, 'front-desk');
    desktops.push(desk);
    const { receptionist: reena, receptionist2: rahul } = clinic.users;
    await signedIn(desk, reena);
    const reenaClient = [...(await waitingOnHub(clinic)).keys()];
    expect(reenaClient).toHaveLength(1);
    const [reenaId] = reenaClient as [string];

    // The hub drops off the LAN; Reena registers two patients, then hands the desk to Rahul.
    const port = await hubDown(clinic);
    await waitFor(() => !desk.core.connectionState().online, 'the desktop to notice the hub is gone');
    for (const fullName of ['Kavya Offline', 'Arjun Offline']) {
      await desk.core.call('patients.register', { id: randomUUID(), details: { fullName, sex: 'female' } });
    }
    expect(desk.core.connectionState().pendingCount).toBe(2);
    await desk.core.signOut();
    await hubUp(clinic, port);
    await signedIn(desk, rahul);

    // Reena's changes wait for her on the desktop: the admin sees them, on her row of this desktop.
    await waitFor(
      async () => (await waitingOnHub(clinic)).get(reenaId) === 2,
      "Reena's 2 waiting changes on the hub",
    );
    const rows = await waitingOnHub(clinic);
    expect(rows.size).toBe(2);
    expect([...rows.entries()].filter(([id]) => id !== reenaId).map(([, n]) => n)).toEqual([0]);
    // One machine: a single row with both people on it, Rahul last.
    const { hub } = clinic.server;
    const devices = await hub.call(hub.admin, 'devices.list', {});
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ name: 'front-desk', pendingMutations: 2 });
    expect(devices[0]?.id).toMatch(/^front-desk-/);
    expect(devices[0]?.clients.map((c) => c.clientId)).toContain(reenaId);

    // Reena signs in again: her changes are sent, and the figure goes back to 0.
    await desk.core.signOut();
    await signedIn(desk, reena);
    await waitFor(() => desk.core.connectionState().pendingCount === 0, "Reena's changes to be sent");
    await waitFor(async () => (await waitingOnHub(clinic)).get(reenaId) === 0, 'the figure to clear');
  }, 60_000);
});
