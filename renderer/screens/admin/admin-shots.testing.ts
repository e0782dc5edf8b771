import type { Page } from 'playwright-core';

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
    name: 'admin-audit',
    role: 'admin',
    path: '/audit',
    ready: (p) => p.getByTestId('audit-row').first().waitFor(),
  },
  {
    name: 'admin-doctors-rooms',
    role: 'admin',
    path: '/doctors-rooms',
    ready: (p) => p.getByTestId('room-row').first().waitFor(),
  },
];
