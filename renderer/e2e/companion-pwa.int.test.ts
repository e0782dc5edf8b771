import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe, expect, onTestFinished } from 'vitest';
import { CACHED_AT_HEADER } from '@renderer/companion/api/client';
import { OFFLINE_DATA_CACHE } from '@renderer/companion/api/offline-cache';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@renderer/testing/browser';
import { companionTest as test, PHONE, type PhonePatient } from '@renderer/testing/companion-phone';

/**
 * Issue 20's PWA checks at a phone's size, against the gateway serving the built app: Chromium
 * finds the app installable, the app reloaded offline opens from its service worker with the data
 * it last fetched (marked with when), and that copy belongs to the session that fetched it:
 * another patient on the same phone never gets it.
 */
const SESSION_KEY = 'clinic.companion.session';

/** Waits until the service worker controls the page (it claims its clients once active). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** A GET the page makes through its service worker with this session: status, cached-at, body. */
function getAs(page: Page, path: string, token: string) {
  return page.evaluate(
    async ([path, token, header]) => {
      const answer = await fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: answer.status, cachedAt: answer.headers.get(header), body: await answer.text() };
    },
    [path, token, CACHED_AT_HEADER] as const,
  );
}

/** A phone signed in as the patient whose app has loaded once more under its service worker. */
async function signedInPhone(
  phone: (options: { patient: PhonePatient }) => Promise<{ page: Page; context: BrowserContext }>,
  appUrl: string,
  patient: PhonePatient,
) {
  const { page, context } = await phone({ patient });
  await controlled(page);
  // Now under the service worker: this load's API answers are kept for offline use.
  await page.goto(appUrl);
  await page.waitForFunction(
    async ([cacheName]) =>
      (await (await caches.open(cacheName)).keys()).some((r) => r.url.includes('/api/v1/notifications')),
    [OFFLINE_DATA_CACHE] as const,
  );
  return { context, page };
}

describe('the companion app as an installable, offline-capable PWA', () => {
  test('Chromium finds it installable (Page.getInstallabilityErrors: none)', async ({ appUrl }) => {
    // A profile on disk: Chromium never offers to install from an incognito (throwaway) context.
    const profile = mkdtempSync(join(tmpdir(), 'clinic-pwa-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      ...PHONE,
    });
    onTestFinished(() => rmSync(profile, { recursive: true, force: true }));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);
    await context.close();
  });

  test('reloaded offline, it opens from the service worker with its data marked "as of"', async ({
    appUrl,
    phone,
    newPatient,
  }) => {
    const patient = await newPatient('Meera Offline');
    const clinic = (await (
      await fetch(`${appUrl}/api/v1/clinic`, { headers: { authorization: `Bearer ${patient.token}` } })
    ).json()) as { clinicName: string };
    const { context, page } = await signedInPhone(phone, appUrl, patient);
    await expect.poll(() => page.getByRole('banner').textContent()).toContain(clinic.clinicName);

    await context.setOffline(true);
    await page.goto(appUrl);
    // The shell came from the precache and the clinic's name from the offline copy of /clinic.
    await expect.poll(() => page.getByRole('banner').textContent()).toContain(clinic.clinicName);
    const copy = await getAs(page, '/notifications', patient.token);
    expect(copy.status).toBe(200);
    expect(Date.parse(copy.cachedAt ?? '')).not.toBeNaN();
    // With neither the network nor a copy: a bare 504, which the app reads as "no connection".
    const never = await getAs(page, '/appointments?scope=past&never=fetched', patient.token);
    expect(never).toMatchObject({ status: 504, cachedAt: null, body: '' });
    await context.close();
  });

  test("another patient on the same phone never gets the first one's offline copy", async ({
    appUrl,
    phone,
    newPatient,
  }) => {
    const first = await newPatient('Asha First');
    const second = await newPatient('Bina Second');
    const { context, page } = await signedInPhone(phone, appUrl, first);
    await context.setOffline(true);
    // The second patient's session, without the app's sign-in (which also empties the cache):
    // the cache key alone must keep the first patient's answers from them.
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      SESSION_KEY,
      JSON.stringify({ token: second.token, patientId: second.patientId }),
    ] as const);
    const theirs = await getAs(page, '/notifications', second.token);
    expect(theirs).toMatchObject({ status: 504, cachedAt: null, body: '' });
    const mine = await getAs(page, '/notifications', first.token);
    expect(mine.status).toBe(200);
    expect(mine.cachedAt).not.toBeNull();
    await context.close();
  });
});
