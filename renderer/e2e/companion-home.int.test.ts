import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPatient, liveWorld, type LiveWorld } from '@server/gateway/testing/live-setup';
import { at as atOn, bookAt, TUESDAY } from '@server/testing/booking-setup';
import { insertAppointment, queueWorld, type QueueWorld } from '@server/testing/queue-fixtures';
import { axeScan } from '@renderer/testing/axe';
import { launchBrowser } from '@renderer/testing/browser';
import { type CompanionSite, companionBuild, serveCompanion } from '@renderer/testing/companion-static';

// The hub's clock: Monday 23 Nov 2026, 08:00 in Kolkata; the doctor works from 09:00.
let world: LiveWorld;
let desk: QueueWorld;
let browser: Browser;
let site: CompanionSite;

beforeAll(async () => {
  if (!existsSync(join(companionBuild, 'companion.html'))) {
    throw new Error('The companion is not built: run `npm run build:companion` first.');
  }
  world = await liveWorld();
  desk = await queueWorld(world.hub, { fullName: 'Dr. Arjun Singh' });
  world.hub.core.saveSettings({
    ...world.hub.core.settings(),
    address: '12 MG Road, Pune',
    phone: '+91 20 1234 5678',
  });
  site = await serveCompanion(world.api);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await world?.close();
});

/** A phone (360×800, touch) with the patient's session already on it. */
async function phone(session: { token: string; patientId: string }): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 800 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-IN',
  });
  await context.addInitScript((stored) => {
    localStorage.setItem('clinic.companion.session', stored);
  }, JSON.stringify(session));
  const page = await context.newPage();
  await page.goto(site.url);
  return page;
}

const text = (page: Page, testId: string) => page.getByTestId(testId);

describe('the companion’s home screen on the day', () => {
  it('shows my position and estimated call time, and follows the doctor’s calls by itself', async () => {
    const doctorId = desk.doctor.id;
    const asha = appPatient(world.hub, 'Asha Rao');
    const meera = appPatient(world.hub, 'Meera Iyer');
    const ashaVisit = insertAppointment(world.hub.db, { doctorId, patientId: asha.patientId, time: '09:00' });
    const meeraVisit = insertAppointment(world.hub.db, {
      doctorId,
      patientId: meera.patientId,
      time: '09:30',
    });
    await world.hub.call(desk.reception, 'queue.checkIn', { appointmentId: ashaVisit });

    const page = await phone({ token: meera.token!, patientId: meera.patientId });
    // Before check-in: the next visit, with whom and when, and add to calendar.
    const next = text(page, 'next-appointment');
    await expect.poll(() => next.innerText()).toContain('9:30');
    expect(await next.innerText()).toContain('Dr. Arjun Singh');
    expect(await page.getByTestId('live-queue').count()).toBe(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Add to calendar' }).click();
    const ics = await (await download).createReadStream().then(async (stream) => {
      let body = '';
      for await (const chunk of stream) body += String(chunk);
      return body;
    });
    expect(ics).toContain('DTSTART:20261123T040000Z');
    expect(ics).toContain('SUMMARY:Visit with Dr. Arjun Singh');

    // Reception checks me in: the live card appears by itself, one patient ahead of me.
    await world.hub.call(desk.reception, 'queue.checkIn', { appointmentId: meeraVisit });
    await text(page, 'live-queue').waitFor();
    await expect.poll(() => text(page, 'my-token').innerText()).toBe('K-002');
    expect(await text(page, 'patients-ahead').innerText()).toBe('1 patient ahead of you');
    expect(await text(page, 'estimated-call').innerText()).toBe('9:30 am');
    expect(await text(page, 'now-serving').innerText()).toBe('Not started yet');
    expect(await text(page, 'next-token').innerText()).toContain('K-002');
    expect(await page.getByText('Updates by itself').count()).toBe(1);

    // The doctor calls Asha: the card updates by itself (no reload).
    await world.hub.call(desk.doctorCaller, 'queue.callNext', { doctorId });
    await page.getByTestId('now-serving').getByText('K-001').waitFor();
    await page.getByTestId('patients-ahead').getByText('You are next').waitFor();

    // …and then me.
    await world.hub.call(desk.doctorCaller, 'queue.callNext', { doctorId });
    await page.getByTestId('queue-turn').waitFor();
    expect(await text(page, 'now-serving').innerText()).toBe('K-002');

    // The clinic's phone to call and its address for directions.
    expect(await text(page, 'clinic-phone').getAttribute('href')).toBe('tel:+912012345678');
    expect(await text(page, 'clinic-directions').getAttribute('href')).toContain(
      encodeURIComponent('12 MG Road, Pune'),
    );

    expect(await axeScan(page)).toEqual([]);

    // A message for me (a booking's confirmation): the inbox badge counts it, from the stream.
    await bookAt(world.hub, desk.reception, doctorId, meera.patientId, atOn(TUESDAY, '11:00'));
    await page.getByTestId('unread-badge').getByText('1').waitFor();

    // Signed out elsewhere: the stream says so and the phone goes back to the welcome screen.
    const logout = await fetch(`${world.api}/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${meera.token}` },
    });
    expect(logout.status).toBe(200);
    await page.waitForURL((url) => url.pathname === '/welcome');
    expect(await page.evaluate(() => localStorage.getItem('clinic.companion.session'))).toBeNull();
    await page.context().close();
  });
});
