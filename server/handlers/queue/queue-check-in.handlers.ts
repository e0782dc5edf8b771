import { failure } from '@shared/contract/errors';
import { type HandlerMap, handler } from '@server/core/handler';
import { getAppointment, getDoctor } from '@server/repositories/lookups.repository';
import { assertOwn } from '@server/repositories/ownership';
import { checkInAppointment } from './queue-enqueue';
import { createWalkInAppointment, walkInPatient } from './queue-walk-in';

/** Check-in of booked patients and walk-ins (docs/product.md §7). */
export const queueCheckInHandlers: HandlerMap = {
  'queue.checkIn': handler('queue.checkIn', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.appointmentId);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
      return checkInAppointment(ctx, appointment, input.priority, 'end');
    },
  }),

  'queue.walkIn': handler('queue.walkIn', {
    run: (input, ctx) => {
      const doctor = getDoctor(ctx.db, input.doctorId);
      if (!doctor.active) {
        throw failure('POLICY', `${doctor.fullName} is not seeing patients; choose another doctor.`);
      }
      const patient = walkInPatient(ctx, input);
      const confirmed = createWalkInAppointment(ctx, input, doctor, patient);
      const entry = checkInAppointment(
        ctx,
        confirmed,
        input.priority,
        input.placement === 'queue' ? 'between_scheduled' : 'end',
      );
      return { appointment: getAppointment(ctx.db, confirmed.id), entry };
    },
  }),
};
