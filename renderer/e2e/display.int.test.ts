import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { COMPANION_QR_OPTIONS, modulesOfPath } from '@renderer/display/companion-qr';
import { axeScan } from '@renderer/testing/axe';
import { type AppPage, launchBrowser, openApp } from '@renderer/testing/browser';
import { type DemoHub, startDemoHub } from '@renderer/testing/demo-hub';
import type { StaffRole } from '@renderer/testing/sign-in';
import { type StaffSocket, staffSocket } from '@renderer/testing/staff-socket';

let hub: DemoHub;
let browser: Browser;
const sockets: StaffSocket[] = [];

beforeAll(async () => {
  [hub, browser] = await Promise.all([startDemoHub(), launchBrowser()]);
}, 600_000);
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await browser?.close();
  await hub?.stop();
});

/** A staff member's session over the hub's socket (the doctor's click is a call like this one). */
async function staff(role: StaffRole) {
  const socket = await staffSocket(hub.url, role);
  sockets.push(socket);
  return socket.call;
}

/** Records what the page asks speech synthesis to say, then lets it speak (init script). */
function recordSpeech() {
  const spoken: string[] = [];
  (window as unknown as { __spoken: string[] }).__spoken = spoken;
  const synth = window.speechSynthesis as SpeechSynthesis | undefined;
  if (!synth) return;
  const speak = synth.speak.bind(synth);
  synth.speak = (utterance: SpeechSynthesisUtterance) => {
    spoken.push(utterance.text);
    try {
      speak(utterance);
    } catch {
      // A headless browser without voices: the call is what is observed.
    }
  };
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);

async function waitForSpoken(page: Page, count: number) {
  await page.waitForFunction(
    (n) => (window as unknown as { __spoken: string[] }).__spoken.length >= n,
    count,
    {
      timeout: 30_000,
    },
  );
}

/** Font size of the serving token as a share of the screen height. */
const tokenShare = (page: Page) =>
  page
    .getByTestId('serving-token')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize) / window.innerHeight);

describe('the waiting-room display', () => {
  it('pairs, shows and announces calls once, survives a hub restart, and blanks when revoked', async () => {
    const admin = await staff('admin');
    const reception = await staff('receptionist');
    // A doctor of its own, working all week in Room 9, so the demo's live queues do not matter.
    const roomId = randomUUID();
    await admin('rooms.create', { id: roomId, details: { name: 'Room 9' } });
    const doctorId = randomUUID();
    await admin('doctors.create', {
      id: doctorId,
      details: {
        fullName: 'Dr. Display Test',
        specialization: 'General medicine',
        registrationNumber: 'KMC-DISPLAY-1',
        fees: { newVisit: 50_000, followUp: 30_000 },
        tokenPrefix: 'DT',
      },
    });
    const windows = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      start: '00:00',
      end: '23:55',
      roomId,
    }));
    await admin('schedules.setWeekly', { doctorId, windows });
    const fullNames = ['Zubeida Quartermaine', 'Yashwant Oppenheimer'];
    for (const fullName of fullNames) {
      await reception('queue.walkIn', {
        appointmentId: randomUUID(),
        doctorId,
        newPatient: { id: randomUUID(), details: { fullName } },
        placement: 'queue',
      });
    }
    const created = await admin<{ pairingCode: string; display: { id: string } }>('displays.create', {
      id: randomUUID(),
      settings: { name: 'Waiting hall', doctorIds: [doctorId], message: 'Please keep your slip ready' },
    });

    // An unpaired browser gets nothing of the clinic.
    const stranger = await openApp(browser, `${hub.url}/display`);
    await stranger.page.getByRole('heading', { name: 'This display is not paired' }).waitFor();
    expect(await stranger.page.locator('body').innerText()).not.toContain('DT-001');
    await stranger.close();

    // The TV opens the pairing link.
    const tv: AppPage = await openApp(browser, 'about:blank', { colorScheme: 'dark' });
    await tv.context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
    await tv.context.addInitScript(recordSpeech);
    await tv.page.goto(`${hub.url}/display?code=${created.pairingCode}`);
    const card = tv.page.getByRole('article', { name: 'Dr. Display Test' });
    await card.getByText('DT-002').waitFor();
    await tv.page.getByText('Please keep your slip ready').waitFor();
    const body = await tv.page.locator('body').innerText();
    for (const name of fullNames) for (const part of name.split(' ')) expect(body).not.toContain(part);
    expect(await tokenShare(tv.page)).toBeGreaterThanOrEqual(0.1);
    expect(await axeScan(tv.page)).toEqual([]);

    // The doctor's "call next" (reception may call for them): banner and speech, once.
    const called = await reception<{ id: string }>('queue.callNext', { doctorId });
    const banner = tv.page.getByRole('alert', { name: 'Now calling' });
    await banner.getByText('DT-001', { exact: true }).waitFor();
    await waitForSpoken(tv.page, 1);
    expect(await spoken(tv.page)).toEqual(['Token DT-001, Room 9']);
    await expect.poll(() => card.getByTestId('serving-token').innerText()).toBe('DT-001');

    // A recall is announced again (after the first banner's time).
    await reception('queue.recall', { id: called.id });
    await waitForSpoken(tv.page, 2);
    expect(await spoken(tv.page)).toEqual(['Token DT-001, Room 9', 'Token DT-001, Room 9']);

    // The hub restarts: the TV reconnects to the same state and announces nothing again.
    const before = await tv.page.locator('main').getAttribute('data-generated');
    await hub.restart();
    await tv.page.waitForFunction(
      (old) => {
        const now = document.querySelector('main')?.dataset.generated;
        return now !== undefined && now !== old;
      },
      before,
      { timeout: 30_000 },
    );
    expect(await card.getByTestId('serving-token').innerText()).toBe('DT-001');
    expect(await spoken(tv.page)).toHaveLength(2);

    // At 1920×1080 the token is still a tenth of the height.
    await tv.page.setViewportSize({ width: 1920, height: 1080 });
    expect(await tokenShare(tv.page)).toBeGreaterThanOrEqual(0.1);

    // The admin's test announcement and a theme change reach the TV at once.
    const adminAgain = await staff('admin');
    await adminAgain('displays.testAnnouncement', { id: created.display.id });
    await waitForSpoken(tv.page, 3);
    expect((await spoken(tv.page)).at(-1)).toBe('Token A-001, room 1');
    await adminAgain('displays.update', {
      id: created.display.id,
      settings: { name: 'Waiting hall', doctorIds: [doctorId], theme: 'light' },
    });
    await tv.page.waitForFunction(() => document.documentElement.dataset.theme === 'light');

    // The clinic's companion app link, as a QR code in a corner of a display that shows it.
    const link = 'https://app.sunrise-clinic.example/book';
    const clinic = await adminAgain<Record<string, unknown>>('settings.get', {});
    await adminAgain('settings.update', { ...clinic, companionAppUrl: link });
    await adminAgain('displays.update', {
      id: created.display.id,
      settings: { name: 'Waiting hall', doctorIds: [doctorId], theme: 'light', showQrCode: true },
    });
    const qr = tv.page.getByRole('img', { name: 'QR code of the clinic’s app' });
    await qr.waitFor();
    await tv.page.getByText('Book and follow your token on your phone').waitFor();
    const drawn = await qr.evaluate((svg) => ({
      size: Number(svg.getAttribute('viewBox')?.split(' ')[2]),
      path: svg.querySelector('path')?.getAttribute('d') ?? '',
    }));
    // What the TV draws is the library's code of that link, module for module.
    expect(modulesOfPath(drawn.path, drawn.size)).toEqual(encode(link, COMPANION_QR_OPTIONS).data);

    // Revoked: the screen goes blank at once (no queue left on it).
    await adminAgain('displays.revoke', { id: created.display.id });
    await tv.page.getByRole('heading', { name: 'This display is not paired' }).waitFor();
    expect(await tv.page.locator('body').innerText()).not.toContain('DT-001');
    expect(tv.problems.filter((p) => !p.includes('WebSocket'))).toEqual([]);
    await tv.close();
  }, 120_000);
});
