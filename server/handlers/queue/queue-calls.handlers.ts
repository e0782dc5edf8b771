import type { QueueEntry } from '@shared/domain/queue.schema';
import { failure } from '@shared/contract/errors';
import { clinicDate } from '@shared/rules/zoned-time';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { getDoctor } from '@server/repositories/lookups.repository';
import { assertOwn } from '@server/repositories/ownership';
import { doctorRoomOn } from './queue-room';
import { getEntry, orderedDay, updateEntry } from './queue.repository';

/**
 * The display flashes the token and announces it, after the change is committed. The call is
 * recorded with the change (`display_calls`, numbered for good), so a display that reconnects
 * announces what it missed, once. In a desktop's replica the row is a harmless local copy.
 */
function announce(ctx: HandlerContext, entry: QueueEntry, kind: 'call' | 'recall'): void {
  const roomName = doctorRoomOn(ctx, entry.doctorId, entry.clinicDate)?.name ?? null;
  ctx.db.run(
    ctx.db.q
      .insertInto('display_calls')
      .values({
        id: ctx.newId(),
        queueEntryId: entry.id,
        doctorId: entry.doctorId,
        clinicDate: entry.clinicDate,
        kind,
        token: entry.token,
        roomName,
        at: ctx.now,
      })
      .onConflict((oc) => oc.column('id').doNothing()),
  );
  const payload = { doctorId: entry.doctorId, token: entry.token, roomName, calledAt: ctx.now };
  ctx.afterCommit(() => ctx.events.emit('queue.called', payload));
}

function assertNobodyInConsultation(ctx: HandlerContext, doctorId: string, date: string, except?: string) {
  const inRoom = orderedDay(ctx.db, doctorId, date).current;
  if (inRoom && inRoom.entry.state === 'in_consultation' && inRoom.entry.id !== except) {
    throw failure(
      'POLICY',
      `${inRoom.entry.token} is still in consultation; finish the current consultation first.`,
    );
  }
}

export const queueCallHandlers: HandlerMap = {
  /** A called patient who has not come in stays called; the next one is called anyway. */
  'queue.callNext': handler('queue.callNext', {
    run: (input, ctx) => {
      assertOwn(ctx, 'doctors', { id: input.doctorId }, 'doctor');
      const doctor = getDoctor(ctx.db, input.doctorId);
      const today = clinicDate(ctx.now, ctx.settings().timeZone);
      assertNobodyInConsultation(ctx, doctor.id, today);
      const next = orderedDay(ctx.db, doctor.id, today).waiting[0];
      if (!next) return null;
      const called = updateEntry(ctx, next.entry, { state: 'called', calledAt: ctx.now });
      announce(ctx, called, 'call');
      return called;
    },
  }),

  'queue.recall': handler('queue.recall', {
    run: (input, ctx) => {
      const entry = getEntry(ctx.db, input.id);
      assertOwn(ctx, 'queue_entries', entry, 'queueEntry');
      if (entry.state !== 'called') {
        throw failure(
          'POLICY',
          `${entry.token} is not waiting to be called in; only a called token can be announced again.`,
        );
      }
      announce(ctx, entry, 'recall');
      return entry;
    },
  }),

  'queue.startConsultation': handler('queue.startConsultation', {
    run: (input, ctx) => {
      const entry = getEntry(ctx.db, input.id);
      assertOwn(ctx, 'queue_entries', entry, 'queueEntry');
      if (entry.state !== 'called' && entry.state !== 'waiting') {
        throw failure(
          'INVALID_TRANSITION',
          entry.state === 'in_consultation'
            ? `${entry.token} is already in consultation.`
            : `${entry.token} has already been seen or has left the queue.`,
        );
      }
      const live = orderedDay(ctx.db, entry.doctorId, entry.clinicDate);
      const queued = [...live.pending, ...live.waiting, ...(live.current ? [live.current] : [])];
      if (!queued.some((d) => d.entry.id === entry.id)) {
        throw failure('POLICY', `${entry.token}'s appointment is no longer checked in.`);
      }
      assertNobodyInConsultation(ctx, entry.doctorId, entry.clinicDate, entry.id);
      return updateEntry(ctx, entry, { state: 'in_consultation', consultationStartedAt: ctx.now });
    },
  }),
};
