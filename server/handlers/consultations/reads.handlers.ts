import { sql } from 'kysely';
import type { Consultation, ConsultationSummary } from '@shared/domain/consultation.schema';
import { type HandlerMap, handler } from '@server/core/handler';
import { decode } from '@server/db/codecs';
import { getAppointment, getPatient } from '@server/repositories/lookups.repository';
import { requireActor } from '@server/repositories/ownership';
import {
  auditConsultation,
  consultationFromRow,
  consultationOfAppointment,
  consultationView,
  hasVitals,
} from './consultations.repository';

/** Reading records: every read of medical content is audited (SPEC §11). */
export const readHandlers: HandlerMap = {
  'consultations.get': handler('consultations.get', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.appointmentId);
      const consultation = consultationOfAppointment(ctx.db, appointment.id);
      if (!consultation) return null;
      auditConsultation(ctx, 'read', 'consultations.get', consultation, { appointmentId: appointment.id });
      return consultationView(ctx.db, consultation);
    },
  }),

  'consultations.vitals': handler('consultations.vitals', {
    run: (input, ctx) => {
      // A nurse records vitals for checked-in patients (SPEC §1), so she reads only theirs.
      const nurse = requireActor(ctx).role === 'nurse';
      const rows = ctx.db.all(
        ctx.db.q
          .selectFrom('consultations')
          .innerJoin('appointments', 'appointments.id', 'consultations.appointmentId')
          .select([
            'consultations.id',
            'consultations.appointmentId',
            'consultations.patientId',
            'consultations.vitals',
            'consultations.updatedAt',
          ])
          .where('consultations.appointmentId', 'in', input.appointmentIds)
          .$if(nurse, (q) => q.where('appointments.status', '=', 'CHECKED_IN')),
      );
      const recorded = rows
        .map((row) => ({ ...row, vitals: decode<Pick<Consultation, 'vitals'>>('consultations', row).vitals }))
        .filter((row) => hasVitals(row.vitals));
      for (const row of recorded) {
        auditConsultation(ctx, 'read', 'consultations.vitals', row, { appointmentId: row.appointmentId });
      }
      return recorded.map(({ id, appointmentId, vitals, updatedAt }) => ({
        appointmentId,
        consultationId: id,
        vitals,
        updatedAt,
      }));
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
        'consultations.patientHistory',
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
        'consultations.mySummaries',
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
