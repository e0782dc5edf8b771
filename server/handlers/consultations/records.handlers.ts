import { failure } from '@shared/contract/errors';
import {
  type Addendum,
  type Consultation,
  consultationContentSchema,
} from '@shared/domain/consultation.schema';
import { authorTime } from '@server/core/author-time';
import { type HandlerMap, handler } from '@server/core/handler';
import { getAppointment, getPatient } from '@server/repositories/lookups.repository';
import { assertOwn, requireActor } from '@server/repositories/ownership';
import {
  assertCheckedIn,
  assertNotSigned,
  auditConsultation,
  consultationOfAppointment,
  consultationView,
  getConsultation,
  insertDraft,
  writeContent,
} from './consultations.repository';
import { assertNoDraftConflicts, nextDraftState } from './draft-revisions';
import { addendumBounds, signatureBounds } from './signing-bounds';
import { savedVitals, vitalsDetails } from './vitals-save';

const isEmpty = (c: Consultation) =>
  !c.chiefComplaint.trim() &&
  !c.diagnosis.text.trim() &&
  c.diagnosis.code === null &&
  !c.advice.trim() &&
  c.prescription.length === 0;

/** Writing and signing the record of a visit, and addenda after signing (docs/product.md §8). */
export const recordHandlers: HandlerMap = {
  'consultations.saveDraft': handler('consultations.saveDraft', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.appointmentId);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
      const existing = consultationOfAppointment(ctx.db, appointment.id);
      assertNotSigned(existing);
      assertCheckedIn(appointment.status, 'The consultation record');
      let id: string;
      const draft = nextDraftState(ctx, existing, input, input.content);
      const { draftRevision, draftConflicts } = draft;
      // Per reading: a nurse's correction made meanwhile to a reading this save left alone stays.
      const vitals = savedVitals(
        existing?.vitals ?? null,
        input.content.vitals,
        input.vitalsBase,
        'keep-if-empty',
      );
      const content = { ...input.content, vitals: vitals.vitals };
      if (existing) {
        id = existing.id;
        writeContent(ctx, id, { ...content, draftRevision, draftConflicts });
      } else {
        id = input.id;
        insertDraft(
          ctx,
          {
            id,
            appointmentId: appointment.id,
            patientId: appointment.patientId,
            doctorId: appointment.doctorId,
          },
          content,
          { draftRevision, draftConflicts },
        );
      }
      const view = consultationView(
        ctx.db,
        getConsultation(ctx.db, id),
        getPatient(ctx.db, appointment.patientId).allergies,
      );
      auditConsultation(ctx, 'change', 'consultations.saveDraft', view.consultation, {
        appointmentId: appointment.id,
        created: !existing,
        prescriptionItems: view.consultation.prescription.length,
        allergyWarnings: view.allergyWarnings.length,
        conflict: draft.conflicted,
        conflictsWaiting: draftConflicts.length,
        ...vitalsDetails(vitals),
      });
      return view;
    },
  }),

  'consultations.recordVitals': handler('consultations.recordVitals', {
    run: (input, ctx) => {
      const appointment = getAppointment(ctx.db, input.appointmentId);
      assertOwn(ctx, 'appointments', appointment, 'appointment');
      const existing = consultationOfAppointment(ctx.db, appointment.id);
      assertNotSigned(existing);
      assertCheckedIn(appointment.status, 'Vitals');
      const merged = savedVitals(existing?.vitals ?? null, input.vitals, input.vitalsBase, 'replace');
      const id = existing?.id ?? input.id;
      const { vitals } = merged;
      if (existing) {
        writeContent(ctx, id, { vitals });
      } else {
        insertDraft(
          ctx,
          {
            id,
            appointmentId: appointment.id,
            patientId: appointment.patientId,
            doctorId: appointment.doctorId,
          },
          consultationContentSchema.parse({ vitals }),
        );
      }
      auditConsultation(
        ctx,
        'change',
        'consultations.recordVitals',
        { id, patientId: appointment.patientId },
        { appointmentId: appointment.id, created: !existing, ...vitalsDetails(merged) },
      );
      return { consultationId: id, vitals };
    },
  }),

  'consultations.finalize': handler('consultations.finalize', {
    run: (input, ctx) => {
      const consultation = getConsultation(ctx.db, input.id);
      assertOwn(ctx, 'consultations', consultation, 'consultation');
      if (consultation.status === 'finalized') {
        throw failure('POLICY', 'This consultation is already signed; add an addendum to correct it.');
      }
      if (isEmpty(consultation)) {
        throw failure(
          'POLICY',
          'The record is empty: write the consultation before signing (complaint, diagnosis, advice or prescription).',
        );
      }
      assertNoDraftConflicts(consultation);
      const actor = requireActor(ctx);
      // The author's signing time, not when an offline signature reached the hub (docs/product.md §8).
      const signed = authorTime(ctx, signatureBounds(ctx, consultation));
      ctx.db.run(
        ctx.db.q
          .updateTable('consultations')
          .set({
            status: 'finalized',
            signedBy: actor.userId,
            signedAt: signed.at,
            signatureReceivedAt: signed.receivedAt,
            signatureClock: signed.clock,
            updatedAt: ctx.now,
          })
          .where('id', '=', consultation.id),
      );
      ctx.changed('consultations', consultation.id);
      auditConsultation(ctx, 'change', 'consultations.finalize', consultation, {
        appointmentId: consultation.appointmentId,
      });
      return consultationView(ctx.db, getConsultation(ctx.db, consultation.id));
    },
  }),

  'consultations.addAddendum': handler('consultations.addAddendum', {
    run: (input, ctx) => {
      const consultation = getConsultation(ctx.db, input.consultationId);
      const actor = requireActor(ctx);
      // Corrections are the author's own (docs/product.md §1, §8): any doctor may read the record, only its
      // signer may add to it (before signing, its own doctor is told to edit the draft instead).
      const author =
        consultation.status === 'finalized'
          ? consultation.signedBy === actor.userId
          : consultation.doctorId === actor.doctorId;
      if (!author) {
        throw failure('FORBIDDEN', 'Only the doctor who signed this record can add an addendum to it.');
      }
      if (consultation.status !== 'finalized') {
        throw failure(
          'POLICY',
          'This record is not signed yet; edit the draft instead of adding an addendum.',
        );
      }
      if (ctx.db.first(ctx.db.q.selectFrom('addenda').select('id').where('id', '=', input.id))) {
        throw failure('CONFLICT', 'This addendum was already added.');
      }
      // Written after the signature, by the author's clock (bounded like the signature's).
      const written = authorTime(ctx, addendumBounds(ctx, consultation));
      const addendum: Addendum = {
        id: input.id,
        consultationId: consultation.id,
        authorUserId: actor.userId,
        at: written.at,
        text: input.text,
        receivedAt: written.receivedAt,
        clock: written.clock,
      };
      ctx.db.run(ctx.db.q.insertInto('addenda').values(addendum));
      ctx.changed('addenda', addendum.id);
      auditConsultation(ctx, 'change', 'consultations.addAddendum', consultation, {
        addendumId: addendum.id,
      });
      return addendum;
    },
  }),
};
