import { createHash } from 'node:crypto';
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

/**
 * The version of what a read returned, for the audit's "once per session and version" rule
 * (server/core/read-memo.ts): a digest of the answer itself, so any change to it is a new version.
 */
const versionOf = (answer: unknown) =>
  createHash('sha256').update(JSON.stringify(answer)).digest('base64url');

/** Reading records: every read of medical content is audited (docs/product.md §11). */
export const readHandlers: HandlerMap = {
  'consultations.get': handler('consultations.get', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.appointmentId);
      const consultation = consultationOfAppointment(ctx.db, appointment.id);
      if (!consultation) return null;
      const view = consultationView(ctx.db, consultation);
      // Read again unchanged (a refetch, a reopen) by the same session: audited once.
      const details = { appointmentId: appointment.id };
      auditConsultation(ctx, 'read', 'consultations.get', consultation, details, versionOf(view));
      return view;
    },
  }),

  'consultations.vitals': handler('consultations.vitals', {
    run: (input, ctx) => {
      // A nurse records vitals for checked-in patients (docs/product.md §1), so she reads only theirs.
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
      return recorded.map(({ id, appointmentId, patientId, vitals, updatedAt }) => {
        const reading = { appointmentId, consultationId: id, vitals, updatedAt };
        const details = { appointmentId };
        auditConsultation(
          ctx,
          'read',
          'consultations.vitals',
          { id, patientId },
          details,
          versionOf(reading),
        );
        return reading;
      });
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
