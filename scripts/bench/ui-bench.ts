import { launchBrowser, openApp } from '@renderer/testing/browser';
import { repoRoot, startDemoHub } from '@renderer/testing/demo-hub';
import { signInAs } from '@renderer/testing/sign-in';
import {
  chooseFirstSlot,
  confirmBooking,
  openBookingWithFreeSlot,
  quickRegister,
  showBoardFor,
  uniqueName,
} from '@renderer/testing/booking-steps';
import { buildRenderer, rendererBuildIsStale } from '../renderer-build';
import { percentile } from './bench-hub';

const BOOKINGS = 20;

/**
 * In the board's page: resolves with the wall-clock time at which a card naming the patient
 * appears (a MutationObserver, so no polling interval is added). A string, not a function:
 * tsx's name helpers would not survive serialization into the page.
 */
const watchBoardFor = (name: string) => `
  window.__cardShownAt = new Promise((resolve) => {
    const shown = () => [...document.querySelectorAll('[data-testid="board-appointment"]')]
      .some((card) => (card.textContent || '').includes(${JSON.stringify(name)}));
    const observer = new MutationObserver(() => {
      if (shown()) { observer.disconnect(); resolve(Date.now()); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  undefined; // evaluate() would otherwise wait for the promise
`;

/**
 * docs/product.md §13 "within a second", measured as a user sees it: two receptionists' browser sessions
 * on the demo hub in real Chromium; one books through the UI, the other watches the Today
 * board. Propagation runs from the Confirm click to the card, with the patient's name, on the
 * other screen; the same-run baseline is the booker's own click → "booked" view.
 */
export async function uiPropagation(figures: Record<string, number>): Promise<void> {
  if (rendererBuildIsStale(repoRoot)) buildRenderer(repoRoot);
  const hub = await startDemoHub();
  const browser = await launchBrowser();
  try {
    const [booker, board] = [await openApp(browser, hub.url), await openApp(browser, hub.url)];
    await signInAs(booker.page, 'receptionist');
    await signInAs(board.page, 'receptionist');
    const propagation: number[] = [];
    const roundTrip: number[] = [];
    let boardDate = '';
    // The board's hub calls and pokes while it only watches (not while it changes dates).
    let watchedCalls = 0;
    let watchedPokes = 0;
    const { traffic } = board;
    const pokes = () => traffic.pushes.filter((name) => name === 'sync.poke').length;
    let since = { calls: traffic.calls.length, pokes: pokes() };
    const tally = () => {
      watchedCalls += traffic.calls.length - since.calls;
      watchedPokes += pokes() - since.pokes;
      since = { calls: traffic.calls.length, pokes: pokes() };
    };
    for (let i = 0; i < BOOKINGS; i++) {
      const { date } = await openBookingWithFreeSlot(booker.page);
      await chooseFirstSlot(booker.page);
      if (date !== boardDate) {
        tally();
        await showBoardFor(board.page, date);
        since = { calls: traffic.calls.length, pokes: pokes() };
        boardDate = date;
      }
      const name = uniqueName('Bench');
      await quickRegister(booker.page, name, `+91 98${String(10_000_000 + i).slice(0, 8)}`);
      await board.page.evaluate(watchBoardFor(name));
      const clicked = Date.now();
      await confirmBooking(booker.page);
      roundTrip.push(Date.now() - clicked);
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const shownAt = (await Promise.race([
        board.page.evaluate('window.__cardShownAt'),
        new Promise((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error(`${name} did not reach the other board in 10 s`)),
            10_000,
          );
        }),
      ]).finally(() => clearTimeout(timeout))) as number;
      propagation.push(shownAt - clicked);
    }
    tally();
    figures.ui_propagation_p50_ms = percentile(propagation, 50);
    figures.ui_propagation_p99_ms = percentile(propagation, 99);
    // Per change pushed to the watching board (each booking here is two: a registration, a booking).
    figures.ui_hub_calls_per_change = Number((watchedCalls / Math.max(1, watchedPokes)).toFixed(1));
    figures.ui_propagation_max_ms = Math.max(...propagation);
    figures.ui_booking_roundtrip_p50_ms = percentile(roundTrip, 50);
    figures.ui_propagation_vs_roundtrip_p50 = Number(
      (figures.ui_propagation_p50_ms / figures.ui_booking_roundtrip_p50_ms).toFixed(2),
    );
    const problems = [...booker.problems, ...board.problems];
    if (problems.length > 0) throw new Error(`the pages reported problems: ${problems.join('; ')}`);
  } finally {
    await browser.close();
    await hub.stop();
  }
}
