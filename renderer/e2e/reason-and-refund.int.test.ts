import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { settle } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { UI_TIMEOUT } from '@renderer/testing/booking-steps';

/**
 * Issue 5: actions that need a reason (cancel, here) and a refund, through their dialogs: a
 * missing reason is refused on the field and nothing happens; with one, the action is recorded.
 */
const test = browserTest.extend('app', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'));

describe('reason and refund dialogs at reception', () => {
  test('cancels an appointment only with a reason', async ({ hub, app }) => {
    const { page } = app;
    await page.goto(`${hub.url}/appointments?status=CONFIRMED&from=&to=`);
    await page.getByTestId('appointment-row').first().click();
    const drawer = page.getByTestId('appointment-drawer');
    await drawer.getByRole('button', { name: 'Cancel appointment' }).click();
    const form = page.getByRole('form', { name: 'Cancel this appointment?' });
    await form.getByRole('button', { name: 'Cancel appointment' }).click();
    await form
      .getByText(/reason/i)
      .first()
      .waitFor(UI_TIMEOUT);
    expect(await form.isVisible()).toBe(true);
    await settle(page);
    expect(await axeScan(page)).toEqual([]);

    await form.getByLabel('Reason').fill('Patient called to cancel');
    await form.getByRole('button', { name: 'Cancel appointment' }).click();
    await form.waitFor({ state: 'detached', ...UI_TIMEOUT });
    await drawer.getByText('Cancelled').first().waitFor(UI_TIMEOUT);
    expect(app.problems).toEqual([]);
  });

  test('refunds part of a paid bill with a reason', async ({ hub, app }) => {
    const { page } = app;
    // Today's list has no paid bill before the demo clinic's first visit of the day, so the
    // newest paid bill is opened directly (the same screen the list links to).
    await page.goto(`${hub.url}/billing/${newestPaidBill(hub.dataDir)}`);
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const refund = page.getByRole('form', { name: 'Refund' });
    await refund.getByLabel(/Refund amount/).fill('1');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await refund
      .getByText(/reason/i)
      .nth(1)
      .waitFor(UI_TIMEOUT);
    await settle(page);
    expect(await axeScan(page)).toEqual([]);

    await refund.getByLabel('Reason').fill('Overcharged by one rupee');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await page.getByText('Refund recorded').waitFor(UI_TIMEOUT);
    await page
      .getByText(/Refund · /)
      .first()
      .waitFor(UI_TIMEOUT);
    expect(app.problems).toEqual([]);
  });
});

function newestPaidBill(dataDir: string): string {
  const db = new BetterSqlite3(join(dataDir, 'clinic.db'), { readonly: true });
  try {
    const row = db
      .prepare("SELECT id FROM bills WHERE status = 'PAID' AND total >= 100 ORDER BY createdAt DESC LIMIT 1")
      .get() as { id: string } | undefined;
    if (!row) throw new Error('The demo clinic has no paid bill');
    return row.id;
  } finally {
    db.close();
  }
}
