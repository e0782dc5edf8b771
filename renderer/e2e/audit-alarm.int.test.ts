import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppPage, launchBrowser, openApp, openScreen } from '@renderer/testing/browser';
import { type DemoHub, startDemoHub } from '@renderer/testing/demo-hub';
import { signInAs } from '@renderer/testing/sign-in';

const TIMEOUT = { timeout: 30_000 };

/**
 * With the hub stopped, the last 50 audit entries are deleted as an attacker with the database
 * file would: the no-delete trigger dropped and recreated, the head stored inside rewritten.
 */
function cutOffTheEnd(dataDir: string): number {
  const db = new BetterSqlite3(join(dataDir, 'clinic.db'));
  try {
    const { last } = db.prepare('SELECT max(seq) AS last FROM audit_log').get() as { last: number };
    db.exec(`
      DROP TRIGGER audit_no_delete;
      DELETE FROM audit_log WHERE seq > ${last - 50};
      UPDATE hub_meta SET value = (SELECT seq || ':' || hash FROM audit_log ORDER BY seq DESC LIMIT 1)
        WHERE key = 'audit_head';
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
    return last - 49;
  } finally {
    db.close();
  }
}

describe('staff app in browser mode: a tampered audit log', () => {
  let hub: DemoHub;
  let browser: Browser;
  let admin: AppPage;
  let firstBad = 0;

  beforeAll(async () => {
    hub = await startDemoHub({ prepare: (dataDir) => (firstBad = cutOffTheEnd(dataDir)) });
    browser = await launchBrowser();
    admin = await openApp(browser, hub.url);
    await signInAs(admin.page, 'admin');
  }, 600_000); // the first browser file of the run waits for the demo seeding, slow beside the suite
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  }, 60_000);

  it('warns the admin loudly on the Summary and the Audit log, naming the first bad entry', async () => {
    const { page } = admin;
    const alarm = page.getByRole('alert').filter({ hasText: 'The audit log has been tampered with' });
    await alarm.waitFor(TIMEOUT);
    expect(await alarm.innerText()).toContain(`First bad entry: #${firstBad}.`);
    expect(await alarm.innerText()).toContain(`entries ${firstBad}–${firstBad + 49} were removed`);

    await openScreen(page, 'Audit log');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor(TIMEOUT);
    await alarm.waitFor(TIMEOUT);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText(`Broken at entry #${firstBad}`).waitFor(TIMEOUT);
  }, 120_000);

  it('ran without console errors, page errors or CSP violations', () => {
    expect(admin.problems).toEqual([]);
  });
});
