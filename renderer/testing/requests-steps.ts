import type { Page } from 'playwright-core';
import { openScreen } from '@renderer/testing/browser';
import {
  chooseFirstSlot,
  confirmBooking,
  openBookingWithFreeSlot,
  quickRegister,
  UI_TIMEOUT,
} from '@renderer/testing/booking-steps';

/** Browser steps around booking requests (docs/product.md §4 policy, §5), for the e2e test and screenshots. */

/** Admin's Settings: turns "Bookings need staff confirmation" on or off and saves. */
export async function setBookingConfirmation(admin: Page, on: boolean): Promise<void> {
  await openScreen(admin, 'Settings');
  const form = admin.getByRole('form', { name: 'Clinic settings' });
  const setting = form.getByRole('checkbox', { name: 'Bookings need staff confirmation' });
  await setting.waitFor({ state: 'attached', ...UI_TIMEOUT });
  if ((await setting.isChecked()) === on) return;
  await setting.setChecked(on, { force: true });
  await form.getByRole('button', { name: 'Save settings' }).click();
  await admin.getByText('Settings saved').first().waitFor(UI_TIMEOUT);
}

/**
 * Reception books the first free slot of `doctor` for a newly registered patient, where the clinic
 * confirms bookings: the success view says it is a request. Returns the appointment number.
 */
export async function bookRequest(reception: Page, doctor: string, name: string): Promise<string> {
  await openBookingWithFreeSlot(reception, { doctor });
  await chooseFirstSlot(reception);
  await quickRegister(reception, name, `+91 96${String(Date.now() % 100000000).padStart(8, '0')}`);
  const number = await confirmBooking(reception);
  await reception.getByRole('heading', { name: 'Booking requested', level: 1 }).waitFor(UI_TIMEOUT);
  await reception.getByTestId('awaiting-confirmation').waitFor(UI_TIMEOUT);
  await reception.getByText('Requested', { exact: true }).first().waitFor(UI_TIMEOUT); // the status badge
  return number;
}
