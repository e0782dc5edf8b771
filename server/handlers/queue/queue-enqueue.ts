import type { Appointment } from '@shared/domain/appointment.schema';
import type { QueueEntry } from '@shared/domain/queue.schema';
import { failure } from '@shared/contract/errors';
import { checkTransition } from '@shared/rules/lifecycle';
import { displayInitials } from '@shared/rules/patient-identity';
import { clinicDate } from '@shared/rules/zoned-time';
import type { HandlerContext } from '@server/core/handler';
import { changeStatus } from '@server/repositories/appointment-status.repository';
import { getDoctor, getPatient } from '@server/repositories/lookups.repository';
import { requireActor } from '@server/repositories/ownership';
import { endPosition, positionAt } from './queue-positions';
import {
  type DayEntry,
  dayEntries,
  findEntryByAppointment,
  orderDay,
  queueChanged,
  updateEntry,
} from './queue.repository';

type QueuePriority = QueueEntry['priority'];

/**
 * 'end': by check-in time, after everyone checked in so far. 'between_scheduled': a walk-in
 * without a slot, after every waiting patient whose time has come (or who walked in too) and
 * ahead of those who came early for a later time, so nobody who arrived on time is delayed.
 */
export type Placement = 'end' | 'between_scheduled';

function betweenScheduledPosition(
  ctx: HandlerContext,
  day: readonly DayEntry[],
  priority: QueuePriority,
  tokenNumber: number,
): number {
  const sameClass = orderDay(day).waiting.filter((d) => d.entry.priority === priority);
  if (sameClass.length === 0) return endPosition(day, tokenNumber);
  const now = Date.parse(ctx.now);
  const lastOnTime = sameClass.findLastIndex((d) => d.slotless || d.startMs <= now);
  return positionAt(
    ctx,
    sameClass.map((d) => d.entry),
    lastOnTime + 1,
  );
}

/** Checks an appointment in (REQUESTED/CONFIRMED, today) and queues it with a token. */
export function checkInAppointment(
  ctx: HandlerContext,
  appointment: Appointment,
  priority: QueuePriority,
  placement: Placement,
): QueueEntry {
  const existing = findEntryByAppointment(ctx.db, appointment.id);
  if (existing && appointment.status === 'CHECKED_IN') {
    throw failure('CONFLICT', `This patient is already checked in (token ${existing.token}).`);
  }
  const settings = ctx.settings();
  const check = checkTransition({
    action: 'checkIn',
    status: appointment.status,
    startsAt: appointment.startsAt,
    role: requireActor(ctx).role,
    now: ctx.now,
    zone: settings.timeZone,
    cancellationWindowMinutes: settings.cancellationWindowMinutes,
  });
  if (!check.ok) throw failure(check.code, check.message);
  changeStatus(ctx, 'queue.checkIn', appointment, 'CHECKED_IN', null);

  const date = clinicDate(ctx.now, settings.timeZone);
  const day = dayEntries(ctx.db, appointment.doctorId, date);
  if (existing) {
    // Checked in again after an undone check-in: same token, back in line by the new check-in time.
    const others = day.filter((d) => d.entry.id !== existing.id);
    return updateEntry(ctx, existing, {
      state: 'waiting',
      priority,
      checkedInAt: ctx.now,
      position: endPosition(others, existing.tokenNumber),
      calledAt: null,
      consultationStartedAt: null,
      finishedAt: null,
    });
  }
  const doctor = getDoctor(ctx.db, appointment.doctorId);
  const patient = getPatient(ctx.db, appointment.patientId);
  const tokenNumber = ctx.hub.nextCounter(`token:${doctor.id}:${date}`);
  const entry: QueueEntry = {
    id: ctx.newId(),
    appointmentId: appointment.id,
    doctorId: doctor.id,
    patientId: patient.id,
    clinicDate: date,
    token: `${doctor.tokenPrefix}-${String(tokenNumber).padStart(3, '0')}`,
    tokenNumber,
    checkedInAt: ctx.now,
    priority,
    position:
      placement === 'end'
        ? endPosition(day, tokenNumber)
        : betweenScheduledPosition(ctx, day, priority, tokenNumber),
    state: 'waiting',
    calledAt: null,
    consultationStartedAt: null,
    finishedAt: null,
    displayInitials: displayInitials(patient.fullName),
  };
  ctx.db.run(ctx.db.q.insertInto('queue_entries').values(entry));
  queueChanged(ctx, entry);
  return entry;
}
