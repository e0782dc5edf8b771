import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { encode } from 'uqr';
import { COMPANION_QR_OPTIONS, modulesOfPath } from '@renderer/display/companion-qr';
import { axeScan } from '@renderer/testing/axe';
import { type AppPage, openApp, openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { addQueuedDoctor } from '@renderer/testing/queued-doctor';
import { signInAs, signInWith, type StaffRole } from '@renderer/testing/sign-in';
import { type StaffSocket, staffSocket } from '@renderer/testing/staff-socket';

/** `staff(role)`: a staff member's session over the hub's socket, for setting the scene. */
const test = browserTest.extend('staff', { scope: 'file' }, ({ hub }, { onCleanup }) => {
  const sockets: StaffSocket[] = [];
  onCleanup(() => {
    for (const socket of sockets) socket.close();
  });
  return async (role: StaffRole) => {
    const socket = await staffSocket(hub.url, role);
    sockets.push(socket);
    return socket.call;
  };
});

/**
 * Records what the page asks speech synthesis to say (and in which voice), then lets it speak; the
 * browser offers two made-up voices (headless Chromium has none), which the TV reports to the hub
 * (init script).
 */
function recordSpeech() {
  const spoken: string[] = [];
  const voices: (string | null)[] = [];
  Object.assign(window, { __spoken: spoken, __voices: voices });
  const synth = window.speechSynthesis as SpeechSynthesis | undefined;
  if (!synth) return;
  const offered = ['Asha (test)|hi-IN', 'Ravi (test)|en-GB'].map((entry) => {
    const [name, lang] = entry.split('|');
    return { name, lang, voiceURI: name, default: false, localService: true };
  });
  synth.getVoices = () => offered as unknown as SpeechSynthesisVoice[];
  // The made-up voices cannot go into the browser's own slot: kept on the utterance instead.
  const chosen = new WeakMap<SpeechSynthesisUtterance, unknown>();
  Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
    get(this: SpeechSynthesisUtterance) {
      return chosen.get(this) ?? null;
    },
    set(this: SpeechSynthesisUtterance, voice: unknown) {
      chosen.set(this, voice);
    },
  });
  const speak = synth.speak.bind(synth);
  synth.speak = (utterance: SpeechSynthesisUtterance) => {
    spoken.push(utterance.text);
    voices.push((chosen.get(utterance) as { name?: string } | undefined)?.name ?? null);
    try {
      speak(utterance);
    } catch {
      // A headless browser without voices: the call is what is observed.
    }
  };
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
const voicesSpoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __voices: (string | null)[] }).__voices);
/** Axe with the AAA contrast rule (7:1) on top of the usual A/AA rules. */
const contrastProblems = (page: Page) => axeScan(page, { enable: ['color-contrast-enhanced'] });
/** The call sentence as asked of speech synthesis: said twice in one utterance. */
const twice = (sentence: string) => `${sentence}. ${sentence}.`;

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

const DOCTOR_LOGIN = { username: 'dr.display', password: 'display-test-2026' };

describe('the waiting-room display', () => {
  test('pairs, shows and announces calls once, survives a hub restart, and blanks when revoked', async ({
    hub,
    browser,
    staff,
  }) => {
    const admin = await staff('admin');
    const reception = await staff('receptionist');
    // A doctor of its own, working all week in Room 9, so the demo's live queues do not matter;
    // Room 11 has nobody in it.
    const roomId = randomUUID();
    await admin('rooms.create', { id: roomId, details: { name: 'Room 9' } });
    await admin('rooms.create', { id: randomUUID(), details: { name: 'Room 11' } });
    const fullNames = ['Zubeida Quartermaine', 'Yashwant Oppenheimer'];
    const doctorId = await addQueuedDoctor(
      { admin, reception },
      {
        fullName: 'Dr. Display Test',
        registrationNumber: 'KMC-DISPLAY-1',
        tokenPrefix: 'DT',
        ...DOCTOR_LOGIN,
        roomId,
      },
      fullNames,
    );
    // The clinic's companion app link (the admin's Settings test enters it on screen).
    const link = 'https://app.sunrise-clinic.example/book';
    const clinic = await admin<Record<string, unknown>>('settings.get', {});
    await admin('settings.update', { ...clinic, companionAppUrl: link });
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
    expect(await contrastProblems(tv.page)).toEqual([]);

    // The doctor clicks Call next on their queue screen: banner and speech, once.
    const doctor = await openApp(browser, hub.url);
    await signInWith(doctor.page, DOCTOR_LOGIN.username, DOCTOR_LOGIN.password);
    await doctor.page.getByRole('heading', { name: 'My queue', level: 1 }).waitFor();
    await doctor.page.getByRole('button', { name: 'Call next', exact: true }).click();
    const banner = tv.page.getByRole('alert', { name: 'Now calling' });
    await banner.getByText('DT-001', { exact: true }).waitFor();
    // The banner shows the sentence once; speech says it twice in one request.
    expect(await banner.getByText('Token DT-001, Room 9', { exact: true }).count()).toBe(1);
    expect(await contrastProblems(tv.page)).toEqual([]);
    await waitForSpoken(tv.page, 1);
    expect(await spoken(tv.page)).toEqual([twice('Token DT-001, Room 9')]);
    await expect.poll(() => card.getByTestId('serving-token').innerText()).toBe('DT-001');

    // The doctor's "Announce again" (a recall) is spoken again, after the first banner's time.
    await doctor.page.getByRole('button', { name: 'Announce again' }).click();
    await waitForSpoken(tv.page, 2);
    expect(await spoken(tv.page)).toEqual([twice('Token DT-001, Room 9'), twice('Token DT-001, Room 9')]);
    await doctor.close();

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

    // The admin edits the display on the Devices screen: light theme, a voice the TV reported,
    // Room 11 (nobody works there: "not in") and the QR code. The TV follows at once.
    const adminApp = await openApp(browser, hub.url);
    const { page } = adminApp;
    await signInAs(page, 'admin');
    await openScreen(page, 'Devices');
    const row = page.getByTestId('display-row').filter({ hasText: 'Waiting hall' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Waiting hall' });
    await dialog.getByLabel('Theme').selectOption('light');
    await dialog.getByLabel('Voice').selectOption('Ravi (test)');
    await dialog.getByRole('checkbox', { name: 'Room 11' }).check();
    await dialog.getByText('Show QR code', { exact: true }).click(); // Chakra's box: its input is hidden
    expect(await dialog.getByRole('checkbox', { name: 'Show QR code' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tv.page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await tv.page.getByRole('article', { name: 'Room 11' }).getByText('Not in').waitFor();
    expect(await row.innerText()).toContain('Dr. Display Test, Room 11');
    expect(await contrastProblems(tv.page)).toEqual([]);

    // Test announcement: spoken in the chosen voice; the light banner keeps 7:1 too.
    await row.getByRole('button', { name: 'Test announcement' }).click();
    await waitForSpoken(tv.page, 3);
    expect((await spoken(tv.page)).at(-1)).toBe(twice('Token A-001, room 1'));
    expect((await voicesSpoken(tv.page)).at(-1)).toBe('Ravi (test)');
    await tv.page.getByRole('alert', { name: 'Now calling' }).getByText('A-001', { exact: true }).waitFor();
    expect(await contrastProblems(tv.page)).toEqual([]);

    // The clinic's companion app link, as a QR code in a corner of a display that shows it.
    // (The link was set up front; "Show QR code" was ticked in the Edit dialog.)
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
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
    await tv.page.getByRole('heading', { name: 'This display is not paired' }).waitFor();
    expect(await tv.page.locator('body').innerText()).not.toContain('DT-001');
    expect(tv.problems.filter((p) => !p.includes('WebSocket'))).toEqual([]);
    await adminApp.close();
    await tv.close();
  }, 300_000); // also starts the hub and the browser
});
