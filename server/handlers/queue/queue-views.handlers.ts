import type { ResultOf } from '@shared/contract/index';
import { failure } from '@shared/contract/errors';
import { clinicDate } from '@shared/rules/zoned-time';
import { decode } from '@server/db/codecs';
import { type HandlerMap, handler } from '@server/core/handler';
import type { Doctor } from '@shared/domain/doctor.schema';
import { getAppointment, getDoctor } from '@server/repositories/lookups.repository';
import { assertOwnAppointment, assertOwnDoctor } from '@server/repositories/ownership';
import { doctorRoomOn } from './queue-room';
import { findEntryByAppointment, orderedDay } from './queue-store';
import { buildDoctorQueue } from './queue-view';

type BoardDoctor = ResultOf<'queue.board'>['doctors'][number];

export const queueViewHandlers: HandlerMap = {
  'queue.list': handler('queue.list', {
    run: (input, ctx) => {
      assertOwnDoctor(ctx, input.doctorId, 'doctor');
      return buildDoctorQueue(
        ctx.db,
        getDoctor(ctx.db, input.doctorId),
        input.date,
        ctx.now,
        ctx.settings().timeZone,
      );
    },
  }),

  /** The waiting-room display: tokens and initials only, never names (SPEC §7). */
  'queue.board': handler('queue.board', {
    run: (_input, ctx) => {
      const settings = ctx.settings();
      const today = clinicDate(ctx.now, settings.timeZone);
      const doctors = ctx.db
        .all(
          ctx.db.q
            .selectFrom('doctors')
            .selectAll()
            .where('active', '=', 1)
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('queue_entries')
                  .select('queue_entries.id')
                  .whereRef('queue_entries.doctorId', '=', 'doctors.id')
                  .where('queue_entries.clinicDate', '=', today),
              ),
            )
            .orderBy('fullName'),
        )
        .map((row) => decode<Doctor>('doctors', row));
      return {
        clinicName: settings.clinicName,
        generatedAt: ctx.now,
        doctors: doctors.map((doctor): BoardDoctor => {
          const day = orderedDay(ctx.db, doctor.id, today);
          const queue = buildDoctorQueue(ctx.db, doctor, today, ctx.now, settings.timeZone, day);
          const calls = [day.current, ...day.pending, ...day.waiting, ...day.done]
            .flatMap((d) => (d?.entry.calledAt ? [d.entry.calledAt] : []))
            .sort();
          return {
            doctorId: doctor.id,
            doctorName: doctor.fullName,
            roomName: doctorRoomOn(ctx, doctor.id, today)?.name ?? null,
            serving: queue.current
              ? { token: queue.current.token, initials: queue.current.displayInitials }
              : null,
            next: queue.waiting
              .filter((w) => w.entry.state === 'waiting')
              .slice(0, 3)
              .map((w) => ({
                token: w.entry.token,
                initials: w.entry.displayInitials,
                estimatedWaitMinutes: w.estimatedWaitMinutes,
              })),
            lastCalledAt: calls.at(-1) ?? null,
          };
        }),
      };
    },
  }),

  'queue.myPosition': handler('queue.myPosition', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.appointmentId);
      assertOwnAppointment(ctx, appointment);
      const entry = findEntryByAppointment(ctx.db, appointment.id);
      const zone = ctx.settings().timeZone;
      const today = clinicDate(ctx.now, zone);
      if (!entry || entry.clinicDate !== today) {
        throw failure('POLICY', 'Not checked in yet. Please check in at the front desk when you arrive.');
      }
      const queue = buildDoctorQueue(ctx.db, getDoctor(ctx.db, entry.doctorId), today, ctx.now, zone);
      const mine = queue.waiting.find((w) => w.entry.id === entry.id);
      if (mine) {
        return {
          token: entry.token,
          patientsAhead: mine.patientsAhead,
          estimatedWaitMinutes: mine.estimatedWaitMinutes,
          estimatedCallAt: mine.estimatedCallAt,
          state: mine.entry.state,
        };
      }
      return {
        token: entry.token,
        patientsAhead: 0,
        estimatedWaitMinutes: 0,
        estimatedCallAt: entry.calledAt ?? ctx.now,
        state: entry.state,
      };
    },
  }),
};
