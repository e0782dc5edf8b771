import type { HandlerMap } from '@server/core/handler';
import { documentHandler, pdfResult, requireVisible } from '@server/documents/document-handler';
import type { SlipData } from '@server/documents/slip.document';
import { findAppointment, getDoctor, getPatient } from '@server/repositories/lookups.repository';

/** The printable appointment slip (docs/product.md §4, §12), with the token once checked in. */
export const slipHandlers: HandlerMap = {
  'appointments.slip': documentHandler('appointments.slip', {
    load: (input, ctx): SlipData => {
      const appointment = requireVisible(
        ctx,
        'appointments',
        findAppointment(ctx.db, input.id),
        'appointment',
      );
      const room = appointment.roomId
        ? ctx.db.first(ctx.db.q.selectFrom('rooms').select('name').where('id', '=', appointment.roomId))
        : undefined;
      const attended = appointment.status === 'CHECKED_IN' || appointment.status === 'COMPLETED';
      // The token is printed only once the patient has come (an undone check-in keeps its row).
      const queue = attended
        ? ctx.db.first(
            ctx.db.q
              .selectFrom('queue_entries')
              .select(['token', 'checkedInAt'])
              .where('appointmentId', '=', appointment.id),
          )
        : undefined;
      return {
        clinic: ctx.settings(),
        appointment,
        patient: getPatient(ctx.db, appointment.patientId),
        doctor: getDoctor(ctx.db, appointment.doctorId),
        room: room?.name ?? null,
        queue: queue ?? null,
        printedAt: ctx.now,
      };
    },
    render: async (data, input) =>
      pdfResult(await (await import('@server/documents/slip.document')).renderSlip(data, input.paper)),
  }),
};
