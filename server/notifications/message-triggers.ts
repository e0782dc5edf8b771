import type { Selectable } from 'kysely';
import type { SyncedEntity } from '@shared/contract/sync.contract';
import type { Database } from '@server/db/schema';
import { type ParameterOf, type PreparedQuery, preparedQuery } from '@server/db/prepared-query';
import { findAppointment } from '@server/repositories/lookups.repository';
import type { NotificationChannel } from '@shared/domain/notification.schema';
import { previousValues, paymentValues, prescriptionValues, visitValues } from './message-params';
import { type MessageContext, writeMessages } from './message-writes.repository';
import { hasMessageWithKeyPrefix } from './outbox.repository';
import { reconcilePatientReminders, reconcileReminder, reconcileUpcomingReminders } from './reminders';
import { planTurnNear } from './turn-near';

export interface ChangedRow {
  entity: SyncedEntity;
  entityId: string;
  op: 'upsert' | 'delete';
}

type Transition = {
  id: string;
  appointmentId: string;
  from: string | null;
  to: string;
  actorRole: string;
  reason: string | null;
  undoOf: string | null;
};

const ACTIVE = new Set(['REQUESTED', 'CONFIRMED']);

/**
 * The messages a committed-to-be transaction causes, planned from the rows it changed (the
 * dispatcher's change list), in that same transaction (docs/product.md §10):
 * - a booking (null → CONFIRMED / REQUESTED): booking_confirmation / booking_requested, unless a
 *   walk-in or already started;
 * - REQUESTED → CONFIRMED by the clinic: booking_confirmed; REQUESTED → CANCELLED by the clinic:
 *   booking_declined; other → CANCELLED by the clinic: cancellation (a patient's own: none);
 *   an undo of a clinic cancellation the patient was told of: booking_confirmed;
 * - a move by the clinic (reschedule, approved request, a doctor's leave): schedule_change;
 * - a consultation signed with at least one prescription item: prescription_ready;
 * - a payment or refund: payment_receipt / refund_receipt;
 * - every changed appointment: its reminder reconciled (reminders.ts); a change of the clinic's
 *   settings: every upcoming reminder follows the (possibly new) rule; a changed patient: their
 *   upcoming reminders follow their new address, language and channel choices (and a new app
 *   account: the in-app channel).
 * `quiet` (the operation asked not to tell patients): reminders are kept in step, nothing else is sent.
 */
export function planMessages(
  ctx: MessageContext,
  changes: Iterable<ChangedRow>,
  options: { quiet?: boolean } = {},
): void {
  const byEntity = new Map<string, string[]>();
  for (const change of changes) {
    if (change.op !== 'upsert') continue;
    byEntity.set(change.entity, [...(byEntity.get(change.entity) ?? []), change.entityId]);
  }
  const ids = (entity: SyncedEntity) => byEntity.get(entity) ?? [];
  const booked = new Set<string>();
  const withdrawn = new Map<string, string>();
  const moved = new Map<string, string>();

  for (const transition of rowsById(ctx, 'status_transitions', ids('status_transitions')) as Transition[]) {
    if (transition.from === null) booked.add(transition.appointmentId);
    if (
      transition.to === 'CANCELLED' &&
      transition.from === 'REQUESTED' &&
      transition.actorRole !== 'patient'
    ) {
      withdrawn.set(transition.appointmentId, 'withdrawn: booking declined');
    }
    if (!options.quiet) planTransition(ctx, transition);
  }
  for (const record of rowsById(ctx, 'reschedule_records', ids('reschedule_records'))) {
    moved.set(record.appointmentId, record.id);
    if (!options.quiet) planMove(ctx, record);
  }
  for (const consultation of rowsById(ctx, 'consultations', ids('consultations'))) {
    if (consultation.status !== 'finalized') continue;
    if ((JSON.parse(consultation.prescription) as unknown[]).length === 0) continue;
    writeMessages(ctx, {
      kind: 'prescription_ready',
      patientId: consultation.patientId,
      about: { entity: 'consultations', id: consultation.id },
      key: (channel) => `prescription:${consultation.id}:${channel}`,
      values: prescriptionValues(ctx.db, ctx.settings(), consultation),
    });
  }
  for (const payment of rowsById(ctx, 'payments', ids('payments'))) {
    const { patientId, ...values } = paymentValues(ctx.db, ctx.settings(), payment);
    writeMessages(ctx, {
      kind: payment.kind === 'refund' ? 'refund_receipt' : 'payment_receipt',
      patientId,
      about: { entity: 'payments', id: payment.id },
      key: (channel) => `payment:${payment.id}:${channel}`,
      values,
    });
  }
  if (!options.quiet) planTurnNear(ctx, ids('queue_entries'));
  if (ids('settings').length > 0) reconcileUpcomingReminders(ctx);
  const patients = new Set(ids('patients'));
  // A patient's new (or re-enabled) app account: their upcoming reminders gain the in-app channel.
  for (const userId of ids('users')) {
    const patientId = userPatient.first(ctx.db, { id: userId })?.patientId;
    if (patientId) patients.add(patientId);
  }
  for (const patientId of patients) reconcilePatientReminders(ctx, patientId);
  for (const appointmentId of new Set(ids('appointments'))) {
    reconcileReminder(ctx, appointmentId, {
      booked: booked.has(appointmentId),
      rescheduleId: moved.get(appointmentId) ?? null,
      withdrawnBecause: withdrawn.get(appointmentId) ?? null,
    });
  }
}

function planTransition(ctx: MessageContext, transition: Transition): void {
  const appointment = findAppointment(ctx.db, transition.appointmentId);
  if (!appointment) return;
  const byClinic = transition.actorRole !== 'patient';
  const send = (kind: Parameters<typeof writeMessages>[1]['kind'], key: (c: NotificationChannel) => string) =>
    writeMessages(ctx, {
      kind,
      patientId: appointment.patientId,
      about: { entity: 'appointments', id: appointment.id },
      key,
      values: { ...visitValues(ctx.db, ctx.settings(), appointment), reason: transition.reason ?? '' },
    });

  if (transition.from === null) {
    if (appointment.bookedVia === 'walk_in' || Date.parse(appointment.startsAt) <= Date.parse(ctx.now))
      return;
    const kind = transition.to === 'REQUESTED' ? 'booking_requested' : 'booking_confirmation';
    send(kind, (channel) => `booking:${appointment.id}:${channel}`);
    return;
  }
  if (transition.undoOf) {
    // Undoing a clinic cancellation the patient was told of: tell them it stands again.
    if (ACTIVE.has(transition.to) && transition.from === 'CANCELLED') {
      const told =
        hasMessageWithKeyPrefix(ctx.db, `cancelled:${transition.undoOf}:`) ||
        hasMessageWithKeyPrefix(ctx.db, `declined:${transition.undoOf}:`);
      if (told) send('booking_confirmed', (channel) => `confirmed:${transition.id}:${channel}`);
    }
    return;
  }
  if (!byClinic) return;
  if (transition.from === 'REQUESTED' && transition.to === 'CONFIRMED') {
    send('booking_confirmed', (channel) => `confirmed:${transition.id}:${channel}`);
  } else if (transition.from === 'REQUESTED' && transition.to === 'CANCELLED') {
    send('booking_declined', (channel) => `declined:${transition.id}:${channel}`);
  } else if (transition.to === 'CANCELLED') {
    send('cancellation', (channel) => `cancelled:${transition.id}:${channel}`);
  }
}

function planMove(
  ctx: MessageContext,
  record: { id: string; appointmentId: string; oldStartsAt: string; changedBy: string; reason: string },
): void {
  const mover = userRole.first(ctx.db, { id: record.changedBy });
  // A patient who moved their own appointment knows; the clinic's moves are told.
  if (mover?.role === 'patient') return;
  const appointment = findAppointment(ctx.db, record.appointmentId);
  if (!appointment) return;
  const settings = ctx.settings();
  writeMessages(ctx, {
    kind: 'schedule_change',
    patientId: appointment.patientId,
    about: { entity: 'appointments', id: appointment.id },
    key: (channel) => `moved:${record.id}:${channel}`,
    values: {
      ...visitValues(ctx.db, settings, appointment),
      ...previousValues(settings, record.oldStartsAt),
      reason: record.reason,
    },
  });
}

type PlannedTable = 'status_transitions' | 'reschedule_records' | 'consultations' | 'payments';

// Built once per table: every booking, visit and payment looks its new rows up here.
const byId = {
  status_transitions: preparedQuery((q, p: ParameterOf<{ id: string }>) =>
    q.selectFrom('status_transitions').selectAll().where('id', '=', p('id')),
  ),
  reschedule_records: preparedQuery((q, p: ParameterOf<{ id: string }>) =>
    q.selectFrom('reschedule_records').selectAll().where('id', '=', p('id')),
  ),
  consultations: preparedQuery((q, p: ParameterOf<{ id: string }>) =>
    q.selectFrom('consultations').selectAll().where('id', '=', p('id')),
  ),
  payments: preparedQuery((q, p: ParameterOf<{ id: string }>) =>
    q.selectFrom('payments').selectAll().where('id', '=', p('id')),
  ),
};

/** The rows of a table this transaction changed (one missing, e.g. rolled back by a savepoint, is left out). */
function rowsById<T extends PlannedTable>(
  ctx: MessageContext,
  table: T,
  ids: string[],
): Selectable<Database[T]>[] {
  const lookup = byId[table] as unknown as PreparedQuery<{ id: string }, Selectable<Database[T]>>;
  return ids.flatMap((id) => lookup.first(ctx.db, { id }) ?? []);
}

const userPatient = preparedQuery((q, p: ParameterOf<{ id: string }>) =>
  q.selectFrom('users').select('patientId').where('id', '=', p('id')),
);
const userRole = preparedQuery((q, p: ParameterOf<{ id: string }>) =>
  q.selectFrom('users').select('role').where('id', '=', p('id')),
);
