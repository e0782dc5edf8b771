import { failure } from '@shared/contract/errors';
import { clinicDate } from '@shared/rules/zoned-time';
import { type HandlerMap, handler } from '@server/core/handler';
import { getAppointment, getDoctor } from '@server/repositories/lookups.repository';
import { assertOwn } from '@server/repositories/ownership';
import { findEntryByAppointment } from './queue.repository';
import { buildDoctorQueue } from './queue-view';

export const queueViewHandlers: HandlerMap = {
  'queue.list': handler('queue.list', {
    run: (input, ctx) => {
      assertOwn(ctx, 'doctors', { id: input.doctorId }, 'doctor');
      return buildDoctorQueue(
        ctx.db,
        getDoctor(ctx.db, input.doctorId),
        input.date,
        ctx.now,
        ctx.settings().timeZone,
      );
    },
  }),

  'queue.myPosition': handler('queue.myPosition', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.appointmentId);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
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
