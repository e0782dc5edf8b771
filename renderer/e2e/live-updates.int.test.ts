import { describe, expect } from 'vitest';
import { browserTest } from '@renderer/testing/browser-test';
import {
  chooseFirstSlot,
  confirmBooking,
  openBookingFor,
  openBookingWithFreeSlot,
  quickRegister,
  showBoardFor,
  UI_TIMEOUT,
  uniqueName,
} from '@renderer/testing/booking-steps';

const LIVE_UPDATE_DEADLINE_MS = 3_000;

const test = browserTest
  .extend('booker', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'))
  .extend('board', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'))
  .extend('slots', { scope: 'file' }, ({ signedIn }) => signedIn('receptionist'));

/**
 * docs/product.md §13: a change made on one desktop shows on every other connected desktop within a second.
 * Three browser sessions (three devices, receptionists): one books; one watches the Today board
 * of that date; one has the same doctor's free slots open on its Book screen.
 */
describe('live updates between desktops (browser mode)', () => {
  test('a booking made on one desktop appears on the others’ Today board and free slots within a second', async ({
    booker,
    board,
    slots,
  }) => {
    const name = uniqueName('Lina');
    const { date, doctor } = await openBookingWithFreeSlot(booker.page);
    const time = await chooseFirstSlot(booker.page);
    const doctorName = doctor.split(' — ')[0]!;

    await showBoardFor(board.page, date);
    const column = board.page.getByTestId('doctor-column').filter({ hasText: doctorName });
    await column.waitFor(UI_TIMEOUT);
    const freeOnBoard = column.locator(`[data-testid="free-slot"][data-time="${time}"]`);
    await freeOnBoard.waitFor(UI_TIMEOUT);

    await openBookingFor(slots.page, doctor, date);
    const freeOnBook = slots.page.getByTestId('slot').filter({ hasText: time });
    await freeOnBook.waitFor(UI_TIMEOUT);

    const callsBefore = board.traffic.calls.length;
    await quickRegister(booker.page, name, '+91 99887 76655');
    const clicked = Date.now();
    const number = await confirmBooking(booker.page);
    const booked = Date.now();

    // The board fetches a newly seen patient's name separately, so the card counts as shown once
    // it carries the name, not only the appointment number.
    const card = column
      .getByTestId('board-appointment')
      .filter({ hasText: number })
      .filter({ hasText: name });
    // docs/product.md §13 asks for a second: that figure is measured by `npm run bench -- --only ui`
    // (ui_propagation_*, click to card, 20 bookings). Here the deadline is 3 s because CI runs
    // nine browser suites at once on two cores, where a second was missed once.
    await expect.poll(() => card.count(), { timeout: LIVE_UPDATE_DEADLINE_MS, interval: 25 }).toBe(1);
    const onBoard = Date.now() - booked;
    await expect.poll(() => freeOnBook.count(), { timeout: LIVE_UPDATE_DEADLINE_MS, interval: 25 }).toBe(0);
    const offSlots = Date.now() - booked;
    console.log(
      `live update: board ${onBoard} ms, free slots ${offSlots} ms after the booking's success ` +
        `(${booked - clicked} ms from the Confirm click to the success view)`,
    );

    expect(await freeOnBoard.count()).toBe(0);

    // What the board asked the hub for the registration and the booking (its own socket's frames):
    // the lists the booking changed, the new patient's name in one batched call, and not the
    // doctors list or any other patient's record, which neither change touched.
    const calls = board.traffic.calls.slice(callsBefore);
    expect(calls).toContain('appointments.list');
    expect(calls).not.toContain('doctors.list');
    expect(calls).not.toContain('patients.get');
    expect(calls.filter((call) => call === 'patients.getMany')).toHaveLength(1);
    // The board's free slots, every column's, in one call for the change.
    expect(calls.filter((call) => call === 'slots.list')).toHaveLength(1);

    // A command from the board's own window refetches what depends on what it wrote (the
    // appointment's rows), not every query on screen (the doctors, the settings, the names).
    await card.click();
    const drawer = board.page.getByTestId('appointment-drawer');
    await drawer.getByRole('button', { name: 'Cancel appointment' }).click();
    const form = board.page.getByRole('form', { name: 'Cancel this appointment?' });
    await form.getByLabel('Reason').fill('Patient called to cancel');
    const beforeCancel = board.traffic.calls.length;
    await form.getByRole('button', { name: 'Cancel appointment' }).click();
    await form.waitFor({ state: 'detached', ...UI_TIMEOUT });
    await column
      .locator('[data-testid="board-appointment"][data-status="CANCELLED"]')
      .filter({ hasText: number })
      .waitFor(UI_TIMEOUT);
    const ownCalls = board.traffic.calls.slice(beforeCancel);
    expect(ownCalls[0]).toBe('appointments.cancel');
    expect(ownCalls).toContain('appointments.list');
    expect(ownCalls).toContain('slots.list');
    for (const unaffected of ['doctors.list', 'settings.get', 'patients.getMany', 'patients.get']) {
      expect(ownCalls).not.toContain(unaffected);
    }
  }, 300_000);

  test('ran without console errors, page errors or CSP violations', ({ booker, board, slots }) => {
    expect([...booker.problems, ...board.problems, ...slots.problems]).toEqual([]);
  });
});
