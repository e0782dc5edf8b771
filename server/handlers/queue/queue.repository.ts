import type { AppointmentStatus } from '@shared/domain/appointment.schema';
import type { QueueEntry } from '@shared/domain/queue.schema';
import { notFound } from '@shared/contract/not-found';
import type { Db } from '@server/db/database';
import type { HandlerContext } from '@server/core/handler';

/** A queue entry with the facts of its appointment that ordering needs. */
export interface DayEntry {
  entry: QueueEntry;
  startMs: number;
  slotless: boolean;
  appointmentStatus: AppointmentStatus;
}

/** One doctor's clinic day, sorted into who is being seen, who waits, and who is done. */
export interface OrderedDay {
  /** In consultation, else the most recently called. */
  current: DayEntry | null;
  /** Called (or in consultation) but not current, e.g. called and not yet come in; earliest call first. */
  pending: DayEntry[];
  /** State 'waiting', in queue order: urgent first, then by position. */
  waiting: DayEntry[];
  done: DayEntry[];
}

export function getEntry(db: Db, id: string): QueueEntry {
  const row = db.first(db.q.selectFrom('queue_entries').selectAll().where('id', '=', id));
  if (!row) throw notFound('queueEntry');
  return row as QueueEntry;
}

export function findEntryByAppointment(db: Db, appointmentId: string): QueueEntry | null {
  const row = db.first(
    db.q.selectFrom('queue_entries').selectAll().where('appointmentId', '=', appointmentId),
  );
  return row ? (row as QueueEntry) : null;
}

export function dayEntries(db: Db, doctorId: string, date: string): DayEntry[] {
  const rows = db.all(
    db.q
      .selectFrom('queue_entries')
      .innerJoin('appointments', 'appointments.id', 'queue_entries.appointmentId')
      .selectAll('queue_entries')
      .select([
        'appointments.startMs as appointmentStartMs',
        'appointments.slotless as appointmentSlotless',
        'appointments.status as appointmentStatus',
      ])
      .where('queue_entries.doctorId', '=', doctorId)
      .where('queue_entries.clinicDate', '=', date)
      .orderBy('queue_entries.tokenNumber'),
  );
  return rows.map(({ appointmentStartMs, appointmentSlotless, appointmentStatus, ...entry }) => ({
    entry: entry as QueueEntry,
    startMs: appointmentStartMs,
    slotless: appointmentSlotless === 1,
    appointmentStatus: appointmentStatus,
  }));
}

/** Queue order: urgent first, then position, then token (check-in order) for equal positions. */
export function compareQueueOrder(a: QueueEntry, b: QueueEntry): number {
  const rank = (e: QueueEntry) => (e.priority === 'urgent' ? 0 : 1);
  return rank(a) - rank(b) || a.position - b.position || a.tokenNumber - b.tokenNumber;
}

const byTime = (pick: (e: QueueEntry) => string | null) => (a: DayEntry, b: DayEntry) =>
  (pick(a.entry) ?? '').localeCompare(pick(b.entry) ?? '') || a.entry.tokenNumber - b.entry.tokenNumber;

export function orderDay(entries: readonly DayEntry[]): OrderedDay {
  // Only checked-in visits are in the queue; an undone check-in is not, a cancelled one has left.
  const live = entries.filter((d) => d.appointmentStatus === 'CHECKED_IN');
  const gone = entries.filter((d) => ['COMPLETED', 'CANCELLED', 'NO_SHOW'].includes(d.appointmentStatus));
  const inRoom = live
    .filter((d) => d.entry.state === 'in_consultation')
    .sort(byTime((e) => e.consultationStartedAt));
  const called = live.filter((d) => d.entry.state === 'called').sort(byTime((e) => e.calledAt));
  const current = inRoom.at(-1) ?? called.at(-1) ?? null;
  return {
    current,
    pending: [...inRoom, ...called].filter((d) => d !== current).sort(byTime((e) => e.calledAt)),
    waiting: live
      .filter((d) => d.entry.state === 'waiting')
      .sort((a, b) => compareQueueOrder(a.entry, b.entry)),
    done: [...live.filter((d) => d.entry.state === 'done' || d.entry.state === 'left'), ...gone].sort(
      byTime((e) => e.finishedAt ?? e.checkedInAt),
    ),
  };
}

export function orderedDay(db: Db, doctorId: string, date: string): OrderedDay {
  return orderDay(dayEntries(db, doctorId, date));
}

/** Records the row for sync and tells displays and dashboards after commit (once per doctor and day). */
const announced = new WeakMap<HandlerContext, Set<string>>();
export function queueChanged(ctx: HandlerContext, entry: Pick<QueueEntry, 'id' | 'doctorId' | 'clinicDate'>) {
  ctx.changed('queue_entries', entry.id);
  const seen = announced.get(ctx) ?? new Set<string>();
  announced.set(ctx, seen);
  const key = `${entry.doctorId}:${entry.clinicDate}`;
  if (seen.has(key)) return;
  seen.add(key);
  const payload = { doctorId: entry.doctorId, clinicDate: entry.clinicDate };
  ctx.afterCommit(() => ctx.events.emit('queue.changed', payload));
}

export function updateEntry(
  ctx: HandlerContext,
  entry: QueueEntry,
  changes: Partial<QueueEntry>,
): QueueEntry {
  ctx.db.run(ctx.db.q.updateTable('queue_entries').set(changes).where('id', '=', entry.id));
  queueChanged(ctx, entry);
  return { ...entry, ...changes };
}
