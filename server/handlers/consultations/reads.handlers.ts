import { sql } from 'kysely';
import type { ConsultationSummary } from '@shared/domain/consultation.schema';
import { type HandlerMap, handler } from '@server/core/handler';
import { getAppointment, getPatient } from '@server/repositories/lookups.repository';
import { requireActor } from '@server/repositories/ownership';
import {
  auditConsultation,
  consultationFromRow,
  consultationOfAppointment,
  consultationView,
} from './consultations.repository';

/** Reading records: every read of medical content is audited (SPEC §11). */
export const readHandlers: HandlerMap = {
  'consultations.get': handler('consultations.get', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.appointmentId);
      const consultation = consultationOfAppointment(ctx.db, appointment.id);
      if (!consultation) return null;
      auditConsultation(ctx, 'read', 'consultation.read', consultation, { appointmentId: appointment.id });
      return consultationView(ctx.db, consultation);
    },
  }),

  'consultations.patientHistory': handler('consultations.patientHistory', {
    run: (input, ctx) => {
      const patient = getPatient(ctx.db, input.patientId);
      const rows = ctx.db.all(
        ctx.db.q
          .selectFrom('consultations')
          .selectAll()
          .where('patientId', '=', patient.id)
          .orderBy('createdAt', 'desc')
          .orderBy(sql`rowid`, 'desc')
          .limit(input.limit),
      );
      auditConsultation(
        ctx,
        'read',
        'consultation.history',
        { id: null, patientId: patient.id },
        { records: rows.length },
      );
      return rows.map((row) => consultationView(ctx.db, consultationFromRow(row), patient.allergies));
    },
  }),

  'consultations.mySummaries': handler('consultations.mySummaries', {
    run: (_input, ctx) => {
      const { patientId } = requireActor(ctx);
      if (!patientId) return [];
      const rows = ctx.db.all(
        ctx.db.q
          .selectFrom('consultations')
          .selectAll()
          .where('patientId', '=', patientId)
          .where('status', '=', 'finalized')
          .orderBy('signedAt', 'desc')
          .orderBy(sql`rowid`, 'desc'),
      );
      auditConsultation(
        ctx,
        'read',
        'consultation.summaries',
        { id: null, patientId },
        { records: rows.length },
      );
      // Only the summary fields: never clinical notes, examination notes or the complaint.
      return rows.map((row): ConsultationSummary => {
        const c = consultationFromRow(row);
        return {
          id: c.id,
          appointmentId: c.appointmentId,
          doctorId: c.doctorId,
          signedAt: c.signedAt,
          diagnosis: c.diagnosis,
          advice: c.advice,
          prescription: c.prescription,
          tests: c.tests,
          followUpDate: c.followUpDate,
        };
      });
    },
  }),
};
