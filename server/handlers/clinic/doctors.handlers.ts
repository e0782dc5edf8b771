import { sql } from 'kysely';
import { failure } from '@shared/contract/errors';
import type { Doctor } from '@shared/domain/doctor.schema';
import { decode, encode } from '@server/db/codecs';
import type { DoctorTable } from '@server/db/tables';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { getDoctor } from '@server/repositories/lookups.repository';
import { givenFields } from './partial-details';
import { describeBookings } from './schedule-collisions';
import { activeBookings } from './schedule.repository';

function doctorRow(doctor: Doctor): DoctorTable {
  return encode('doctors', doctor) as unknown as DoctorTable;
}

function assertRegistrationFree(ctx: HandlerContext, registrationNumber: string, doctorId: string) {
  const holder = ctx.db.first(
    ctx.db.q
      .selectFrom('doctors')
      .select(['id', 'fullName'])
      .where(sql<string>`lower(registrationNumber)`, '=', registrationNumber.toLowerCase())
      .where('id', '!=', doctorId),
  );
  if (holder) {
    throw failure(
      'CONFLICT',
      `Registration number ${registrationNumber} already belongs to ${holder.fullName}.`,
      {
        fields: [{ field: 'details.registrationNumber', message: `is already used by ${holder.fullName}` }],
      },
    );
  }
}

/** A doctor with bookings ahead cannot be retired silently (docs/product.md §3: bookings are never dropped). */
function assertNoBookingsAhead(ctx: HandlerContext, doctor: Doctor) {
  const ahead = activeBookings(ctx.db, doctor.id, Date.parse(ctx.now));
  if (ahead.length === 0) return;
  throw failure(
    'CONFLICT',
    `${doctor.fullName} still has ${ahead.length} upcoming appointment${ahead.length === 1 ? '' : 's'}: ` +
      `${describeBookings(ahead, ctx.settings().timeZone)}. Move or cancel them before marking the doctor inactive.`,
    { fields: [{ field: 'details.active', message: 'the doctor has upcoming appointments' }] },
  );
}

/** Doctor profiles (docs/product.md §3). */
export const doctorHandlers: HandlerMap = {
  'doctors.list': handler('doctors.list', {
    run: (input, ctx) => {
      let query = ctx.db.q.selectFrom('doctors').selectAll();
      if (!input.includeInactive) query = query.where('active', '=', 1);
      if (input.specialization) {
        query = query.where(sql<string>`lower(specialization)`, '=', input.specialization.toLowerCase());
      }
      return ctx.db
        .all(query.orderBy('fullName').orderBy('id'))
        .map((row) => decode<Doctor>('doctors', { ...row }));
    },
  }),

  'doctors.get': handler('doctors.get', { run: (input, ctx) => getDoctor(ctx.db, input.id) }),

  'doctors.create': handler('doctors.create', {
    run: (input, ctx) => {
      if (ctx.db.first(ctx.db.q.selectFrom('doctors').select('id').where('id', '=', input.id))) {
        throw failure('CONFLICT', 'This doctor profile already exists.');
      }
      assertRegistrationFree(ctx, input.details.registrationNumber, input.id);
      const doctor: Doctor = { ...input.details, id: input.id, userId: null };
      ctx.db.run(ctx.db.q.insertInto('doctors').values(doctorRow(doctor)));
      ctx.changed('doctors', doctor.id);
      return doctor;
    },
  }),

  'doctors.update': handler('doctors.update', {
    run: (input, ctx) => {
      const before = getDoctor(ctx.db, input.id);
      const after: Doctor = { ...before, ...givenFields(input.details) };
      if (after.registrationNumber !== before.registrationNumber) {
        assertRegistrationFree(ctx, after.registrationNumber, after.id);
      }
      if (before.active && !after.active) assertNoBookingsAhead(ctx, before);
      const { id: _id, userId: _userId, ...columns } = doctorRow(after);
      ctx.db.run(ctx.db.q.updateTable('doctors').set(columns).where('id', '=', input.id));
      ctx.changed('doctors', input.id);
      return getDoctor(ctx.db, input.id);
    },
  }),
};
