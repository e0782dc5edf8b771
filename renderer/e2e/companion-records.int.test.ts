import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { axeScan } from '@renderer/testing/axe';
import { companionTest as test } from '@renderer/testing/companion-phone';
import { signedVisitWithBill } from '@renderer/testing/records-steps';

const TIMEOUT = { timeout: 30_000 };

describe('the companion app’s records, inbox and waiting list on a phone', () => {
  test('a signed visit: its summary, the prescription PDF (open and save), the bill with its balance', async ({
    hub,
    phone,
    newPatient,
  }) => {
    const patient = await newPatient('Asha Pillai');
    const visit = await signedVisitWithBill(hub.url, patient.patientId, { paid: 20_000 });
    const english = await phone({ language: 'en', patient, path: '/records' });
    const { page, context, problems } = english;

    // Visits: the signed summary, then its page.
    await page.waitForURL(/\/records\/visits$/, TIMEOUT);
    await page.getByRole('link', { name: /Acute viral fever/ }).click(TIMEOUT);
    await page.getByRole('heading', { name: 'Visit summary' }).waitFor(TIMEOUT);
    await page.getByText(visit.doctorName).waitFor(TIMEOUT);
    await expect.poll(() => page.getByTestId('diagnosis').textContent()).toBe('Acute viral fever (R50.9)');
    for (const text of [
      'Drink plenty of fluids and rest for three days.',
      'Paracetamol 650 mg',
      'Complete blood count — Fasting not needed',
      'Come back on Friday, 15 January 2027',
    ])
      await page.getByText(text).waitFor(TIMEOUT);
    // The doctor's own notes never reach the patient.
    const summaryText = await page.locator('main').textContent();
    for (const secret of ['Fever for three days', 'Throat congested', 'dengue'])
      expect(summaryText).not.toContain(secret);
    expect(await axeScan(page)).toEqual([]);

    // "Open": the PDF the gateway answered, shown in a new tab.
    const [pdfAnswer, tab] = await Promise.all([
      page.waitForResponse((r) =>
        r.url().includes(`/consultations/${visit.consultationId}/prescription.pdf`),
      ),
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open Prescription' }).click(),
    ]);
    expect(pdfAnswer.status()).toBe(200);
    expect(pdfAnswer.headers()['content-type']).toContain('application/pdf');
    await tab.waitForURL(/^blob:/, TIMEOUT);
    await tab.close();
    // "Download": saved under a name the phone shows, the PDF's own bytes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Prescription' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^prescription-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // Documents: the prescription and the bill's receipt.
    await page
      .getByRole('navigation', { name: 'My records' })
      .getByRole('link', { name: 'Documents' })
      .click();
    await page.getByTestId(`prescription-${visit.consultationId}`).waitFor(TIMEOUT);
    await page.getByTestId(`receipt-${visit.billId}`).waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);

    // Bills: the fee, the UPI payment and what is still due (₹500 − ₹200).
    await page.getByRole('navigation', { name: 'My records' }).getByRole('link', { name: 'Bills' }).click();
    await page.getByText('Partly paid').waitFor(TIMEOUT);
    await page.getByRole('link', { name: /^Bill B-/ }).click();
    await page.getByRole('heading', { name: /^Bill B-/ }).waitFor(TIMEOUT);
    await page.getByText('Payment · UPI').waitFor(TIMEOUT);
    await expect.poll(() => page.getByTestId('bill-balance').textContent()).toMatch(/Balance due₹\s?300/);
    expect(await axeScan(page)).toEqual([]);
    expect(problems).toEqual([]);
    await english.close();

    // The same summary in Hindi: the app's words translated, the doctor's own words as written.
    const hindi = await phone({ language: 'hi', patient, path: `/records/visits/${visit.consultationId}` });
    await hindi.page.getByRole('heading', { name: 'विज़िट सारांश' }).waitFor(TIMEOUT);
    await hindi.page.getByRole('heading', { name: 'निदान' }).waitFor(TIMEOUT);
    await hindi.page.getByRole('button', { name: 'पर्चा खोलें' }).waitFor(TIMEOUT);
    await hindi.page.getByText('Acute viral fever (R50.9)').waitFor(TIMEOUT);
    if (process.env.COMPANION_SHOTS)
      await hindi.page.screenshot({
        path: `${process.env.COMPANION_SHOTS}/records-summary-hi.png`,
        fullPage: true,
      });
    expect(await axeScan(hindi.page)).toEqual([]);
    expect(hindi.problems).toEqual([]);
    await hindi.close();
  });

  test('the inbox marks unread messages; reading them drops the badge', async ({
    hub,
    phone,
    newPatient,
  }) => {
    const patient = await newPatient('Ravi Menon');
    // A signed prescription sends "your prescription is ready" to the app's inbox.
    await signedVisitWithBill(hub.url, patient.patientId);
    const english = await phone({ language: 'en', patient, path: '/inbox' });
    const { page, problems } = english;
    const badge = page.getByTestId('unread-badge');
    await badge.waitFor(TIMEOUT);
    expect(Number(await badge.textContent())).toBeGreaterThan(0);
    await page.locator('[data-unread]').first().waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await badge.waitFor({ state: 'detached', ...TIMEOUT });
    await page.getByText('All messages read.').waitFor(TIMEOUT);
    expect(await page.locator('[data-unread]').count()).toBe(0);
    // The hub kept it: a fresh load shows no badge either.
    await page.reload();
    await page.getByText('All messages read.').waitFor(TIMEOUT);
    expect(await badge.count()).toBe(0);
    expect(problems).toEqual([]);
    await english.close();
  });

  test('joining the waiting list for a doctor and dates, then leaving it', async ({ phone, newPatient }) => {
    const patient = await newPatient('Sunita Das');
    const english = await phone({ language: 'en', patient, path: '/waitlist' });
    const { page, problems } = english;
    await page.getByText('You are not on the waiting list.').waitFor(TIMEOUT);
    await page.getByRole('link', { name: 'Join the waiting list' }).click();
    // Without a doctor the form names the field to fix.
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('Choose a doctor.').waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);
    const doctor = page.getByLabel('Doctor');
    const firstDoctor = await doctor.locator('option').nth(1).textContent();
    await doctor.selectOption({ index: 1 });
    await page.getByLabel('Note for the clinic (optional)').fill('Mornings suit me best');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('You are on the waiting list.').waitFor(TIMEOUT);
    const entry = page.getByTestId('waitlist-entry');
    await entry.getByText('Waiting').waitFor(TIMEOUT);
    await entry.getByText('Mornings suit me best').waitFor(TIMEOUT);
    const doctorName = firstDoctor!.split(' — ')[0]!;
    await entry.getByRole('heading', { name: doctorName }).waitFor(TIMEOUT);
    expect(await axeScan(page)).toEqual([]);
    await entry.getByRole('button', { name: `Leave the waiting list for ${doctorName}` }).click();
    await entry.getByText('Left').waitFor(TIMEOUT);
    expect(await entry.getByRole('button').count()).toBe(0);
    expect(problems).toEqual([]);
    await english.close();
  });
});
