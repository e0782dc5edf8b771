import type { Consultation } from '@shared/domain/consultation.schema';
import { type AuthorTimeBounds, seenBeforeHello } from '@server/core/author-time';
import type { HandlerContext } from '@server/core/handler';
import { getAppointment } from '@server/repositories/lookups.repository';

/**
 * How long before its booked start a visit may plausibly be seen when nothing else says when the
 * patient came: an early arrival, not another day (a visit on another day is rebooked). A clock
 * set back a day lands before it.
 */
export const EARLY_VISIT_MS = 12 * 60 * 60_000;

/**
 * What a signature of this record must follow, by the hub's clock (server/core/author-time.ts):
 * the draft and the visit's first check-in, when the hub held them before the author's
 * connection said hello; without such a check-in, the booked start less EARLY_VISIT_MS when the
 * appointment was on the hub by then (a walk-in pushed in the same push takes its time from the
 * hub's receipt, so it bounds nothing). A known check-in is better evidence than the booking: a
 * patient may come hours early.
 */
export function signatureBounds(ctx: HandlerContext, consultation: Consultation): AuthorTimeBounds {
  const claim = ctx.authorClaim;
  if (!claim?.helloAt) return {};
  const checkIns = ctx.db
    .all(
      ctx.db.q
        .selectFrom('status_transitions')
        .select('at')
        .where('appointmentId', '=', consultation.appointmentId)
        .where('to', '=', 'CHECKED_IN'),
    )
    .map((t) => seenBeforeHello(claim, t.at))
    .filter((at): at is string => at !== null)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const checkedIn = checkIns[0] ?? null;
  let booked: string | null = null;
  if (!checkedIn) {
    const appointment = getAppointment(ctx.db, consultation.appointmentId);
    if (seenBeforeHello(claim, appointment.createdAt)) {
      booked = new Date(Date.parse(appointment.startsAt) - EARLY_VISIT_MS).toISOString();
    }
  }
  return { hubKnown: [seenBeforeHello(claim, consultation.createdAt), checkedIn, booked] };
}

/**
 * What an addendum must follow: its signature (by whatever clock signed it), and, by the hub's
 * clock, the signature's receipt when the hub held it before the author's hello (records signed
 * before receipt times were kept have the hub's time as `signedAt`).
 */
export function addendumBounds(ctx: HandlerContext, consultation: Consultation): AuthorTimeBounds {
  const signatureAtHub = consultation.signatureReceivedAt ?? consultation.signedAt;
  return {
    hubKnown: [seenBeforeHello(ctx.authorClaim, signatureAtHub)],
    after: [consultation.signedAt],
  };
}
