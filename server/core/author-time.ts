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

export interface AuthorTime {
  /** The author's time, within bounds. */
  at: string;
  /** When the hub received the change (null on a desktop before it has). */
  receivedAt: string | null;
  clock: AuthorClock;
}

/**
 * The time a signature or an addendum carries (medico-legal, SPEC §8): the author's, not the
 * moment a change made offline happened to reach the hub. Bounded, because a PC clock can be
 * wrong or changed: never after the hub received it, never before `floors` (hub times of the
 * record's earlier events the author must have seen). A time moved more than CLOCK_SLACK_MS by a
 * bound, a clock off by more than MAX_TRUSTED_OFFSET_MS, or an offset never measured is 'flagged'.
 * A change made on the hub directly (no claim) carries the hub's time.
 */
export function authorTime(
  ctx: { now: string; authorClaim?: AuthorClaim | undefined },
  floors: readonly (string | null)[] = [],
): AuthorTime {
  const claim = ctx.authorClaim;
  if (!claim) return { at: ctx.now, receivedAt: ctx.now, clock: 'hub' };
  const received = Date.parse(ctx.now);
  const floor = Math.min(received, Math.max(...floors.map((f) => (f ? Date.parse(f) : -Infinity))));
  let at = Date.parse(claim.at);
  let trusted = claim.offsetMs !== null && Math.abs(claim.offsetMs) <= MAX_TRUSTED_OFFSET_MS;
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
 * could have acted on it only after it), else null: a usable floor for `authorTime`.
 */
export function seenBeforeHello(claim: AuthorClaim | undefined, at: string | null): string | null {
  if (!claim?.helloAt || !at) return null;
  return Date.parse(at) <= Date.parse(claim.helloAt) ? at : null;
}

/** The claim of a pushed mutation: its device time corrected by the connection's measured offset. */
export function claimOf(createdAt: string, clock: { offsetMs: number; helloAt: string } | null): AuthorClaim {
  return {
    at: new Date(Date.parse(createdAt) + (clock?.offsetMs ?? 0)).toISOString(),
    offsetMs: clock?.offsetMs ?? null,
    helloAt: clock?.helloAt ?? null,
  };
}
