import type { Page } from 'playwright-core';

/** The demo clinic's password (README "Demo users"). */
export const DEMO_PASSWORD = 'clinic-demo-2026';

export type StaffRole = 'receptionist' | 'doctor' | 'admin' | 'nurse';

/** One demo account per role (README "Demo users"). */
export const DEMO_ACCOUNTS: Record<StaffRole, { username: string; displayName: string }> = {
  receptionist: { username: 'reena', displayName: "Reena D'Souza" },
  doctor: { username: 'dr.menon', displayName: 'Dr. Arvind Menon' },
  admin: { username: 'admin', displayName: 'Anita Rao' },
  nurse: { username: 'nurse.leela', displayName: 'Leela Thomas' },
};

/** Signs in through the sign-in screen and waits for the role's app (its navigation) to show. */
export async function signInAs(page: Page, role: StaffRole, password = DEMO_PASSWORD): Promise<void> {
  await signInWith(page, DEMO_ACCOUNTS[role].username, password);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Fills and submits the sign-in form (does not wait for the outcome). */
export async function signInWith(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}
