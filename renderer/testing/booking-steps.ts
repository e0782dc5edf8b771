import type { Page } from 'playwright-core';
import { settle } from '@renderer/testing/browser';

/**
 * Browser steps for the reception booking screen, through the UI only (shared by e2e files and
 * the screenshots script, so they wait with Playwright, not with a test runner's assertions).
 */
export const UI_TIMEOUT = { timeout: 30_000 };

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** yyyy-mm-dd of a date field's text in an en-IN clinic (dd/mm/yyyy); a date field also takes yyyy-mm-dd. */
export function isoOfShownDate(shown: string): string {
  const [day, month, year] = shown.split('/');
  return `${year}-${month}-${day}`;
}

/** Which doctors and how many days (from today) to look through for a free slot. */
export interface SlotSearch {
  /** Only doctors whose option text contains this (e.g. 'Dr. Arvind Menon'); default: every doctor. */
  doctor?: string;
  /** Days to try, today first; default 10 (1: today only). */
  days?: number;
  /** Free slots the day must have (default 1): a test that books twice needs more than one. */
  minSlots?: number;
}

/** Opens Book with Alt+N and picks the first doctor and date (from today on) that has a free slot. */
export async function openBookingWithFreeSlot(
  page: Page,
  search: SlotSearch = {},
): Promise<{ date: string; doctor: string }> {
  const found = await findBookingWithFreeSlot(page, search);
  if (!found) throw new Error(`No doctor has a free slot in the next ${search.days ?? 10} days`);
  return found;
}

/** Like openBookingWithFreeSlot, but null (Book left open) when no doctor searched has a free slot. */
export async function findBookingWithFreeSlot(
  page: Page,
  search: SlotSearch = {},
): Promise<{ date: string; doctor: string } | null> {
  await page.keyboard.press('Alt+N');
  await page.getByRole('heading', { name: 'Book an appointment', level: 1 }).waitFor(UI_TIMEOUT);
  const doctorSelect = page.getByRole('combobox', { name: 'Doctor', exact: true });
  const dateInput = page.getByLabel('Date', { exact: true });
  const today = isoOfShownDate(await dateInput.inputValue());
  const doctors = (await doctorSelect.locator('option').allInnerTexts())
    .slice(1)
    .filter((d) => !search.doctor || d.includes(search.doctor));
  for (let offset = 0; offset < (search.days ?? 10); offset++) {
    const date = addDays(today, offset);
    await dateInput.fill(date);
    for (const doctor of doctors) {
      await doctorSelect.selectOption({ label: doctor });
      const group = page.getByTestId('slot-group');
      await page.waitForFunction(
        () =>
          !document.querySelector('[data-testid="slot-group"]')?.textContent?.includes('Loading free slots'),
        null,
        UI_TIMEOUT,
      );
      if ((await group.getByTestId('slot').count()) >= (search.minSlots ?? 1)) return { date, doctor };
    }
  }
  return null;
}

/** Opens Book (Alt+N) for one doctor and date, e.g. to race another desk for the same slot. */
export async function openBookingFor(page: Page, doctor: string, date: string): Promise<void> {
  await page.keyboard.press('Alt+N');
  await page.getByRole('heading', { name: 'Book an appointment', level: 1 }).waitFor(UI_TIMEOUT);
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByRole('combobox', { name: 'Doctor', exact: true }).selectOption({ label: doctor });
}

/** Chooses the first free slot; returns its HH:MM. */
export async function chooseFirstSlot(page: Page): Promise<string> {
  const slot = page.getByTestId('slot').first();
  const time = await slot.innerText();
  await slot.click();
  await slot.and(page.locator('[aria-pressed="true"]')).waitFor(UI_TIMEOUT);
  await page.mouse.move(0, 0); // axe would judge the hover colours of the button under the pointer
  await settle(page); // and the colours half-way through the button's transition to "selected"
  return time;
}

/** Types a new name in "Find patient", then quick-registers them (phone, age, sex). */
export async function quickRegister(page: Page, name: string, phone: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Find patient' }).fill(name);
  await page.getByText(/No patient matches/).waitFor(UI_TIMEOUT);
  await page.getByRole('button', { name: 'Register a new patient' }).click();
  const form = page.getByRole('form', { name: 'Quick registration' });
  const prefilled = await form.getByLabel('Full name').inputValue();
  if (prefilled !== name) throw new Error(`Quick registration prefilled "${prefilled}", not "${name}"`);
  await form.getByLabel('Phone', { exact: true }).fill(phone);
  await form.getByLabel('Age (years)').fill('34');
  await form.getByRole('combobox', { name: 'Sex' }).selectOption({ label: 'Female' });
  await form.getByRole('button', { name: 'Register patient' }).click();
  await page.getByTestId('chosen-patient').getByText(name).waitFor(UI_TIMEOUT);
}

/** Confirms the booking and waits for the success view (booked, or requested where the clinic confirms bookings); returns the appointment number. */
export async function confirmBooking(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await page
    .getByRole('heading', { name: /^(Appointment booked|Booking requested)$/, level: 1 })
    .waitFor(UI_TIMEOUT);
  return (await page.getByTestId('appointment-number').innerText()).trim();
}

/** Shows the Today board for a date (the board's own date field). */
export async function showBoardFor(page: Page, date: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Today', exact: true })
    .click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor(UI_TIMEOUT);
  await page.getByLabel('Board date').fill(date);
  await page.getByTestId('today-board').waitFor(UI_TIMEOUT);
}

/** A person's name nobody in the demo has (letters only: "Meera Qxbtk"). */
export function uniqueName(first: string): string {
  const letters = Date.now()
    .toString(26)
    .split('')
    .map((c) => String.fromCharCode(97 + parseInt(c, 26)))
    .join('');
  return `${first} Q${letters.slice(-6)}`;
}
