import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type HubTraffic, watchHubTraffic } from './hub-traffic';

/** Debian's Chromium, headless, with nothing that talks to the internet. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far (a healthy page has none). */
  problems: string[];
  /** What this page said to the hub and heard from it over its sockets (hub-traffic.ts). */
  traffic: HubTraffic;
  close(): Promise<void>;
}

/**
 * A fresh browser context (own storage: a new device, no session) at the desktop size the
 * screens are designed for, opened at `url`.
 */
export async function openApp(
  browser: Browser,
  url: string,
  options: {
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    /** The browser's language; screens follow the clinic's locale setting whatever it is. */
    locale?: string;
  } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-IN',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const traffic = watchHubTraffic(page);
  await page.goto(url);
  return { page, context, problems, traffic, close: () => context.close() };
}

/** Opens one of the signed-in role's main screens by its navigation label ("Appointments"). */
export async function openScreen(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: label, exact: true })
    .click();
}

/** Waits until fonts are loaded and no animation runs (drawers, fades): ready for a screenshot. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * Runs `shim` in every page of the context before the page's own scripts, as Electron's preload
 * does. Under tsx (npm run screenshots) esbuild's keepNames wraps named functions in `__name(…)`,
 * which a serialized function then calls in the page: the page gets a do-nothing one first.
 */
export async function addPreloadShim(context: BrowserContext, shim: () => void): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await context.addInitScript(shim);
}
