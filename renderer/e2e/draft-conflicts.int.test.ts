import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { type AppPage, launchBrowser, openApp, settle } from '@renderer/testing/browser';
import { type DemoHub, startDemoHub } from '@renderer/testing/demo-hub';
import { type DesktopApp, openDesktopApp } from '@renderer/testing/desktop-app';
import { signInAs } from '@renderer/testing/sign-in';
import { startTcpProxy, type TcpProxy } from '@renderer/testing/tcp-proxy';
import { addWalkIn, openConsultation } from '@renderer/screens/doctor/doctor-steps.testing';

const WAIT = { timeout: 60_000 };
const DOCTOR = 'Dr. Arvind Menon';
const ROOM_TEXT = 'Cough for three weeks, wheeze on exertion (consulting room)';
const HOME_TEXT = 'Cough for three weeks, night sweats and weight loss (home office)';
const LATE_TEXT = 'Sputum for AFB ordered: add to the plan';
const REWRITTEN = 'Chest X-ray first; sputum only if it shows a shadow';

/**
 * The same doctor on a client desktop (through a cuttable link) and in a second window: the
 * desktop's offline save of a draft the other window changed meanwhile shows both texts side by
 * side until the doctor chooses; an offline save refused because the record was signed meanwhile
 * shows on the needs-attention card with the patient and the text, which can go into an addendum
 * and is discarded only after asking once more.
 */
describe('doctor: draft conflicts and refused drafts on a desktop', () => {
  let hub: DemoHub;
  let proxy: TcpProxy;
  let browser: Browser;
  let desk: DesktopApp;
  let other: AppPage;
  let workspaceUrl = '';
  let patientName = '';

  beforeAll(async () => {
    hub = await startDemoHub();
    proxy = await startTcpProxy(hub.url);
    browser = await launchBrowser();
    desk = await openDesktopApp(browser, hub.url, proxy.url);
    other = await openApp(browser, hub.url);
    await signInAs(desk.page, 'doctor');
    await signInAs(other.page, 'doctor');
  }, 600_000);
  afterAll(async () => {
    await desk?.close();
    await browser?.close();
    await proxy?.close();
    await hub?.stop();
  }, 60_000);

  const complaint = (page: Page) => page.getByLabel('Chief complaint');
  const saveStatus = (page: Page) => page.getByTestId('save-status');
  const online = (page: Page) => page.getByTestId('status-bar').getByTestId('connection-state').innerText();

  it('shows both texts side by side when two saves of the same draft cross, and keeps the chosen one', async () => {
    const { page } = desk;
    await addWalkIn(page, { doctor: DOCTOR, newName: `Draft Conflict ${Date.now()}`, urgent: true });
    await openConsultation(page);
    patientName = await page.getByTestId('patient-name').innerText();
    workspaceUrl = page.url();
    await complaint(page).fill('Cough for three weeks');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => saveStatus(page).innerText(), WAIT).toMatch(/^Draft saved at/);

    // The second window opens the same record, as the desktop has it.
    await other.page.goto(workspaceUrl);
    await expect.poll(() => complaint(other.page).inputValue(), WAIT).toBe('Cough for three weeks');

    // The desktop loses the LAN and saves its text; the other window saves a different one.
    await expect.poll(() => online(page), WAIT).toBe('Online');
    proxy.cut();
    await expect.poll(() => online(page), WAIT).toMatch(/^Offline since/);
    await complaint(page).fill(ROOM_TEXT);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => saveStatus(page).innerText(), WAIT).toMatch(/^Draft saved at/);
    await complaint(other.page).fill(HOME_TEXT);
    await other.page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => saveStatus(other.page).innerText(), WAIT).toMatch(/^Draft saved at/);

    proxy.restore();
    const conflict = page.getByTestId('draft-conflict');
    await conflict.waitFor(WAIT);
    expect(await conflict.getByTestId('conflict-draft').innerText()).toContain(ROOM_TEXT);
    expect(await conflict.getByTestId('conflict-other').innerText()).toContain(HOME_TEXT);
    expect(await page.getByRole('button', { name: 'Finalize…' }).isDisabled()).toBe(true);
    // The other window is told too: the desktop's later save is its draft now, its own text beside it.
    const seenThere = other.page.getByTestId('draft-conflict');
    await seenThere.waitFor(WAIT);
    await expect.poll(() => complaint(other.page).inputValue(), WAIT).toBe(ROOM_TEXT);
    expect(await seenThere.getByTestId('conflict-other').innerText()).toContain(HOME_TEXT);
    await settle(page);
    await page.screenshot({ path: join(tmpdir(), 'clinic-draft-conflict.png'), fullPage: true });
    expect(await axeScan(page)).toEqual([]);

    // Choosing asks once more; cancelling keeps both.
    await conflict.getByRole('button', { name: 'Use the other version' }).click();
    await conflict.getByRole('button', { name: 'Cancel' }).click();
    await conflict.getByRole('button', { name: 'Use the other version' }).click();
    await conflict
      .getByRole('group', { name: 'Confirm the choice' })
      .getByRole('button', { name: 'Use the other version' })
      .click();
    await conflict.waitFor({ state: 'detached', ...WAIT });
    expect(await complaint(page).inputValue()).toBe(HOME_TEXT);
    await expect.poll(() => saveStatus(page).innerText(), WAIT).toMatch(/^Draft saved at/);
    await other.page.getByTestId('draft-conflict').waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByRole('button', { name: 'Finalize…' }).isDisabled()).toBe(false);
  }, 300_000);

  it('keeps an offline save refused because the record was signed meanwhile, names the patient, and adds it as an addendum', async () => {
    const { page } = desk;
    proxy.cut();
    await expect.poll(() => online(page), WAIT).toMatch(/^Offline since/);
    await page.getByLabel('Advice for the patient').fill(LATE_TEXT);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => saveStatus(page).innerText(), WAIT).toMatch(/^Draft saved at/);

    // Meanwhile the record is signed in the other window.
    const o = other.page;
    await expect.poll(() => complaint(o).inputValue(), WAIT).toBe(HOME_TEXT);
    await o.getByLabel('Diagnosis', { exact: true }).fill('Suspected pulmonary TB');
    await o.getByRole('button', { name: 'Finalize…' }).click();
    const confirm = o.getByRole('alertdialog');
    await confirm.getByText(/read-only/).waitFor(WAIT);
    const ack = confirm.getByText(/I have reviewed the allergy warnings/);
    if ((await ack.count()) > 0) await ack.click();
    await confirm.getByRole('button', { name: 'Sign and finalize' }).click();
    await o.getByTestId('signed-record').waitFor(WAIT);

    proxy.restore();
    const status = page.getByTestId('status-bar');
    const attention = status.getByTestId('needs-attention-count');
    await attention.waitFor(WAIT);
    await attention.click();
    const card = page.getByTestId('needs-attention').getByTestId('attention-entry');
    await card.waitFor(WAIT);
    await expect
      .poll(() => card.getByTestId('refused-draft-patient').innerText(), WAIT)
      .toContain(patientName);
    expect(await card.getByTestId('refused-draft-text').innerText()).toContain(LATE_TEXT);
    // Once the desktop has pulled the signature, the card offers the addendum.
    await card.getByRole('button', { name: 'Copy into an addendum' }).waitFor(WAIT);
    expect(await card.innerText()).toContain('The record is signed');
    await settle(page);
    await page.screenshot({ path: join(tmpdir(), 'clinic-refused-draft.png'), fullPage: true });
    expect(await axeScan(page)).toEqual([]);

    // Discarding asks once more; keeping it leaves the text where it was.
    await card.getByRole('button', { name: 'Discard…' }).click();
    await card.getByText('Discard this text for good?').waitFor(WAIT);
    await card.getByRole('button', { name: 'Keep it' }).click();
    expect(await card.getByTestId('refused-draft-text').innerText()).toContain(LATE_TEXT);

    // Another save of the same visit refused (as the editor's save on leaving would be), with a
    // rewritten text: still one card, the latest text, and the older one it lacks kept below.
    const refusal = await page.evaluate(async (rewrite) => {
      type Bridge = {
        needsAttention(): Promise<{ input: { content: object } }[]>;
        call(name: string, input: unknown): Promise<unknown>;
      };
      const bridge = (window as unknown as { clinic: Bridge }).clinic;
      const [entry] = await bridge.needsAttention();
      return bridge.call('consultations.saveDraft', {
        ...entry!.input,
        content: { ...entry!.input.content, advice: rewrite },
      });
    }, REWRITTEN);
    expect(refusal).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    await expect.poll(() => card.getByTestId('refused-draft-text').innerText(), WAIT).toContain(REWRITTEN);
    expect(await card.count()).toBe(1);
    expect(await card.getByTestId('refused-draft-earlier').innerText()).toContain(LATE_TEXT);

    await card.getByRole('button', { name: 'Copy into an addendum' }).click();
    const text = card.getByRole('textbox', { name: 'Addendum' });
    expect(await text.inputValue()).toContain(`Advice: ${REWRITTEN}`);
    expect(await text.inputValue()).toContain(`Advice: ${LATE_TEXT}`);
    await card.getByRole('button', { name: 'Add addendum' }).click();
    await page.getByTestId('needs-attention').getByText('Nothing needs attention').waitFor(WAIT);
    await page.getByTestId('needs-attention').getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => page.getByTestId('addenda').innerText(), WAIT).toContain(LATE_TEXT);
  }, 300_000);

  it('ran without console errors, page errors or CSP violations', () => {
    expect([...desk.problems, ...other.problems]).toEqual([]);
  });
});
