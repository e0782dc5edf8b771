import type { AuthorClock } from '@shared/domain/consultation.schema';

/**
 * When the author made a change, as a desktop's sync push claims it: the mutation's device time
 * (`createdAt`) plus the clock offset the hub measured at that connection's hello.
 */
export interface AuthorClaim {
  /** The device time corrected by `offsetMs` (as sent when no offset was measured). */
  at: string;
  /** Hub clock minus device clock, measured at the connection's hello; null: the desktop sent no clock. */
  offsetMs: number | null;
  /** When that hello was answered (hub time); null on a desktop's own replica. */
  helloAt: string | null;
  /** Run on a desktop's replica: the hub has not received it yet. */
  local?: boolean;
}

/** Disagreement forgiven without a flag: network latency and the drift of a PC clock over a day. */
export const CLOCK_SLACK_MS = 2 * 60_000;
/** A desktop clock off by more than this is still corrected, but its times are flagged. */
export const MAX_TRUSTED_OFFSET_MS = 60 * 60_000;
/**
 * A claim this much older than its receipt, with no hub-known lower bound, is flagged: the offset
 * is measured at the reconnecting hello, so a clock set back while offline and put right before
 * reconnecting goes unseen. Half a day lets a clinic work through an outage of a morning or a whole
 * session unflagged, and catches the usual wrong clock, a wrong date (a day or more off).
 */
export const UNANCHORED_GAP_MS = 12 * 60 * 60_000;

export interface AuthorTime {
  /** The author's time, within bounds. */
  at: string;
  /** When the hub received the change (null on a desktop before it has). */
  receivedAt: string | null;
  clock: AuthorClock;
}

/** Times a change must follow (null entries: not known). */
export interface AuthorTimeBounds {
  /** Hub times the hub knows independently of the author's clock (see `seenBeforeHello`). */
  hubKnown?: readonly (string | null)[];
  /** Other times it must follow, themselves from an author's clock (an addendum: its signature's). */
  after?: readonly (string | null)[];
}

const known = (times: readonly (string | null)[] = []) =>
  times.filter((t): t is string => t !== null).map((t) => Date.parse(t));

/**
 * The time a signature or an addendum carries (medico-legal, docs/product.md §8): the author's, not the
 * moment a change made offline happened to reach the hub. Bounded, because a PC clock can be
 * wrong or changed: never after the hub received it, never before `bounds`. A time moved more
 * than CLOCK_SLACK_MS by a bound, a clock off by more than MAX_TRUSTED_OFFSET_MS, an offset never
 * measured, or a claim more than UNANCHORED_GAP_MS before its receipt with no hub-known bound is
 * 'flagged'. A change made on the hub directly (no claim) carries the hub's time.
 */
export function authorTime(
  ctx: { now: string; authorClaim?: AuthorClaim | undefined },
  bounds: AuthorTimeBounds = {},
): AuthorTime {
  const claim = ctx.authorClaim;
  if (!claim) return { at: ctx.now, receivedAt: ctx.now, clock: 'hub' };
  const received = Date.parse(ctx.now);
  const hubKnown = known(bounds.hubKnown);
  const floor = Math.min(received, Math.max(-Infinity, ...hubKnown, ...known(bounds.after)));
  let at = Date.parse(claim.at);
  let trusted = claim.offsetMs !== null && Math.abs(claim.offsetMs) <= MAX_TRUSTED_OFFSET_MS;
  if (!claim.local && hubKnown.length === 0 && received - at > UNANCHORED_GAP_MS) trusted = false;
  if (at > received) {
    if (at - received > CLOCK_SLACK_MS) trusted = false;
    at = received;
  }
  if (at < floor) {
    if (floor - at > CLOCK_SLACK_MS) trusted = false;
    at = floor;
  }
  return {
    at: new Date(at).toISOString(),
    receivedAt: claim.local ? null : ctx.now,
    clock: trusted ? 'device' : 'flagged',
  };
}

/**
 * `at` if the hub held it before the author's connection said hello (so the author's desktop
 * learned of it from the hub, or had pushed it, before acting), else null: a hub-known bound for
 * `authorTime`. A row first received in the same push carries the hub's receipt, which may be
 * later than the author acted, so it bounds nothing; nor does one stamped the hello's very
 * millisecond (strictly before: a bound left out loses nothing, a wrong one moves the time).
 */
export function seenBeforeHello(claim: AuthorClaim | undefined, at: string | null): string | null {
  if (!claim?.helloAt || !at) return null;
  return Date.parse(at) < Date.parse(claim.helloAt) ? at : null;
}

/** The claim of a pushed mutation: its device time corrected by the connection's measured offset. */
export function claimOf(createdAt: string, clock: { offsetMs: number; helloAt: string } | null): AuthorClaim {
  return {
    at: new Date(Date.parse(createdAt) + (clock?.offsetMs ?? 0)).toISOString(),
    offsetMs: clock?.offsetMs ?? null,
    helloAt: clock?.helloAt ?? null,
  };
}
