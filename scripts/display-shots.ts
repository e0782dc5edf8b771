import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { openApp } from '@renderer/testing/browser';
import { staffSocket } from '@renderer/testing/staff-socket';

type Save = (page: Page, outDir: string, name: string) => Promise<void>;

/**
 * The waiting-room display for the README: every active demo doctor on one display (so it pages),
 * dark at 1920×1080 and 1280×720, then light at 1280×720 (the theme is a display setting).
 */
export async function displayShots(
  browser: Browser,
  hubUrl: string,
  outDir: string,
  save: Save,
): Promise<void> {
  const admin = await staffSocket(hubUrl, 'admin');
  const tv = await openApp(browser, 'about:blank', { viewport: { width: 1920, height: 1080 } });
  try {
    const doctors = await admin.call<{ id: string }[]>('doctors.list', {});
    const settings = {
      name: 'Waiting hall',
      doctorIds: doctors.map((d) => d.id),
      message: 'Please keep your token slip ready · Pharmacy is on the ground floor',
    };
    const id = randomUUID();
    const { pairingCode } = await admin.call<{ pairingCode: string }>('displays.create', { id, settings });
    await tv.page.goto(`${hubUrl}/display?code=${pairingCode}`);
    await tv.page.getByRole('article').first().waitFor();
    await save(tv.page, outDir, 'display-1920-dark');
    await tv.page.setViewportSize({ width: 1280, height: 720 });
    await save(tv.page, outDir, 'display-1280-dark');
    await admin.call('displays.update', { id, settings: { ...settings, theme: 'light' } });
    await tv.page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await save(tv.page, outDir, 'display-1280-light');
  } finally {
    await tv.close();
    admin.close();
  }
}
