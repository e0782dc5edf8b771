import { launchBrowser, openApp } from '@renderer/testing/browser';
import { repoRoot, startDemoHub } from '@renderer/testing/demo-hub';
import type { HubTraffic } from '@renderer/testing/hub-traffic';
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
 * In the booker's page: the wall-clock time of the click event on "Confirm booking" (the user's
 * click; the test driver spends a while finding and checking the button before it clicks).
 */
const WATCH_CONFIRM_CLICK = `
  window.__confirmClickedAt = new Promise((resolve) => {
    const onClick = (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (!button || !(button.textContent || '').includes('Confirm booking')) return;
      document.removeEventListener('click', onClick, true);
      resolve(Date.now());
    };
    document.addEventListener('click', onClick, true);
  });
  undefined;
`;

/**
 * Where one booking's propagation went, from the two pages' socket frames (stamped as this
 * process saw them): the booker's click to its `appointments.book` leaving, that call's time at
 * the hub, its reply to the board hearing the poke, the board's refetch (poke to the last reply
 * before the card showed), and that reply to the card on screen.
 */
interface Stages {
  /** Before the click: Playwright finding the button and checking it can be clicked (not the app). */
  driver_click?: number;
  click_to_call: number;
  book_call: number;
  reply_to_poke: number;
  /** The board's wait before it asks (the scheduler's settle, or its gap after the last run). */
  poke_to_call: number;
  poke_to_refetched: number;
  refetched_to_card: number;
}

function stagesOf(booker: HubTraffic, board: HubTraffic, clicked: number, shownAt: number): Stages {
  const after = (t: HubTraffic, kind: string, name: string | null, from: number) =>
    t.timeline.find((e) => e.at >= from && e.kind === kind && (name === null || e.name === name))?.at ??
    Number.NaN;
  const call = after(booker, 'call', 'appointments.book', clicked);
  const reply = after(booker, 'reply', 'appointments.book', call);
  const poke = after(board, 'push', 'sync.poke', call);
  const refetched =
    board.timeline.filter((e) => e.kind === 'reply' && e.at >= poke && e.at <= shownAt).at(-1)?.at ??
    Number.NaN;
  return {
    click_to_call: call - clicked,
    book_call: reply - call,
    reply_to_poke: poke - reply,
    poke_to_call: after(board, 'call', null, poke) - poke,
    poke_to_refetched: refetched - poke,
    refetched_to_card: shownAt - refetched,
  };
}

/**
 * docs/product.md §13 "within a second", measured as a user sees it: two receptionists' browser sessions
 * on the demo hub in real Chromium; one books through the UI, the other watches the Today
 * board. Propagation runs from the Confirm click (the click event in the booker's page) to the
 * card, with the patient's name, on the other screen; `ui_propagation_driver_*` also counts the
 * driver's time before its click. The same-run baseline is the booker's own click → "booked"
 * view, from before the driver's click.
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
    const stages: Stages[] = [];
    const fromDriver: number[] = []; // from before the driver's click (the figure until 2026-12-07)
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
      await booker.page.evaluate(WATCH_CONFIRM_CLICK);
      const driverClicked = Date.now();
      await confirmBooking(booker.page);
      roundTrip.push(Date.now() - driverClicked);
      const clicked = await booker.page.evaluate<number>('window.__confirmClickedAt');
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
      fromDriver.push(shownAt - driverClicked);
      stages.push({
        driver_click: clicked - driverClicked,
        ...stagesOf(booker.traffic, board.traffic, clicked, shownAt),
      });
    }
    tally();
    figures.ui_propagation_p50_ms = percentile(propagation, 50);
    figures.ui_propagation_p99_ms = percentile(propagation, 99);
    // Per change pushed to the watching board (each booking here is two: a registration, a booking).
    figures.ui_hub_calls_per_change = Number((watchedCalls / Math.max(1, watchedPokes)).toFixed(1));
    figures.ui_propagation_max_ms = Math.max(...propagation);
    for (const stage of Object.keys(stages[0] ?? {}) as (keyof Stages)[]) {
      const samples = stages.map((s) => s[stage] ?? Number.NaN).filter((ms) => Number.isFinite(ms));
      if (samples.length > 0) figures[`ui_stage_${stage}_p50_ms`] = percentile(samples, 50);
    }
    figures.ui_booking_roundtrip_p50_ms = percentile(roundTrip, 50);
    figures.ui_propagation_driver_p50_ms = percentile(fromDriver, 50);
    figures.ui_propagation_driver_p99_ms = percentile(fromDriver, 99);
    // Both measured from before the driver's click, as until 2026-12-07.
    figures.ui_propagation_vs_roundtrip_p50 = Number(
      (figures.ui_propagation_driver_p50_ms / figures.ui_booking_roundtrip_p50_ms).toFixed(2),
    );
    const problems = [...booker.problems, ...board.problems];
    if (problems.length > 0) throw new Error(`the pages reported problems: ${problems.join('; ')}`);
  } finally {
    await browser.close();
    await hub.stop();
  }
}
