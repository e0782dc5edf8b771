import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp } from '@renderer/testing/browser';
import { repoRoot, startDemoHub } from '@renderer/testing/demo-hub';
import { addQueuedDoctor } from '@renderer/testing/queued-doctor';
import { signInWith } from '@renderer/testing/sign-in';
import { type StaffSocket, staffSocket } from '@renderer/testing/staff-socket';
import { buildRenderer, rendererBuildIsStale } from '../renderer-build';
import { percentile } from './bench-hub';

const CALLS = 30;
const DOCTOR = { username: 'dr.bench.display', password: 'bench-display-2026' };

/** In the doctor's page: the wall-clock time of the next click (capture phase, before React). */
const watchClick = `
  window.__clickedAt = new Promise((resolve) => {
    document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true });
  });
  undefined;
`;

/** In the display page: when (wall clock) the card's serving token becomes `token`. */
const watchServing = (token: string) => `
  window.__servedAt = new Promise((resolve) => {
    const shown = () => [...document.querySelectorAll('[data-testid="serving-token"]')]
      .some((el) => el.textContent === ${JSON.stringify(token)});
    if (shown()) return resolve(Date.now());
    const observer = new MutationObserver(() => {
      if (shown()) { observer.disconnect(); resolve(Date.now()); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  undefined;
`;

/**
 * docs/product.md §7 "pushed within a second" for the waiting-room display, in real Chromium: a paired
 * display of one doctor, and that doctor signed in on their own screen (My queue). 30 times the
 * doctor clicks Call next; the time from the click (the doctor's page) to the called token on the
 * TV (the display's page, same browser and clock) is taken. The TV shows the token and the first
 * call's banner in the same render; later banners queue behind the one before (9 s each), so the
 * token is what is timed. Baseline in the same run and browser: a click in one page relayed by a
 * bare Socket.IO server on 127.0.0.1 to another page (no hub, no database, no React).
 */
export async function displayBench(figures: Record<string, number>): Promise<void> {
  if (rendererBuildIsStale(repoRoot)) buildRenderer(repoRoot);
  const hub = await startDemoHub();
  const browser = await launchBrowser();
  const sockets: StaffSocket[] = [];
  const staff = async (role: 'admin' | 'receptionist') => {
    const socket = await staffSocket(hub.url, role);
    sockets.push(socket);
    return socket.call;
  };
  try {
    const admin = await staff('admin');
    const reception = await staff('receptionist');
    const doctorId = await addQueuedDoctor(
      { admin, reception },
      {
        fullName: 'Dr. Bench Display',
        registrationNumber: 'KMC-BENCH-DISPLAY',
        tokenPrefix: 'BD',
        ...DOCTOR,
      },
      Array.from({ length: CALLS }, (_, i) => `Bench Patient ${i}`),
    );
    const { pairingCode } = await admin<{ pairingCode: string }>('displays.create', {
      id: randomUUID(),
      settings: { name: 'Bench display', doctorIds: [doctorId] },
    });
    const tv = await openApp(browser, `${hub.url}/display?code=${pairingCode}`, {
      viewport: { width: 1920, height: 1080 },
    });
    await tv.page.getByRole('article', { name: 'Dr. Bench Display' }).waitFor({ timeout: 30_000 });
    const doctor = await openApp(browser, hub.url, { viewport: { width: 1280, height: 800 } });
    await signInWith(doctor.page, DOCTOR.username, DOCTOR.password);
    const callNext = doctor.page.getByRole('button', { name: 'Call next' });
    const latencies: number[] = [];
    for (let i = 1; i <= CALLS; i++) {
      const token = `BD-${String(i).padStart(3, '0')}`;
      // The doctor's screen is up to date (the previous call shown) and the button usable again.
      if (i > 1) await doctor.page.getByTestId('current-patient').getByText(previous(i)).waitFor();
      await callNext.and(doctor.page.locator(':enabled')).waitFor({ timeout: 30_000 });
      await tv.page.evaluate(watchServing(token));
      await doctor.page.evaluate(watchClick);
      await callNext.click();
      const shownAt = (await Promise.race([
        tv.page.evaluate('window.__servedAt'),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`${token} not shown in 10 s`)), 10_000).unref(),
        ),
      ])) as number;
      latencies.push(shownAt - (await doctor.page.evaluate<number>('window.__clickedAt')));
    }
    figures.display_call_p50_ms = percentile(latencies, 50);
    figures.display_call_p99_ms = percentile(latencies, 99);
    const relay = await pageRelayMs(browser, CALLS);
    figures.display_raw_relay_p50_ms = Number(percentile(relay, 50).toFixed(2));
    figures.display_raw_relay_p99_ms = Number(percentile(relay, 99).toFixed(2));
    figures.display_call_vs_raw_relay_p50 = Number(
      (figures.display_call_p50_ms / Math.max(0.01, figures.display_raw_relay_p50_ms)).toFixed(1),
    );
    const problems = [...tv.problems, ...doctor.problems];
    if (problems.length > 0) throw new Error(`the pages reported problems: ${problems.join('; ')}`);
  } finally {
    for (const socket of sockets) socket.close();
    await browser.close();
    await hub.stop();
  }
}

const previous = (i: number) => `BD-${String(i - 1).padStart(3, '0')}`;

/** Two pages of a bare relay: a click in one emits, the server forwards, the other receives. */
const RELAY_PAGE = `<!doctype html><html lang="en"><title>relay</title><button id="go">Go</button>
<script src="/socket.io/socket.io.min.js"></script>
<script>
  const socket = io({ transports: ['websocket'] });
  window.__connected = new Promise((resolve) => socket.on('connect', resolve));
  document.getElementById('go').addEventListener('click', () => socket.emit('relay'));
  socket.on('relayed', () => window.__onRelayed?.(Date.now()));
</script></html>`;

/**
 * The floor under the doctor's click reaching the TV, in the same browser: a bare Socket.IO
 * server on 127.0.0.1 (no hub, no database, no React) forwards a click in one page to another;
 * `count` times click → received, after a warm-up.
 */
async function pageRelayMs(browser: Browser, count: number): Promise<number[]> {
  const http = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(RELAY_PAGE);
  });
  const server = new Server(http);
  server.on('connection', (socket) => socket.on('relay', () => socket.broadcast.emit('relayed')));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  const [sender, receiver] = [await openApp(browser, url), await openApp(browser, url)];
  try {
    await sender.page.evaluate('window.__connected');
    await receiver.page.evaluate('window.__connected');
    const samples: number[] = [];
    for (let i = 0; i < count + 5; i++) {
      await receiver.page.evaluate(
        'window.__received = new Promise((resolve) => (window.__onRelayed = resolve)); undefined',
      );
      await sender.page.evaluate(watchClick);
      await sender.page.locator('#go').click();
      const receivedAt = await receiver.page.evaluate<number>('window.__received');
      const ms = receivedAt - (await sender.page.evaluate<number>('window.__clickedAt'));
      if (i >= 5) samples.push(ms);
    }
    return samples;
  } finally {
    await sender.close();
    await receiver.close();
    await server.close();
  }
}
