import { randomUUID } from 'node:crypto';
import type { AppointmentStatus } from '@shared/domain/appointment.schema';
import type { MessageValues } from '@shared/rules/message-template';
import { reminderDueMs } from '@shared/rules/reminder-time';
import { findAppointment } from '@server/repositories/lookups.repository';
import type { MessageContext } from './message-writes.repository';
import { clinicValues, visitValues } from './message-params';
import { messageAudience } from './message-recipients';
import {
  insertMessage,
  latestReminders,
  type OutboxRow,
  rewriteMessage,
  skipMessage,
} from './outbox.repository';
import { renderMessage } from './render-message';

/** What this transaction did to the appointment, as far as its reminder cares. */
export interface ReminderChange {
  /** It was booked in this transaction (a null → status transition). */
  booked: boolean;
  /** Its move in this transaction (the latest reschedule record), if it moved. */
  rescheduleId: string | null;
  /** Why a withdrawn reminder is withdrawn, when the appointment left the active statuses. */
  withdrawnBecause: string | null;
}

const ACTIVE = new Set<AppointmentStatus>(['REQUESTED', 'CONFIRMED']);

const withdrawnReasons: Record<string, string> = {
  CANCELLED: 'withdrawn: appointment cancelled',
  NO_SHOW: 'withdrawn: marked no-show',
  CHECKED_IN: 'withdrawn: the patient checked in',
  COMPLETED: 'withdrawn: the visit is completed',
};

/**
 * Keeps an appointment's reminder (one per channel) in step with it, in the transaction that
 * changed it (docs/product.md §10):
 * - active (REQUESTED / CONFIRMED) with its due time ahead: pending at the due time, its text
 *   made again with the new time when the appointment moved;
 * - no longer active: a pending reminder becomes skipped, saying why;
 * - booked after the due time: skipped, 'booked after the reminder time';
 * - moved after its reminder was sent (or failed): a new reminder for the new time, keyed
 *   `reminder:<appointmentId>:<rescheduleRecordId>:<channel>`.
 * Walk-ins get none. Rows already attempted by the delivery worker are never rewritten.
 */
export function reconcileReminder(ctx: MessageContext, appointmentId: string, change: ReminderChange): void {
  const appointment = findAppointment(ctx.db, appointmentId);
  if (!appointment || appointment.bookedVia === 'walk_in') return;
  const existing = latestReminders(ctx.db, appointment.id);
  const active = ACTIVE.has(appointment.status);
  const withdrawn =
    change.withdrawnBecause ??
    withdrawnReasons[appointment.status] ??
    'withdrawn: appointment no longer active';
  if (!active) {
    // Checked in, completed, cancelled, no-show: a reminder still waiting is withdrawn; nothing else.
    for (const latest of existing.values()) {
      if (latest.state === 'pending' && latest.attempts === 0)
        skipMessage(ctx.db, latest.id, withdrawn, ctx.now);
    }
    return;
  }
  const settings = ctx.settings();
  const nowMs = Date.parse(ctx.now);
  const startMs = Date.parse(appointment.startsAt);
  const dueMs = reminderDueMs(settings.reminder, startMs, settings.timeZone);
  const audience = messageAudience(ctx.db, appointment.patientId, 'reminder');
  if (!audience) return;
  const values: MessageValues = {
    patientName: audience.patientName,
    ...clinicValues(settings),
    ...visitValues(ctx.db, settings, appointment),
  };
  for (const to of audience.recipients) {
    const text = renderMessage(ctx.db, 'reminder', to.channel, audience.language, values);
    const wanted = {
      recipient: to.recipient,
      language: audience.language,
      params: values,
      ...text,
      state: to.skipped ? ('skipped' as const) : ('pending' as const),
      reason: to.skipped,
      dueMs,
      now: ctx.now,
    };
    const latest = existing.get(to.channel) ?? null;
    const rewritable =
      latest !== null &&
      latest.attempts === 0 &&
      (latest.state === 'skipped' || (latest.state === 'pending' && !(latest.leaseUntilMs! > nowMs)));

    if (!latest || (!rewritable && change.rescheduleId && movedSince(latest, values))) {
      if (startMs <= nowMs) continue;
      const late = dueMs <= nowMs;
      // Only a new booking says why it has no reminder; a move into the last hours just has none.
      if (late && !change.booked) continue;
      const key = latest
        ? `reminder:${appointment.id}:${change.rescheduleId}:${to.channel}`
        : `reminder:${appointment.id}:${to.channel}`;
      // Never due now (a late one is skipped): nothing to wake the delivery worker for.
      insertMessage(ctx.db, {
        ...wanted,
        id: randomUUID(),
        dedupeKey: key,
        patientId: appointment.patientId,
        kind: 'reminder',
        channel: to.channel,
        about: { entity: 'appointments', id: appointment.id },
        attachment: null,
        ...(late ? { state: 'skipped' as const, reason: 'booked after the reminder time' } : {}),
      });
      continue;
    }
    if (!rewritable) continue;
    if (dueMs <= nowMs) {
      // Its time has come (or it moved into the last hours): a pending one for the old time must not go.
      if (latest.state === 'pending' && movedSince(latest, values)) {
        skipMessage(ctx.db, latest.id, 'the appointment moved after its reminder time', ctx.now);
      }
      continue;
    }
    if (differs(latest, wanted)) rewriteMessage(ctx.db, latest.id, wanted);
  }
}

/** Whether the visit's time, date or doctor differ from what the reminder says. */
function movedSince(row: OutboxRow, values: MessageValues): boolean {
  const before = JSON.parse(row.params) as MessageValues;
  return before.date !== values.date || before.time !== values.time || before.doctor !== values.doctor;
}

function differs(
  row: OutboxRow,
  wanted: {
    recipient: string;
    body: string;
    subject: string;
    state: string;
    reason: string | null;
    dueMs: number;
  },
): boolean {
  return (
    row.recipient !== wanted.recipient ||
    row.body !== wanted.body ||
    row.subject !== wanted.subject ||
    row.state !== wanted.state ||
    row.reason !== wanted.reason ||
    row.dueMs !== wanted.dueMs
  );
}

/**
 * The clinic changed its reminder rule: every upcoming active appointment's reminder not yet
 * attempted follows the new rule (one already sent stays sent).
 */
export function reconcileUpcomingReminders(ctx: MessageContext): void {
  const upcoming = ctx.db.all(
    ctx.db.q
      .selectFrom('appointments')
      .select('id')
      .where('status', 'in', [...ACTIVE])
      .where('startMs', '>', Date.parse(ctx.now))
      .where('bookedVia', '!=', 'walk_in'),
  );
  for (const { id } of upcoming) {
    reconcileReminder(ctx, id, { booked: false, rescheduleId: null, withdrawnBecause: null });
  }
}

/**
 * A patient's phone, e-mail, language or channel choices changed: the reminders of their upcoming
 * appointments not yet attempted are written again (new address, language, or skipped / armed).
 */
export function reconcilePatientReminders(ctx: MessageContext, patientId: string): void {
  const upcoming = ctx.db.all(
    ctx.db.q
      .selectFrom('appointments')
      .select('id')
      .where('patientId', '=', patientId)
      .where('status', 'in', [...ACTIVE])
      .where('startMs', '>', Date.parse(ctx.now)),
  );
  for (const { id } of upcoming) {
    reconcileReminder(ctx, id, { booked: false, rescheduleId: null, withdrawnBecause: null });
  }
}
