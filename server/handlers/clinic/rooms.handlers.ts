import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { Room } from '@shared/domain/doctor.schema';
import type { HandlerContext, HandlerMap } from '@server/core/handler';
import { handler } from '@server/core/handler';
import { givenFields } from './partial-details';
import { roomUsageOn } from './room-usage';

function getRoom(ctx: HandlerContext, id: string): Room {
  const row = ctx.db.first(ctx.db.q.selectFrom('rooms').selectAll().where('id', '=', id));
  if (!row) throw notFound('room');
  return row as Room;
}

/** Room names are unique, ignoring case (the column is COLLATE NOCASE). */
function assertNameFree(ctx: HandlerContext, name: string, roomId: string) {
  const holder = ctx.db.first(
    ctx.db.q.selectFrom('rooms').select('id').where('name', '=', name).where('id', '!=', roomId),
  );
  if (holder) {
    throw failure('CONFLICT', `There is already a room called ${name}.`, {
      fields: [{ field: 'details.name', message: 'is already used by another room' }],
    });
  }
}

/** Rooms and who uses them (docs/product.md §3). */
export const roomHandlers: HandlerMap = {
  'rooms.list': handler('rooms.list', {
    run: (_input, ctx) => ctx.db.all(ctx.db.q.selectFrom('rooms').selectAll().orderBy('name')) as Room[],
  }),

  'rooms.create': handler('rooms.create', {
    run: (input, ctx) => {
      if (ctx.db.first(ctx.db.q.selectFrom('rooms').select('id').where('id', '=', input.id))) {
        throw failure('CONFLICT', 'This room already exists.');
      }
      assertNameFree(ctx, input.details.name, input.id);
      const room: Room = { ...input.details, id: input.id };
      ctx.db.run(ctx.db.q.insertInto('rooms').values(room));
      ctx.changed('rooms', room.id);
      return room;
    },
  }),

  'rooms.update': handler('rooms.update', {
    run: (input, ctx) => {
      const before = getRoom(ctx, input.id);
      const after: Room = { ...before, ...givenFields(input.details) };
      if (after.name !== before.name) assertNameFree(ctx, after.name, after.id);
      ctx.db.run(
        ctx.db.q
          .updateTable('rooms')
          .set({ name: after.name, type: after.type, status: after.status })
          .where('id', '=', input.id),
      );
      ctx.changed('rooms', input.id);
      return after;
    },
  }),

  'rooms.availability': handler('rooms.availability', {
    run: (input, ctx) =>
      roomUsageOn(ctx.db, input.date, ctx.settings().timeZone).map((use) => ({
        roomId: use.roomId,
        doctorId: use.doctorId,
        start: new Date(use.start).toISOString(),
        end: new Date(use.end).toISOString(),
      })),
  }),
};
