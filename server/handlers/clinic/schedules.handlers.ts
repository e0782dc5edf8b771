import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { TimeWindow, WeeklyWindow } from '@shared/domain/schedule.schema';
import { workingDay } from '@shared/rules/working-day';
import { clinicDate } from '@shared/rules/zoned-time';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { getDoctor } from '@server/repositories/lookups.repository';
import { assertOwn } from '@server/repositories/ownership';
import { assertMayChangeException } from './doctor-leave';
import { assertExceptionValid, assertWeeklyWindowsValid } from './schedule-checks';
import {
  collisionAppointments,
  describeCollisions,
  guardCollisions,
  scheduleCollisions,
} from './schedule-collisions';
import { exceptionsOf, findException, weeklyWindowRows, weeklyWindows } from './schedule.repository';
import type { ScheduleException } from '@shared/domain/schedule.schema';

const today = (ctx: HandlerContext) => clinicDate(ctx.now, ctx.settings().timeZone);
const sameWindow = (a: WeeklyWindow, b: WeeklyWindow) =>
  a.weekday === b.weekday && a.start === b.start && a.end === b.end && a.roomId === b.roomId;

/** Replaces a doctor's weekly windows, keeping the rows (and their ids) of windows that stay. */
function replaceWeeklyWindows(ctx: HandlerContext, doctorId: string, windows: readonly WeeklyWindow[]) {
  const pending = [...windows];
  for (const row of weeklyWindowRows(ctx.db, doctorId)) {
    const kept = pending.findIndex((w) => sameWindow(w, row));
    if (kept >= 0) {
      pending.splice(kept, 1);
      continue;
    }
    ctx.db.run(ctx.db.q.deleteFrom('weekly_windows').where('id', '=', row.id));
    ctx.changed('weekly_windows', row.id, 'delete');
  }
  for (const window of pending) {
    const id = ctx.newId();
    ctx.db.run(ctx.db.q.insertInto('weekly_windows').values({ id, doctorId, ...window }));
    ctx.changed('weekly_windows', id);
  }
}

/** The bookings an exception (with the day's others) would leave outside working time, after its checks. */
function exceptionCollisions(ctx: HandlerContext, exception: ScheduleException) {
  const doctor = getDoctor(ctx.db, exception.doctorId);
  assertMayChangeException(ctx, exception);
  assertExceptionValid(ctx, exception);
  const sameDay = exceptionsOf(ctx.db, doctor.id, exception.date, exception.date);
  const collisions = scheduleCollisions(
    ctx,
    doctor.id,
    weeklyWindows(ctx.db, doctor.id),
    [...sameDay, exception],
    exception.date,
  );
  return { doctor, collisions };
}

/** Weekly schedules and date exceptions (docs/product.md §3): changes list the bookings they would strand. */
export const scheduleHandlers: HandlerMap = {
  'schedules.get': handler('schedules.get', {
    run: (input, ctx) => {
      getDoctor(ctx.db, input.doctorId);
      return {
        schedule: { doctorId: input.doctorId, windows: weeklyWindows(ctx.db, input.doctorId) },
        exceptions: exceptionsOf(ctx.db, input.doctorId, input.fromDate, input.toDate),
      };
    },
  }),

  'schedules.windowsOn': handler('schedules.windowsOn', {
    run: (input, ctx) => {
      getDoctor(ctx.db, input.doctorId);
      const day = workingDay(
        input.date,
        ctx.settings().timeZone,
        weeklyWindows(ctx.db, input.doctorId),
        exceptionsOf(ctx.db, input.doctorId, input.date, input.date),
      );
      if (day.kind !== 'working') return [];
      // Each window's part of each piece left after leave, in wall-clock time.
      return day.pieces
        .flatMap((piece) =>
          piece.windows.flatMap((w) => {
            const start = Math.max(w.start, piece.start);
            const end = Math.min(w.end, piece.end);
            return start < end ? [{ start, end, roomId: w.roomId }] : [];
          }),
        )
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .map((w): TimeWindow => ({
          start: day.clock.localTime(w.start),
          end: day.clock.localTime(w.end),
          roomId: w.roomId,
        }));
    },
  }),

  'schedules.previewWeekly': handler('schedules.previewWeekly', {
    run: (input, ctx) => {
      getDoctor(ctx.db, input.doctorId);
      assertWeeklyWindowsValid(ctx, input.doctorId, input.windows);
      const exceptions = exceptionsOf(ctx.db, input.doctorId, today(ctx));
      return {
        collisions: collisionAppointments(scheduleCollisions(ctx, input.doctorId, input.windows, exceptions)),
      };
    },
  }),

  'schedules.setWeekly': handler('schedules.setWeekly', {
    run: (input, ctx) => {
      const doctor = getDoctor(ctx.db, input.doctorId);
      assertWeeklyWindowsValid(ctx, doctor.id, input.windows);
      const exceptions = exceptionsOf(ctx.db, doctor.id, today(ctx));
      const collisions = scheduleCollisions(ctx, doctor.id, input.windows, exceptions);
      guardCollisions(ctx, collisions, input.acknowledgeCollisions, doctor.fullName);
      replaceWeeklyWindows(ctx, doctor.id, input.windows);
      ctx.audit({
        kind: 'change',
        action: 'schedules.setWeekly',
        entity: 'doctors',
        entityId: doctor.id,
        patientId: null,
        details: { windows: input.windows.length, collidedAppointments: collisions.map((c) => c.row.id) },
      });
      return { collisions: collisionAppointments(collisions) };
    },
  }),

  'schedules.previewException': handler('schedules.previewException', {
    run: (input, ctx) => ({
      collisions: collisionAppointments(exceptionCollisions(ctx, input.exception).collisions),
    }),
  }),

  'schedules.addException': handler('schedules.addException', {
    run: (input, ctx) => {
      const { exception } = input;
      if (findException(ctx.db, exception.id)) throw failure('CONFLICT', 'This exception was already added.');
      const { doctor, collisions } = exceptionCollisions(ctx, exception);
      guardCollisions(ctx, collisions, input.acknowledgeCollisions, doctor.fullName);
      ctx.db.run(
        ctx.db.q.insertInto('schedule_exceptions').values({
          ...exception,
          window: exception.window ? JSON.stringify(exception.window) : null,
        }),
      );
      ctx.changed('schedule_exceptions', exception.id);
      ctx.audit({
        kind: 'change',
        action: 'schedules.addException',
        entity: 'schedule_exceptions',
        entityId: exception.id,
        patientId: null,
        details: {
          doctorId: doctor.id,
          date: exception.date,
          kind: exception.kind,
          collidedAppointments: collisions.map((c) => c.row.id),
        },
      });
      return { collisions: collisionAppointments(collisions) };
    },
  }),

  'schedules.removeException': handler('schedules.removeException', {
    run: (input, ctx) => {
      const exception = findException(ctx.db, input.id);
      if (!exception) throw notFound('scheduleException');
      assertOwn(ctx, 'schedule_exceptions', exception, 'scheduleException');
      assertMayChangeException(ctx, exception);
      const doctor = getDoctor(ctx.db, exception.doctorId);
      if (exception.kind === 'extra') {
        // Taking away extra hours may strand bookings made in them; there is no "confirm" here.
        const remaining = exceptionsOf(ctx.db, doctor.id, exception.date, exception.date).filter(
          (e) => e.id !== exception.id,
        );
        const collisions = scheduleCollisions(
          ctx,
          doctor.id,
          weeklyWindows(ctx.db, doctor.id),
          remaining,
          exception.date,
        );
        if (collisions.length > 0) {
          throw failure(
            'CONFLICT',
            `Removing these extra hours would leave bookings outside ${doctor.fullName}’s working time: ` +
              `${describeCollisions(collisions, ctx.settings().timeZone)}. Move them first.`,
          );
        }
      }
      ctx.db.run(ctx.db.q.deleteFrom('schedule_exceptions').where('id', '=', exception.id));
      ctx.changed('schedule_exceptions', exception.id, 'delete');
      return { ok: true as const };
    },
  }),
};
