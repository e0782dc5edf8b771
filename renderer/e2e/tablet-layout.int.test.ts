import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { openApp } from '@renderer/testing/browser';
import { browserTest as test } from '@renderer/testing/browser-test';
import { type StaffRole, signInAs } from '@renderer/testing/sign-in';
import { UI_TIMEOUT } from '@renderer/testing/booking-steps';

const PORTRAIT = { width: 768, height: 1024 };
const LANDSCAPE = { width: 1024, height: 768 };

interface Layout {
  pageWidth: number;
  viewportWidth: number;
  mainWidth: number;
  nav: { width: number; height: number };
  /** Navigation links not fully inside the viewport (a finger could not reach them). */
  linksOffScreen: string[];
}

function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const nav = document.querySelector('nav[aria-label="Main"]')!.getBoundingClientRect();
    const links = [...document.querySelectorAll<HTMLElement>('nav[aria-label="Main"] a')];
    return {
      pageWidth: document.documentElement.scrollWidth,
      viewportWidth: window.innerWidth,
      mainWidth: document.querySelector('main')!.clientWidth,
      nav: { width: nav.width, height: nav.height },
      linksOffScreen: links
        .filter((link) => {
          const box = link.getBoundingClientRect();
          return (
            box.left < 0 || box.right > window.innerWidth || box.top < 0 || box.bottom > window.innerHeight
          );
        })
        .map((link) => link.innerText),
    };
  });
}

/**
 * Visits every screen of the role's navigation by tapping its link; returns each screen's layout
 * and what axe found serious on it.
 */
async function visitAll(page: Page): Promise<Map<string, Layout & { axe: unknown[] }>> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const labels = await nav.getByRole('link').allInnerTexts();
  const layouts = new Map<string, Layout & { axe: unknown[] }>();
  for (const label of labels) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await nav.locator('[aria-current="page"]', { hasText: label }).waitFor(UI_TIMEOUT);
    await page.locator('main').getByRole('heading').first().waitFor(UI_TIMEOUT);
    layouts.set(label, { ...(await layoutOf(page)), axe: await axeScan(page) });
  }
  return layouts;
}

/**
 * Issue 5: the staff screens work on a tablet. In portrait the navigation moves above the screen
 * (every link on screen, the screen gets the full width); in landscape it stays a column. No
 * screen makes the page scroll sideways. Every screen is also scanned by axe: in light mode in
 * portrait, in dark mode in landscape.
 */
describe('staff screens on a tablet', () => {
  const roles: StaffRole[] = ['receptionist', 'doctor', 'admin', 'nurse'];
  // The first role also starts the hub and the browser (file fixtures).
  test.for(roles)(
    '%s: portrait 768×1024 and landscape 1024×768',
    { timeout: 420_000 },
    async (role, { hub, browser }) => {
      for (const viewport of [PORTRAIT, LANDSCAPE]) {
        const colorScheme = viewport === PORTRAIT ? 'light' : 'dark';
        const app = await openApp(browser, hub.url, { viewport, colorScheme });
        try {
          await signInAs(app.page, role);
          const layouts = await visitAll(app.page);
          expect(layouts.size).toBeGreaterThan(1);
          for (const [screen, layout] of layouts) {
            const where = `${role} ${viewport.width}×${viewport.height} ${colorScheme} ${screen}`;
            expect(layout.axe, `${where}: accessibility`).toEqual([]);
            expect(layout.pageWidth, `${where}: page scrolls sideways`).toBeLessThanOrEqual(
              layout.viewportWidth,
            );
            expect(layout.linksOffScreen, `${where}: links off screen`).toEqual([]);
            if (viewport === PORTRAIT) {
              expect(layout.mainWidth, `${where}: screen width`).toBe(layout.viewportWidth);
              expect(layout.nav.width, `${where}: navigation above`).toBe(layout.viewportWidth);
            } else {
              expect(layout.nav.height, `${where}: navigation beside`).toBeGreaterThan(layout.nav.width);
            }
          }
          expect(app.problems).toEqual([]);
        } finally {
          await app.close();
        }
      }
    },
  );
});
