import { sql } from 'kysely';
import { staffRoles } from '@shared/domain/common.schema';
import type { Bill } from '@shared/domain/billing.schema';
import { insideCancellationWindow } from '@shared/rules/lifecycle';
import { refundableAmount, type PaymentSummary } from '@shared/rules/money';
import type { HandlerContext } from '@server/core/handler';
import { findAppointment } from '@server/repositories/lookups.repository';

export interface RefundLimit {
  /** The most that may still be refunded under the policy, in minor units. */
  cap: number;
  /** Why, in words for the front desk. */
  because: string;
}

/**
 * The clinic's refund policy (docs/product.md §9) for a bill whose appointment was cancelled: in full when
 * the clinic cancelled or the patient cancelled inside the window, otherwise the policy's share.
 * Null when no policy limit applies (not cancelled): staff may refund up to the net amount paid.
 */
export function refundLimit(ctx: HandlerContext, bill: Bill, summary: PaymentSummary): RefundLimit | null {
  if (bill.appointmentId === null) return null;
  const appointment = findAppointment(ctx.db, bill.appointmentId);
  if (!appointment || appointment.status !== 'CANCELLED') return null;
  const cancelled = ctx.db.first(
    ctx.db.q
      .selectFrom('status_transitions')
      .select(['actorRole', 'at'])
      .where('appointmentId', '=', appointment.id)
      .where('to', '=', 'CANCELLED')
      .orderBy(sql`rowid`, 'desc')
      .limit(1),
  );
  if (!cancelled) return null;
  const settings = ctx.settings();
  const cancelledBy = (staffRoles as readonly string[]).includes(cancelled.actorRole) ? 'clinic' : 'patient';
  const inside = insideCancellationWindow(
    appointment.startsAt,
    cancelled.at,
    settings.cancellationWindowMinutes,
  );
  // The policy applies to everything paid; earlier refunds count against it.
  const grossPaid = summary.paid + summary.refunded;
  const allowed = refundableAmount({
    paid: grossPaid,
    cancelledBy,
    insideCancellationWindow: inside,
    policy: settings.refundPolicy,
  });
  const because =
    cancelledBy === 'clinic'
      ? 'the clinic cancelled the appointment'
      : inside
        ? 'the patient cancelled inside the cancellation window'
        : 'the patient cancelled after the cancellation window';
  return { cap: Math.max(0, allowed - summary.refunded), because };
}
