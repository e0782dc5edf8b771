import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { WaitlistEntry } from '@shared/domain/waitlist.schema';
import { beyondHorizon, bookingHorizon } from '@shared/rules/booking-horizon';
import { clinicDate } from '@shared/rules/zoned-time';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { decode } from '@server/db/codecs';
import { getDoctor, getPatient } from '@server/repositories/lookups.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';

/** Entries still waiting for a slot (or holding one): a patient has at most one per doctor. */
const ACTIVE = ['WAITING', 'OFFERED'];

const entryById = (ctx: HandlerContext, id: string) => {
  const row = ctx.db.first(ctx.db.q.selectFrom('waitlist_entries').selectAll().where('id', '=', id));
  return row ? decode<WaitlistEntry>('waitlist_entries', row) : undefined;
};

const invalid = (field: string, message: string) =>
  failure('VALIDATION', `Please correct: ${field}`, { fields: [{ field, message }] });

/**
 * The waiting list's join, list and leave (docs/product.md §11). Offers (a cancelled slot held for
 * the first matching entry), accepting and declining them are the waiting-list issue's and still
 * answer "not available on this hub version".
 */
export const waitlistHandlers: HandlerMap = {
  'waitlist.join': handler('waitlist.join', {
    run: (input, ctx) => {
      assertOwn(ctx, 'patients', { id: input.patientId }, 'patient');
      const existing = entryById(ctx, input.id);
      if (existing) {
        // The same request again (a retry): the entry it made.
        if (existing.patientId === input.patientId) return existing;
        throw failure('CONFLICT', 'This waiting-list entry id is already used.');
      }
      getPatient(ctx.db, input.patientId);
      const doctor = getDoctor(ctx.db, input.doctorId);
      if (!doctor.active) throw invalid('doctorId', 'the doctor is not taking appointments');
      const settings = ctx.settings();
      if (input.fromDate < clinicDate(ctx.now, settings.timeZone)) {
        throw invalid('fromDate', 'must not be in the past');
      }
      const horizon = bookingHorizon(ctx.now, settings.timeZone, settings.bookingHorizonDays);
      if (beyondHorizon(horizon, input.toDate)) {
        throw invalid('toDate', `must be at most ${horizon.days} days ahead (up to ${horizon.lastDate})`);
      }
      const active = ctx.db.first(
        ctx.db.q
          .selectFrom('waitlist_entries')
          .select('id')
          .where('patientId', '=', input.patientId)
          .where('doctorId', '=', input.doctorId)
          .where('status', 'in', ACTIVE),
      );
      if (active) {
        throw failure(
          'CONFLICT',
          'Already on this doctor’s waiting list: leave that entry to ask for other dates.',
        );
      }
      const entry: WaitlistEntry = { ...input, status: 'WAITING', offer: null, createdAt: ctx.now };
      ctx.db.run(ctx.db.q.insertInto('waitlist_entries').values({ ...entry, offer: null }));
      ctx.changed('waitlist_entries', entry.id);
      return entry;
    },
  }),

  'waitlist.list': handler('waitlist.list', {
    run: (input, ctx) => {
      const actor = requireActor(ctx);
      // A patient's own entries only, whatever patientId they name.
      const patientId = ctx.scope === 'own' ? actor.patientId : input.patientId;
      if (ctx.scope === 'own' && !patientId) return [];
      let query = ctx.db.q.selectFrom('waitlist_entries').selectAll();
      if (patientId) query = query.where('patientId', '=', patientId);
      if (input.doctorId) query = query.where('doctorId', '=', input.doctorId);
      return ctx.db
        .all(query.orderBy('createdAt', 'desc').orderBy('id'))
        .map((row) => decode<WaitlistEntry>('waitlist_entries', row));
    },
  }),

  'waitlist.cancel': handler('waitlist.cancel', {
    run: (input, ctx) => {
      const entry = entryById(ctx, input.id);
      if (!entry) throw notFound('waitlistEntry');
      assertOwn(ctx, 'waitlist_entries', entry, 'waitlistEntry');
      if (entry.status === 'CANCELLED') return entry;
      if (!ACTIVE.includes(entry.status)) {
        throw failure(
          'INVALID_TRANSITION',
          `This waiting-list entry is already ${entry.status.toLowerCase()}.`,
        );
      }
      ctx.db.run(
        ctx.db.q
          .updateTable('waitlist_entries')
          .set({ status: 'CANCELLED', offer: null })
          .where('id', '=', entry.id),
      );
      ctx.changed('waitlist_entries', entry.id);
      return { ...entry, status: 'CANCELLED' as const, offer: null };
    },
  }),
};
