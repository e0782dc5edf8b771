/**
 * `npm run screenshots`: builds the renderer, starts the demo hub (browser mode), signs in per
 * role and saves a PNG of every main screen to docs/screenshots/ at 1280×720.
 * Adding a screen is one line in SHOTS.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, settle } from '@renderer/testing/browser';
import { type DemoHub, repoRoot, startDemoHub } from '@renderer/testing/demo-hub';
import { openDesktopApp } from '@renderer/testing/desktop-app';
import { openFirstRunApp } from '@renderer/testing/first-run-app';
import { adminShots } from '@renderer/testing/admin-shots';
import { addWalkIn as addWalkInFrom } from '@renderer/testing/doctor-steps';
import { doctorShots } from '@renderer/testing/doctor-shots';
import { type StaffRole, signInAs } from '@renderer/testing/sign-in';
import { seedMessages } from '@renderer/testing/messages-seed';
import { buildRenderer } from './renderer-build';
import { displayShots } from './display-shots';

interface Shot {
  /** File name in docs/screenshots/ (without .png). */
  name: string;
  /** Who is signed in; null: signed out. */
  role: StaffRole | null;
  /** The URL path to open. */
  path: string;
  /** What must be visible before the picture is taken. */
  ready: (page: Page) => Promise<unknown>;
  /** Optional: what to do on the screen first (open a drawer, fill a form…). */
  act?: (page: Page) => Promise<unknown>;
  dark?: boolean;
}

const firstRow = (page: Page) => page.getByTestId('appointment-row').first().waitFor();
const openFirstRow = async (page: Page) => {
  await page.getByTestId('appointment-row').first().click();
  await page.getByTestId('appointment-history').waitFor();
};

/** Reception shots: a walk-in so the queue has someone in it; a paid bill's receipt; the reschedule dialog. */
const addWalkIn = async (page: Page) => {
  await page.getByRole('button', { name: 'Walk-in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Walk-in patient' });
  await dialog.getByText('New patient', { exact: true }).click();
  await dialog.getByLabel('Full name').fill('Meera Pillai');
  await dialog.getByText('Queue between scheduled patients').click();
  await dialog.getByRole('button', { name: 'Add walk-in' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByTestId('queue-row').first().waitFor();
};
const showReceipt = async (page: Page) => {
  await page.getByTestId('bill-row').filter({ hasText: 'Paid' }).first().getByRole('link').click();
  await page.getByRole('button', { name: 'Show receipt' }).click();
  await page.getByTestId('receipt-frame').waitFor();
  await page.getByRole('region', { name: 'Receipt' }).scrollIntoViewIfNeeded();
};
const openReschedule = async (page: Page) => {
  await openFirstRow(page);
  await page.getByTestId('appointment-drawer').getByRole('button', { name: 'Reschedule' }).click();
  await page.getByRole('group', { name: 'Free times' }).getByRole('button').first().waitFor();
};

/** Reception front desk: a doctor and date with free slots on Book; a booking through to its slip. */
const showFreeSlots = async (page: Page) => {
  const doctor = page.getByRole('combobox', { name: 'Doctor', exact: true });
  const date = page.getByLabel('Date', { exact: true });
  const [dd, mm, yyyy] = (await date.inputValue()).split('/'); // the clinic's dd/mm/yyyy
  const start = new Date(`${yyyy}-${mm}-${dd}T00:00:00Z`);
  const labels = (await doctor.locator('option').allInnerTexts()).slice(1);
  for (let offset = 0; offset < 10; offset++) {
    await date.fill(new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10));
    for (const label of labels) {
      await doctor.selectOption({ label });
      await page.getByText('Loading free slots…').first().waitFor({ state: 'detached' });
      if ((await page.getByTestId('slot').count()) > 3) {
        await page.getByTestId('slot').nth(1).click();
        await page.mouse.move(0, 0);
        return;
      }
    }
  }
};
const bookToSlip = async (page: Page) => {
  await showFreeSlots(page);
  await page.getByRole('combobox', { name: 'Find patient' }).fill('Sen');
  await page.getByTestId('patient-option').first().click();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await page.getByTestId('pdf-frame').waitFor();
};
/** Nurse: two walk-ins checked in by reception, the vitals of one recorded. */
const recordVitals = async (page: Page) => {
  await addWalkInFrom(page, { doctor: 'Dr. Arvind Menon', newName: 'Vani Krishnan' });
  await addWalkInFrom(page, { doctor: 'Dr. Arvind Menon', newName: 'Joseph Mathew' });
  await page.getByRole('button', { name: 'Record vitals for Vani Krishnan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vitals: Vani Krishnan' });
  const readings = { 'BP systolic (mmHg)': '128', 'BP diastolic (mmHg)': '84', 'Pulse (/min)': '76' };
  for (const [label, value] of Object.entries(readings)) await dialog.getByLabel(label).fill(value);
  await dialog.getByLabel('SpO₂ (%)').fill('98');
  await dialog.getByRole('button', { name: 'Save vitals' }).click();
  await page.getByRole('button', { name: 'Correct vitals for Vani Krishnan' }).waitFor();
  await page.getByRole('button', { name: 'Record vitals for Joseph Mathew' }).waitFor();
};
const openProfile = async (page: Page) => {
  await page.getByTestId('patient-row').first().getByRole('link').click();
  await page.getByRole('heading', { name: 'Visit history' }).waitFor();
};

const SHOTS: Shot[] = [
  {
    name: 'sign-in',
    role: null,
    path: '/',
    ready: (p) => p.getByRole('form', { name: 'Sign in' }).waitFor(),
  },
  { name: 'reception-appointments', role: 'receptionist', path: '/appointments', ready: firstRow },
  {
    name: 'reception-appointment-detail',
    role: 'receptionist',
    path: '/appointments',
    ready: firstRow,
    act: openFirstRow,
  },
  { name: 'doctor-appointments-dark', role: 'doctor', path: '/appointments', ready: firstRow, dark: true },
  {
    name: 'admin-appointments',
    role: 'admin',
    path: '/appointments?from=&to=&status=NO_SHOW',
    ready: firstRow,
  },
  {
    name: 'reception-queue',
    role: 'receptionist',
    path: '/queue',
    ready: (p) => p.getByRole('heading', { name: 'Check in' }).waitFor(),
    act: addWalkIn,
  },
  {
    name: 'reception-billing',
    role: 'receptionist',
    path: '/billing?view=outstanding',
    ready: (p) => p.getByTestId('bill-row').first().waitFor(),
  },
  {
    name: 'reception-receipt',
    role: 'receptionist',
    path: '/billing',
    ready: (p) => p.getByTestId('bill-row').first().waitFor(),
    act: showReceipt,
  },
  {
    name: 'reception-reschedule',
    role: 'receptionist',
    path: '/appointments?status=CONFIRMED&from=&to=',
    ready: firstRow,
    act: openReschedule,
  },
  {
    name: 'reception-today',
    role: 'receptionist',
    path: '/today',
    ready: (p) => p.getByTestId('board-appointment').first().waitFor(),
  },
  {
    name: 'reception-today-dark',
    role: 'receptionist',
    path: '/today',
    ready: (p) => p.getByTestId('board-appointment').first().waitFor(),
    dark: true,
  },
  {
    name: 'reception-book',
    role: 'receptionist',
    path: '/book',
    ready: (p) => p.getByRole('combobox', { name: 'Doctor', exact: true }).waitFor(),
    act: showFreeSlots,
  },
  {
    name: 'reception-slip',
    role: 'receptionist',
    path: '/book',
    ready: (p) => p.getByRole('combobox', { name: 'Doctor', exact: true }).waitFor(),
    act: bookToSlip,
  },
  {
    name: 'reception-patients',
    role: 'receptionist',
    path: '/patients?q=sen',
    ready: (p) => p.getByTestId('patient-row').first().waitFor(),
  },
  {
    name: 'reception-patient-profile',
    role: 'receptionist',
    path: '/patients?q=sen',
    ready: (p) => p.getByTestId('patient-row').first().waitFor(),
    act: openProfile,
  },
  {
    name: 'reception-messages',
    role: 'receptionist',
    path: '/messages',
    ready: (p) => p.getByTestId('message-row').first().waitFor(),
  },
  {
    name: 'reception-message-sms',
    role: 'receptionist',
    path: '/messages?channel=sms&kind=payment_receipt',
    ready: (p) => p.getByTestId('message-row').first().waitFor(),
    act: async (p) => {
      await p.getByTestId('message-row').first().click();
      await p.getByTestId('message-size').waitFor();
    },
  },
  ...doctorShots,
  ...adminShots,
  {
    name: 'nurse-vitals',
    role: 'nurse',
    path: '/vitals',
    ready: (p) => p.getByRole('heading', { name: 'Vitals', level: 1 }).waitFor(),
    act: recordVitals,
  },
];

async function main(): Promise<void> {
  buildRenderer(repoRoot);
  const outDir = join(repoRoot, 'docs', 'screenshots');
  mkdirSync(outDir, { recursive: true });
  // The demo makes no messages of its own until the message planner runs in it: a few are
  // written in (sent, failed, pending and skipped, on each channel) for the Messages screen.
  const hub = await startDemoHub({ prepare: (dataDir) => seedMessages(dataDir) });
  const browser = await launchBrowser();
  try {
    // `npm run screenshots -- reception-queue reception-billing` takes only the named pictures.
    const only = process.argv.slice(2);
    for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s.name))) {
      const app = await openApp(browser, hub.url, { colorScheme: shot.dark ? 'dark' : 'light' });
      try {
        const { page } = app;
        if (shot.role) await signInAs(page, shot.role);
        await page.goto(`${hub.url}${shot.path}`);
        await shot.ready(page);
        await shot.act?.(page);
        await save(page, outDir, shot.name);
        if (app.problems.length > 0) console.warn(`${shot.name}: ${app.problems.join('\n')}`);
      } finally {
        await app.close();
      }
    }
    if (only.length === 0 || only.includes('desktop-first-run')) await firstRunShot(browser, hub, outDir);
    if (only.length === 0 || only.includes('desktop-lock-screen')) await lockScreenShot(browser, hub, outDir);
    if (only.length === 0 || only.includes('display')) await displayShots(browser, hub.url, outDir, save);
  } finally {
    await browser.close();
    await hub.stop();
  }
}

/** Once nothing moves: docs/screenshots/<name>.png. */
async function save(page: Page, outDir: string, name: string): Promise<void> {
  await settle(page);
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`saved ${file}`);
}

/** A new desktop's first start (Electron's setup bridge, here the same backend over Node IPC). */
async function firstRunShot(browser: Browser, hub: DemoHub, outDir: string): Promise<void> {
  const app = await openFirstRunApp(browser, hub.url, [
    { url: hub.url, clinicName: 'Sunrise Family Clinic' },
  ]);
  try {
    await app.page.getByRole('button', { name: /^Sunrise Family Clinic/ }).waitFor();
    await save(app.page, outDir, 'desktop-first-run');
  } finally {
    await app.close();
  }
}

/** A reception desktop after the clinic's idle time: locked, the work hidden (Playwright's clock). */
async function lockScreenShot(browser: Browser, hub: DemoHub, outDir: string): Promise<void> {
  const desk = await openDesktopApp(browser, hub.url, hub.url, { fakeClock: true });
  try {
    await signInAs(desk.page, 'receptionist');
    await desk.page.getByTestId('today-board').waitFor();
    await desk.page.clock.fastForward(11 * 60_000); // the demo clinic locks after 10 idle minutes
    await desk.page.getByRole('form', { name: 'Unlock' }).waitFor();
    await save(desk.page, outDir, 'desktop-lock-screen');
  } finally {
    await desk.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
