import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect } from 'vitest';
import { openScreen } from '@renderer/testing/browser';
import { browserTest } from '@renderer/testing/browser-test';
import { startDemoHub } from '@renderer/testing/demo-hub';

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

let firstBad = 0;

/** The file's hub is one whose audit log was cut short before it started. */
const test = browserTest
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's needs from its destructuring
  .extend('hub', { scope: 'file' }, async ({}, { onCleanup }) => {
    const hub = await startDemoHub({ prepare: (dataDir) => (firstBad = cutOffTheEnd(dataDir)) });
    onCleanup(() => hub.stop());
    return hub;
  })
  .extend('admin', { scope: 'file' }, ({ signedIn }) => signedIn('admin'));

describe('staff app in browser mode: a tampered audit log', () => {
  test('warns the admin loudly on the Summary and the Audit log, naming the first bad entry', async ({
    admin,
  }) => {
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
  }, 300_000); // also starts the hub (the run's first browser file waits for the demo seeding) and the browser

  test('ran without console errors, page errors or CSP violations', ({ admin }) => {
    expect(admin.problems).toEqual([]);
  });
});
