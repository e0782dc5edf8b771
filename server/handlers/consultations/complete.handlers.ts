import { failure } from '@shared/contract/errors';
import { checkTransition } from '@shared/rules/lifecycle';
import { type HandlerMap, handler } from '@server/core/handler';
import { changeStatus } from '@server/repositories/appointment-status.repository';
import { getAppointment, getDoctor } from '@server/repositories/lookups.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';
import { finishQueueEntry } from '@server/handlers/queue/queue-finish';
import { auditBill, createBill } from '@server/handlers/billing/bill-writes.repository';
import { billForAppointment } from '@server/handlers/billing/bills.repository';
import { consultationOfAppointment } from './consultations.repository';

const doctorLabel = (fullName: string) => (/^dr\.?\s/i.test(fullName) ? fullName : `Dr ${fullName}`);

/** Completing a visit (docs/product.md §5, §9): needs the signed record; finishes the queue entry and bills the visit. */
export const completeHandlers: HandlerMap = {
  'appointments.complete': handler('appointments.complete', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.id);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
      const settings = ctx.settings();
      const check = checkTransition({
        action: 'complete',
        status: appointment.status,
        startsAt: appointment.startsAt,
        role: requireActor(ctx).role,
        now: ctx.now,
        zone: settings.timeZone,
        cancellationWindowMinutes: settings.cancellationWindowMinutes,
        consultationFinalized: consultationOfAppointment(ctx.db, appointment.id)?.status === 'finalized',
      });
      if (!check.ok) throw failure(check.code, check.message);

      const completed = changeStatus(ctx, 'appointments.complete', appointment, 'COMPLETED', null);
      finishQueueEntry(ctx, appointment.id);

      // A prepaid (e.g. telemedicine) visit already has its bill.
      if (!billForAppointment(ctx.db, appointment.id)) {
        const doctor = getDoctor(ctx.db, appointment.doctorId);
        const fee = appointment.type === 'FOLLOW_UP' ? doctor.fees.followUp : doctor.fees.newVisit;
        const bill = createBill(ctx, {
          id: ctx.newId(),
          patientId: appointment.patientId,
          appointmentId: appointment.id,
          doctorId: doctor.id,
          items: [
            {
              id: ctx.newId(),
              kind: 'consultation',
              description: `Consultation — ${doctorLabel(doctor.fullName)}`,
              quantity: 1,
              unitPrice: fee,
            },
          ],
        });
        auditBill(ctx, 'billing.createBill', bill, { appointmentId: appointment.id });
      }
      return completed;
    },
  }),
};
