import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { browserTest } from '@renderer/testing/browser-test';
import { startDemoHub } from '@renderer/testing/demo-hub';
import { instantToLocal, localToInstant } from '@shared/rules/zoned-time';
import { addWalkInAt } from '@renderer/testing/doctor-steps';

const TIMEOUT = { timeout: 30_000 };
const DOCTOR = 'Dr. Arvind Menon'; // the demo account signInAs(…, 'doctor') uses
const ZONE = 'Asia/Kolkata'; // the demo clinic's

/**
 * Minutes from now to the doctor's lunch break (the demo's Dr. Menon works weekdays 09:00–13:00
 * and 14:00–17:00) on a day without leave: walk-ins then are timed from 14:00, and their waits
 * must count from there, not from now (issue 16: estimates follow the doctor's hours).
 */
function minutesUntilLunchBreak(dataDir: string): number {
  const db = new BetterSqlite3(join(dataDir, 'clinic.db'), { readonly: true });
  const leave = new Set(
    (
      db
        .prepare(
          `SELECT e.date FROM schedule_exceptions e JOIN doctors d ON d.id = e.doctorId
           WHERE d.fullName = ? AND e.kind = 'leave'`,
        )
        .all(DOCTOR) as { date: string }[]
    ).map((e) => e.date),
  );
  db.close();
  const inBreak = (time: string) => time >= '13:00' && time < '13:40';
  for (let minutes = 0; minutes < 8 * 24 * 60; minutes += 5) {
    const { date, time } = instantToLocal(Date.now() + minutes * 60_000, ZONE);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5 && !leave.has(date) && inBreak(time)) return minutes;
  }
  throw new Error(`${DOCTOR} has no working weekday without leave in the coming week`);
}

/** The tokens of a queue table, top to bottom (the first cell of each row starts with the token). */
async function tokens(rows: Locator): Promise<string[]> {
  return (await rows.locator('td:first-child').allInnerTexts()).map((cell) => cell.trim().split(/\s/)[0]!);
}

/** Whether the rows marked urgent (their "Urgent" badge) are exactly the first ones. */
async function urgentFirst(rows: Locator): Promise<boolean> {
  const urgent = await rows.evaluateAll((all) =>
    all.map((row) => !!row.querySelector('[data-testid="urgent"]')),
  );
  return urgent.every((flag, i) => flag || !urgent.slice(i).some(Boolean));
}

/**
 * A hub whose clock the test moves (only the hub's: the browser keeps the real time); `clock`
 * moves it and knows how far it runs ahead. Walk-ins are timed by the doctor's hours: the hub's
 * clock is first moved into the doctor's lunch break (before anyone signs in, so no session idles
 * out), whatever the time of day. Reception and the doctor (who opens on My queue) each sign in on
 * their own device, in that order.
 */
const test = browserTest
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's needs from its destructuring
  .extend('hub', { scope: 'file' }, async ({}, { onCleanup }) => {
    const hub = await startDemoHub({ movableClock: true });
    onCleanup(() => hub.stop());
    return hub;
  })
  .extend('clock', { scope: 'file' }, async ({ hub }) => {
    let aheadMinutes = 0;
    const clock = {
      /** The hub's time now. */
      now: () => Date.now() + aheadMinutes * 60_000,
      async advance(minutes: number) {
        await hub.advanceClock(minutes);
        aheadMinutes += minutes;
      },
    };
    await clock.advance(minutesUntilLunchBreak(hub.dataDir));
    return clock;
  })
  .extend('reception', { scope: 'file' }, ({ clock, signedIn }) => {
    void clock; // in the lunch break before signing in
    return signedIn('receptionist');
  })
  .extend('doctor', { scope: 'file' }, ({ reception, signedIn }) => {
    void reception; // signs in after reception
    return signedIn('doctor');
  });

/** The walk-ins the first test adds, in the order they came; the later tests work on them. */
const walkIns: { name: string; token: string }[] = [];
const FIVE_MINUTES = 5 * 60_000;
const row = (page: Page, token: string) =>
  page.getByTestId('queue-row').filter({ has: page.getByText(token, { exact: true }) });
const receptionRows = (page: Page) => page.getByRole('tabpanel').getByTestId('queue-row');
const doctorRows = (page: Page) => page.getByTestId('queue-row');

/**
 * docs/product.md §7: the receptionist moves queue entries up and down and marks one urgent, which puts it
 * ahead of the others; the doctor's own queue (another desktop) shows the same order. docs/product.md §5: a
 * patient who did not come is marked no-show (offered only from the start time by the hub's clock), and
 * that can be undone. Demo data follows the real clock, so the test makes its own queue: two
 * walk-ins, which works at any time of day; the hub's clock is then moved past a start time.
 */
describe('reception: queue order, priority and no-show', () => {
  test('two walk-ins join the doctor’s queue in the order they came', async ({
    reception,
    doctor,
    clock,
  }) => {
    const { page } = reception;
    // Walk-ins start at the hub's next 5-minute mark. The hub's clock is put just past a mark, so
    // the "too early for a no-show" check below has almost 5 minutes, whatever the time of day.
    await clock.advance((FIVE_MINUTES - (Date.now() % FIVE_MINUTES) + 5_000) / 60_000);
    for (const name of [
      `Queue First ${Date.now().toString(36).slice(-5)}`,
      `Queue Second ${Date.now().toString(36).slice(-5)}`,
    ]) {
      const token = await addWalkInAt(page, { doctor: DOCTOR, newName: name });
      expect(token).toMatch(/^[A-Z]{1,3}-\d{3,}$/);
      const dialog = page.getByRole('dialog', { name: 'Walk-in patient' });
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'hidden', ...TIMEOUT });
      walkIns.push({ name, token });
    }
    await page.getByRole('tab', { name: new RegExp(DOCTOR) }).click();
    const [first, second] = walkIns;
    await row(page, second!.token).waitFor(TIMEOUT);
    // In the lunch break the first walk-in is seen when the afternoon starts, not in a minute.
    const hubNow = clock.now();
    const afternoon = Date.parse(localToInstant(instantToLocal(hubNow, ZONE).date, '14:00', ZONE));
    const estimate = /~(?:(\d+) h )?(\d+) min ·/.exec(await row(page, first!.token).innerText());
    expect(estimate, 'an estimated wait beside the walk-in').not.toBeNull();
    const waitMinutes = Number(estimate![1] ?? 0) * 60 + Number(estimate![2]);
    expect(waitMinutes).toBeGreaterThanOrEqual(Math.floor((afternoon - hubNow) / 60_000) - 1);
    // The doctor's queue counts the same wait the same way (issue 18 item 6: it counted against
    // the browser's clock, reception showed the hub's figure).
    const minutesOn = async (page: Page, pattern: RegExp) => {
      const m = pattern.exec(await row(page, first!.token).innerText());
      return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : null;
    };
    await expect
      .poll(async () => {
        const atDoctor = await minutesOn(doctor.page, /in about (?:(\d+) h )?(\d+) min/);
        return atDoctor === (await minutesOn(page, /~(?:(\d+) h )?(\d+) min ·/));
      }, TIMEOUT)
      .toBe(true);
    const order = await tokens(receptionRows(page));
    expect(order.indexOf(first!.token)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(first!.token)).toBeLessThan(order.indexOf(second!.token));
  }, 300_000); // also starts the hub, moves its clock, starts the browser and signs both desks in

  test('moving the second walk-in up puts it ahead of the first, on both desktops', async ({
    reception,
    doctor,
  }) => {
    const { page } = reception;
    const [first, second] = walkIns;
    const before = await tokens(receptionRows(page));
    const steps = before.indexOf(second!.token) - before.indexOf(first!.token);
    for (let step = 0; step < steps; step++) {
      const at = (await tokens(receptionRows(page))).indexOf(second!.token);
      await page.getByRole('button', { name: `Move ${second!.token} up` }).click();
      await expect
        .poll(async () => (await tokens(receptionRows(page))).indexOf(second!.token), TIMEOUT)
        .toBe(at - 1);
    }
    const after = await tokens(receptionRows(page));
    expect(after.indexOf(second!.token)).toBe(after.indexOf(first!.token) - 1);
    // Only the moved entry changed place.
    expect(after.filter((t) => t !== second!.token)).toEqual(before.filter((t) => t !== second!.token));
    expect(await axeScan(page)).toEqual([]);

    await expect
      .poll(async () => {
        const mine = await tokens(doctorRows(doctor.page));
        return mine.indexOf(second!.token) >= 0 && mine.indexOf(second!.token) < mine.indexOf(first!.token);
      }, TIMEOUT)
      .toBe(true);
  }, 180_000);

  test('marking the first walk-in urgent puts it ahead of everyone not urgent, on both desktops', async ({
    reception,
    doctor,
  }) => {
    const { page } = reception;
    const [first] = walkIns;
    const entry = row(page, first!.token);
    await entry.getByRole('button', { name: 'Urgent' }).click();
    await expect
      .poll(() => entry.getByRole('button', { name: 'Urgent' }).getAttribute('aria-pressed'), TIMEOUT)
      .toBe('true');
    await expect.poll(() => urgentFirst(receptionRows(page)), TIMEOUT).toBe(true);
    const order = await tokens(receptionRows(page));
    const urgentCount = await receptionRows(page).getByTestId('urgent').count();
    expect(urgentCount).toBeGreaterThan(0);
    expect(order.indexOf(first!.token)).toBeLessThan(urgentCount);

    const urgentOnDoctor = row(doctor.page, first!.token).getByTestId('urgent');
    await urgentOnDoctor.waitFor(TIMEOUT);
    await expect.poll(() => urgentFirst(doctorRows(doctor.page)), TIMEOUT).toBe(true);
  }, 180_000);

  test('the second walk-in did not stay: check-in undone, marked no-show, then the no-show undone', async ({
    reception,
    doctor,
    clock,
  }) => {
    const { page } = reception;
    const [, second] = walkIns;
    await row(page, second!.token).getByRole('button', { name: second!.name }).click();
    const drawer = page.getByTestId('appointment-drawer');
    const history = drawer.getByTestId('appointment-history');
    await history.waitFor(TIMEOUT);
    await drawer.getByRole('button', { name: 'Undo checked in' }).click();
    const undo = page.getByRole('dialog', { name: /Undo/ });
    await undo.getByLabel('Reason').fill('Left before being called');
    await undo.getByRole('button', { name: 'Undo', exact: true }).click();
    await undo.waitFor({ state: 'hidden', ...TIMEOUT });

    // A walk-in's appointment starts at the next 5 minutes by the hub's clock: too early to call it
    // a no-show, so the button is not offered (the hub would refuse it) and the screen says when.
    const noShowButton = drawer.getByRole('button', { name: 'No-show', exact: true });
    await drawer.getByTestId('no-show-later').waitFor(TIMEOUT);
    const hint = await drawer.getByTestId('no-show-later').innerText();
    const [, startTime] =
      /^No-show can be marked from (\d{2}:\d{2}), the appointment’s start\.$/.exec(hint) ?? [];
    expect(startTime, hint).toBeDefined();
    expect(await noShowButton.count()).toBe(0);
    expect(await axeScan(page)).toEqual([]);

    // The hub's clock (only the hub's: the browser keeps the real time) passes the start time.
    // Within the doctor's hours that is the next 5 minutes; outside them, the next working window.
    const hubNow = clock.now();
    const hubDay = instantToLocal(hubNow, ZONE).date;
    const startMs = Date.parse(localToInstant(hubDay, startTime!, ZONE));
    await clock.advance(Math.ceil((startMs - hubNow) / 60_000) + 1);
    await noShowButton.waitFor(TIMEOUT);
    expect(await drawer.getByTestId('no-show-later').count()).toBe(0);
    await noShowButton.click();
    const noShow = page.getByRole('dialog', { name: 'Mark as no-show?' });
    await noShow.getByLabel('Note (optional)').fill('Did not come back');
    await noShow.getByRole('button', { name: 'Mark no-show' }).click();
    await noShow.waitFor({ state: 'hidden', ...TIMEOUT });
    await expect.poll(() => history.innerText(), TIMEOUT).toContain('Confirmed → No-show');
    expect(await history.innerText()).toContain('Did not come back');
    expect(await noShowButton.count()).toBe(0);

    await drawer.getByRole('button', { name: 'Undo no-show' }).click();
    await undo.getByLabel('Reason').fill('Marked by mistake; the patient is here');
    await undo.getByRole('button', { name: 'Undo', exact: true }).click();
    await undo.waitFor({ state: 'hidden', ...TIMEOUT });
    await expect.poll(() => history.innerText(), TIMEOUT).toContain('No-show → Confirmed (undo)');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', ...TIMEOUT });
    // Off the queue, on both desktops.
    await row(page, second!.token).waitFor({ state: 'detached', ...TIMEOUT });
    await row(doctor.page, second!.token).waitFor({ state: 'detached', ...TIMEOUT });
  }, 180_000);

  test('ran without console errors, page errors or CSP violations', ({ reception, doctor }) => {
    expect([...reception.problems, ...doctor.problems]).toEqual([]);
  });
});
