import type { Page } from 'playwright-core';
import { openDesktopApp } from '@renderer/testing/desktop-app';
import { signInAs } from '@renderer/testing/sign-in';

/** The admin's screenshots for scripts/screenshots.ts (same shape as its `Shot`), in order. */
interface AdminShot {
  name: string;
  role: 'admin';
  path: string;
  ready: (page: Page) => Promise<unknown>;
  act?: (page: Page) => Promise<unknown>;
  dark?: boolean;
}

const summary = (page: Page) => page.getByTestId('stat-total-value').waitFor();

export const adminShots: AdminShot[] = [
  { name: 'admin-summary', role: 'admin', path: '/summary', ready: summary },
  { name: 'admin-summary-dark', role: 'admin', path: '/summary?range=week', ready: summary, dark: true },
  {
    name: 'admin-users',
    role: 'admin',
    path: '/users',
    ready: (p) => p.getByTestId('user-row').first().waitFor(),
  },
  {
    name: 'admin-schedules',
    role: 'admin',
    path: '/schedules',
    ready: (p) => p.getByRole('table', { name: /^Weekly windows of/ }).waitFor(),
    // A change that leaves bookings outside the hours: the collision preview (nothing is saved).
    act: async (p) => {
      await p
        .getByRole('button', { name: /^Remove .* window 1$/ })
        .first()
        .click();
      await p
        .getByText(/would fall outside the new hours|No booked appointment is affected/)
        .first()
        .waitFor();
    },
  },
  {
    name: 'admin-settings',
    role: 'admin',
    path: '/settings',
    ready: (p) => p.getByRole('form', { name: 'Clinic settings' }).waitFor(),
  },
  {
    name: 'admin-settings-mail',
    role: 'admin',
    path: '/settings',
    ready: (p) => p.getByRole('form', { name: 'Outgoing e-mail settings' }).waitFor(),
    // A configured server (saved on this copy of the demo), scrolled into view.
    act: async (p) => {
      const mail = p.getByRole('form', { name: 'Outgoing e-mail settings' });
      await mail.getByText('Off', { exact: true }).click();
      await mail.getByLabel('Server (host)').fill('smtp.sunriseclinic.in');
      await mail.getByLabel('Username').fill('appointments@sunriseclinic.in');
      await mail.getByLabel('Password').fill('demo-only-password');
      await mail.getByLabel('From address').fill('appointments@sunriseclinic.in');
      await mail.getByLabel('From name').fill('Sunrise Family Clinic');
      await mail.getByRole('button', { name: 'Save e-mail settings' }).click();
      await mail.getByTestId('password-stored').waitFor();
      await p.getByText('E-mail settings saved').waitFor({ state: 'detached' });
      await p
        .getByRole('region', { name: 'Outgoing e-mail (SMTP)' })
        .evaluate((e) => e.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'admin-message-texts',
    role: 'admin',
    path: '/message-texts?kind=reminder&channel=sms&language=hi',
    ready: (p) => p.getByTestId('sms-segments').waitFor(),
  },
  {
    name: 'admin-audit',
    role: 'admin',
    path: '/audit',
    ready: (p) => p.getByTestId('audit-row').first().waitFor(),
  },
  {
    name: 'admin-devices',
    role: 'admin',
    path: '/devices',
    ready: (p) => p.getByRole('heading', { name: 'Devices', level: 1 }).waitFor(),
    // A reception desktop (a real client core) signs in and syncs once, then closes.
    act: async (p) => {
      const browser = p.context().browser();
      if (!browser) throw new Error('admin-devices needs a page from a launched browser');
      const url = new URL(p.url()).origin;
      const desktop = await openDesktopApp(browser, url, url);
      try {
        await signInAs(desktop.page, 'receptionist');
        await desktop.page.getByText(/^Last sync/).waitFor();
        await p.reload();
        await p.getByTestId('device-row').first().waitFor();
      } finally {
        await desktop.close();
      }
    },
  },
  {
    name: 'admin-doctors-rooms',
    role: 'admin',
    path: '/doctors-rooms',
    ready: (p) => p.getByTestId('room-row').first().waitFor(),
  },
];
