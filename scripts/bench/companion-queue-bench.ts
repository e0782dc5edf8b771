import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appPatient, liveWorld, SseClient } from '@server/gateway/testing/live-setup';
import { insertAppointment, queueWorld } from '@server/testing/queue-fixtures';
import { launchBrowser } from '@renderer/testing/browser';
import { companionBuild, serveCompanion } from './companion-site';
import { percentile } from './bench-hub';

/** Patients ahead of the watching phone: one doctor's "call next" each, one sample each. */
const CALLS = 40;
const round = (value: number) => Number(value.toFixed(1));
const wallNow = () => performance.timeOrigin + performance.now();

/**
 * `companion_queue_update_p99_ms` (issue 20, item 7): the doctor's "call next" until the phone's
 * live card shows the token now served, measured in Chromium at a phone viewport (the built app,
 * its event stream through the gateway). The time is taken in the page when the DOM changes
 * (a MutationObserver), on the same wall clock as the call's start. Raw baseline in the same
 * run: the same calls until a plain Node client of the gateway's event stream reads the `queue`
 * event (`companion_queue_update_raw_sse_p99_ms`): what the browser and React add is the
 * difference. Never fails on a number. Needs `npm run build:companion`.
 */
export async function companionQueueBench(figures: Record<string, number>): Promise<void> {
  if (!existsSync(join(companionBuild, 'companion.html'))) {
    throw new Error('The companion is not built: run `npm run build:companion` first.');
  }
  const world = await liveWorld();
  const site = await serveCompanion(world.api);
  const browser = await launchBrowser();
  try {
    const desk = await queueWorld(world.hub);
    const doctorId = desk.doctor.id;
    const patients = Array.from({ length: 2 * CALLS + 2 }, (_, i) => appPatient(world.hub, `Bench ${i}`));
    for (const [i, patient] of patients.entries()) {
      const minutes = 9 * 60 + 5 * i;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const id = insertAppointment(world.hub.db, {
        doctorId,
        patientId: patient.patientId,
        time,
        minutes: 5,
      });
      await world.hub.call(desk.reception, 'queue.checkIn', { appointmentId: id });
    }
    const tokenOf = (i: number) => `K-${String(i + 1).padStart(3, '0')}`;
    const callNext = () => world.hub.call(desk.doctorCaller, 'queue.callNext', { doctorId });

    // The phone: the last patient in the queue, watching its card.
    const watcher = patients.at(-1)!;
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, isMobile: true });
    await context.addInitScript(
      (stored) => {
        localStorage.setItem('clinic.companion.session', stored);
      },
      JSON.stringify({ token: watcher.token, patientId: watcher.patientId }),
    );
    const page = await context.newPage();
    await page.goto(site.url);
    await page.getByTestId('live-queue').waitFor();
    const phone: number[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      // The observer is in place before the call: the page stamps the moment the token shows.
      await page.evaluate((token) => {
        const box = window as unknown as { seen?: Promise<number> };
        box.seen = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid="now-serving"]')?.textContent !== token) return;
            observer.disconnect();
            resolve(performance.timeOrigin + performance.now());
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      }, tokenOf(i));
      const start = wallNow();
      await callNext();
      const seenAt = await page.evaluate(() => (window as unknown as { seen: Promise<number> }).seen);
      phone.push(seenAt - start);
    }
    await context.close();

    // The baseline: the same call, read by a Node client of the stream (no browser, no React).
    const raw: number[] = [];
    const client = await SseClient.open(world.api, watcher.token!);
    // The snapshot first: `queue` and `notifications`.
    await client.next();
    await client.next();
    for (let i = CALLS; i < 2 * CALLS; i += 1) {
      const start = wallNow();
      await callNext();
      for (;;) {
        const event = await client.next();
        const position = (event?.data as { position?: { nowServing?: string } } | undefined)?.position;
        if (!event || (event.event === 'queue' && position?.nowServing === tokenOf(i))) break;
      }
      raw.push(wallNow() - start);
    }
    await client.close();

    figures.companion_queue_update_p99_ms = round(percentile(phone, 99));
    figures.companion_queue_update_p50_ms = round(percentile(phone, 50));
    figures.companion_queue_update_raw_sse_p99_ms = round(percentile(raw, 99));
  } finally {
    await browser.close();
    await site.close();
    await world.close();
  }
}
