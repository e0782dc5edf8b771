import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { companionTest as test } from '@renderer/testing/companion-phone';

const TIMEOUT = { timeout: 30_000 };

describe('the companion app on a phone', () => {
  test('the gateway serves it; a signed-out phone is sent to the welcome screen', async ({ phone }) => {
    const { page, problems, close } = await phone({ language: 'en' });
    await page.waitForURL(/\/welcome$/, TIMEOUT);
    expect(problems).toEqual([]);
    await close();
  });

  test('signed in: the clinic’s name on top and the six places in the bottom bar, in English and Hindi', async ({
    phone,
    newPatient,
  }) => {
    const patient = await newPatient('Meera Joshi');
    const english = await phone({ language: 'en', patient });
    const nav = english.page.getByRole('navigation');
    for (const label of ['Home', 'Book', 'Visits', 'Records', 'Inbox', 'Profile']) {
      await nav.getByRole('link', { name: label }).waitFor(TIMEOUT);
    }
    // The demo clinic's own name, from GET /clinic with the patient's session.
    await english.page.getByRole('banner').getByText('Sunrise Family Clinic').waitFor(TIMEOUT);
    // Every place is a touch target of at least 44 px.
    for (const link of await nav.getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    expect(await axeScan(english.page)).toEqual([]);
    expect(english.problems).toEqual([]);
    await english.close();

    const hindi = await phone({ language: 'hi', patient });
    await hindi.page.getByRole('navigation').getByRole('link', { name: 'होम' }).waitFor(TIMEOUT);
    expect(await hindi.page.evaluate(() => document.documentElement.lang)).toBe('hi');
    await hindi.close();
  });

  test('the first screen downloads only the companion’s own code', async ({ phone, newPatient }) => {
    const patient = await newPatient('Kabir Rao');
    const scripts: string[] = [];
    const { page, close } = await phone({ language: 'en', patient, serviceWorkers: 'block' });
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.reload();
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).waitFor(TIMEOUT);
    expect(scripts.length).toBeGreaterThan(0);
    // The staff app's and the display's entry chunks are never fetched.
    expect(scripts.filter((path) => /\/assets\/(main|display|index)-/.test(path))).toEqual([]);
    await close();
  });
});
