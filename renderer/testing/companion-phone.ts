import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { test } from 'vitest';
import { type AppPage, launchBrowser, openApp } from './browser';
import { type DemoHub, startDemoHub } from './demo-hub';
import { APP_PASSWORD, textedCode } from './patient-app-steps';
import { signInAs, type StaffRole } from './sign-in';

/** A mid-range Android phone: the size the companion app is designed for first. */
export const PHONE = {
  viewport: { width: 360, height: 800 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
} as const;

/** The localStorage keys the app keeps (renderer/companion/api/session-store.ts, i18n/i18n.ts). */
const SESSION_KEY = 'clinic.companion.session';
const LANGUAGE_KEY = 'clinic.companion.language';

/** A patient with an active app account and a session, made through the gateway over HTTP. */
export interface PhonePatient {
  patientId: string;
  token: string;
  phone: string;
  password: string;
}

export interface PhonePage {
  page: Page;
  context: BrowserContext;
  /** Console errors and page errors seen so far (a healthy page has none). */
  problems: string[];
  close: () => Promise<void>;
}

export interface GatewayAnswer<T> {
  status: number;
  body: T;
}

/** One request to the gateway's API (/api/v1 + path), as the app makes it. */
export async function gatewayCall<T = Record<string, unknown>>(
  appUrl: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<GatewayAnswer<T>> {
  const response = await fetch(`${appUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * A new patient of the demo clinic who signed up in the app: sign-up → the code from the SMS
 * outbox → activate → sign in, all over HTTP through the gateway. `phone`: 10 digits, unused.
 */
export async function phonePatient(hub: DemoHub, fullName: string, phone: string): Promise<PhonePatient> {
  const appUrl = requireAppUrl(hub);
  const signUp = await gatewayCall(appUrl, 'POST', '/auth/sign-up', {
    body: { fullName, phone, dateOfBirth: '1990-06-15', email: null },
  });
  if (signUp.status !== 200)
    throw new Error(`sign-up answered ${signUp.status}: ${JSON.stringify(signUp.body)}`);
  const { patientId, code } = textedCode(hub.dataDir, phone.replace(/\D/g, '').slice(-10));
  const activated = await gatewayCall(appUrl, 'POST', '/auth/activate', {
    body: { login: phone, code, password: APP_PASSWORD, deviceId: 'test-phone' },
  });
  if (activated.status !== 200) throw new Error(`activate answered ${activated.status}`);
  const login = await gatewayCall<{ token: string }>(appUrl, 'POST', '/auth/login', {
    body: { login: phone, password: APP_PASSWORD, deviceId: 'test-phone' },
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  return { patientId, token: login.body.token, phone, password: APP_PASSWORD };
}

/**
 * A phone (its own browser context: own storage, own service worker) at the companion app.
 * `language` is stored as if chosen at the first start (leave it out to see the first start);
 * `patient` signs the phone in (the session the app keeps), `path` is where it opens.
 */
export async function openPhone(
  browser: Browser,
  appUrl: string,
  options: {
    language?: 'en' | 'hi';
    patient?: PhonePatient;
    path?: string;
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<PhonePage> {
  const context = await browser.newContext({
    ...PHONE,
    locale: options.language === 'hi' ? 'hi-IN' : 'en-IN',
    // The phone's own zone differs from the clinic's: times must still read in the clinic's.
    timezoneId: 'America/New_York',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const seed: Record<string, string> = {};
  if (options.language) seed[LANGUAGE_KEY] = options.language;
  if (options.patient) {
    seed[SESSION_KEY] = JSON.stringify({
      token: options.patient.token,
      patientId: options.patient.patientId,
    });
  }
  // Only on the first page load of this phone: a later sign-out must stay signed out.
  await context.addInitScript((entries: Record<string, string>) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, seed);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${appUrl}${options.path ?? '/'}`);
  return { page, context, problems, close: () => context.close() };
}

function requireAppUrl(hub: DemoHub): string {
  if (!hub.appUrl) throw new Error('This hub has no gateway: start it with { companion: true }');
  return hub.appUrl;
}

/**
 * vitest's `test` with the companion app's set-up as file fixtures (as browser-test.ts does for
 * the staff app):
 * - `hub`: a demo hub with the patient gateway serving the built companion app (`hub.appUrl`),
 *   its clock movable (`hub.advanceClock`), so a test can book for tomorrow and live the day;
 * - `browser`: headless Chromium;
 * - `phone(options)`: a new phone at the app (openPhone), closed with the browser;
 * - `newPatient(name)`: a patient signed up through the gateway (a fresh phone number each time);
 * - `signedIn(role)`: a staff desk (the real staff app in a desktop-sized page) at the same hub.
 */
export const companionTest = test
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's needs from its destructuring
  .extend('hub', { scope: 'file' }, async ({}, { onCleanup }) => {
    const hub = await startDemoHub({ companion: true, movableClock: true });
    onCleanup(() => hub.stop());
    return hub;
  })
  // eslint-disable-next-line no-empty-pattern -- as above
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }) => {
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('appUrl', { scope: 'file' }, ({ hub }) => requireAppUrl(hub))
  .extend('phone', { scope: 'file' }, ({ browser, appUrl }) => {
    return (options: Parameters<typeof openPhone>[2] = {}) => openPhone(browser, appUrl, options);
  })
  .extend('newPatient', { scope: 'file' }, ({ hub }) => {
    let next = 0;
    return (fullName: string): Promise<PhonePatient> => {
      next += 1;
      // 9 + 9 digits unlikely to be the demo clinic's: a fresh record each time.
      const phone = `98${String(process.pid % 10_000).padStart(4, '0')}${String(next).padStart(4, '0')}`;
      return phonePatient(hub, fullName, phone);
    };
  })
  .extend('signedIn', { scope: 'file' }, ({ hub, browser }) => {
    return async (role: StaffRole): Promise<AppPage> => {
      const app = await openApp(browser, hub.url);
      await signInAs(app.page, role);
      return app;
    };
  });
