import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '@renderer/testing/browser';
import { type DemoHub, startDemoHub } from '@renderer/testing/demo-hub';
import { APP_PASSWORD, textedCode } from '@renderer/testing/patient-app-steps';
import { companionQueueBench } from './companion-queue-bench';

// As renderer/testing/companion-phone.ts (which only loads inside vitest): a mid-range phone.
const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };

const SESSION_KEY = 'clinic.companion.session';
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/**
 * What a phone downloads for the companion's first screen: every document, script and style the
 * page fetched from the network until it settled, in a fresh context with service workers
 * blocked (nothing from a cache), summed raw and gzipped (each body on its own, zlib's default
 * level, as a server compresses it). Signed out that is the welcome screen; signed in, home.
 */
async function firstLoad(
  browser: Browser,
  hub: DemoHub,
  session: { token: string; patientId: string } | null,
): Promise<{ raw: number; gz: number; files: string[] }> {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  if (session)
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      SESSION_KEY,
      JSON.stringify({ token: session.token, patientId: session.patientId }),
    ] as const);
  const page = await context.newPage();
  const bodies: Promise<{ url: string; size: number; gz: number } | null>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (!['document', 'script', 'stylesheet'].includes(type)) return;
    bodies.push(
      response.body().then(
        (body) => ({ url: new URL(response.url()).pathname, size: body.length, gz: gzipSync(body).length }),
        () => null,
      ),
    );
  });
  await page.goto(hub.appUrl!);
  // The screen is up when its heading shows (the skeleton has none): by then the page, the entry
  // and the screen's own chunk have arrived. Not "network idle": the home screen keeps its live
  // channel (an event stream) open for as long as it shows.
  await page.waitForLoadState('load');
  await page.getByRole('heading').first().waitFor();
  const fetched = (await Promise.all(bodies)).filter((entry) => entry !== null);
  await context.close();
  return {
    raw: fetched.reduce((sum, entry) => sum + entry.size, 0),
    gz: fetched.reduce((sum, entry) => sum + entry.gz, 0),
    files: fetched.map((entry) => entry.url),
  };
}

/** A patient signed up and activated through the gateway, as the app does it: their session. */
async function signUp(hub: DemoHub, fullName: string, phone: string) {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const answer = await fetch(`${hub.appUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`POST ${path} answered ${answer.status}`);
    return (await answer.json()) as T;
  };
  await post('/auth/sign-up', { fullName, phone, dateOfBirth: '1990-06-15', email: null });
  const { patientId, code } = textedCode(hub.dataDir, phone);
  const { token } = await post<{ token: string }>('/auth/activate', {
    login: phone,
    code,
    password: APP_PASSWORD,
    deviceId: 'bench-phone',
  });
  return { token, patientId };
}

/**
 * Issue 20's companion figures (`npm run bench -- --only companion`; the app must be built:
 * `npm run build:renderer`, which builds both apps): `companion_first_load_kb_gz`, the larger of the welcome screen's
 * and the signed-in home screen's first download (target ≤ 250), with the raw sizes beside it.
 */
export async function companionBench(figures: Record<string, number>): Promise<void> {
  // The demo clinic's hub with its gateway serving the built app, as a clinic runs it.
  const [hub, browser] = await Promise.all([
    startDemoHub({ companion: true, movableClock: true }),
    launchBrowser(),
  ]);
  try {
    const welcome = await firstLoad(browser, hub, null);
    const patient = await signUp(hub, 'Bench Patient', '9811129999');
    const home = await firstLoad(browser, hub, patient);
    figures.companion_welcome_load_kb_gz = kb(welcome.gz);
    figures.companion_welcome_load_kb_raw = kb(welcome.raw);
    figures.companion_home_load_kb_gz = kb(home.gz);
    figures.companion_home_load_kb_raw = kb(home.raw);
    figures.companion_first_load_kb_gz = kb(Math.max(welcome.gz, home.gz));
    figures.companion_first_load_kb_raw = kb(Math.max(welcome.raw, home.raw));
    console.log(
      `companion first screen files: welcome ${welcome.files.join(' ')}; home ${home.files.join(' ')}`,
    );
  } finally {
    await browser.close();
    await hub.stop();
  }
  // On a hub of its own (a pinned clock, a long queue made directly): the live card's latency.
  await companionQueueBench(figures);
}
