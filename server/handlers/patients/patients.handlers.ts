import { failure } from '@shared/contract/errors';
import type { Patient } from '@shared/domain/patient.schema';
import { type HandlerContext, type HandlerMap, handler } from '@server/core/handler';
import { decode } from '@server/db/codecs';
import { givenFields } from '@server/handlers/clinic/partial-details';
import { getPatient } from '@server/repositories/lookups.repository';
import { assertOwn, reachable, requireActor } from '@server/repositories/ownership';
import { findDuplicates } from './patient-duplicates';
import { patientProfile } from './patient-profile';
import { changedFields, patientRow, withRecordedFacts } from './patient-rows';
import { registerPatient } from './register-patient';
import { searchPatients } from './patient-search';

function auditChange(
  ctx: HandlerContext,
  action: string,
  patient: Patient,
  details: Record<string, unknown>,
) {
  ctx.audit({
    kind: 'change',
    action,
    entity: 'patients',
    entityId: patient.id,
    patientId: patient.id,
    details,
  });
}

/** Patients: register, update, duplicates, search, profile (docs/product.md §2). */
export const patientHandlers: HandlerMap = {
  'patients.register': handler('patients.register', {
    run: (input, ctx) => registerPatient(ctx, input),
  }),

  'patients.update': handler('patients.update', {
    run: (input, ctx) => {
      assertOwn(ctx, 'patients', { id: input.id }, 'patient');
      const before = getPatient(ctx.db, input.id);
      const after: Patient = {
        ...before,
        ...withRecordedFacts(givenFields(input.details)),
        updatedAt: ctx.now,
      };
      const fields = changedFields(before, after);
      if (fields.length === 0) return before;
      const { id: _id, code: _code, createdAt: _createdAt, ...columns } = patientRow(after);
      ctx.db.run(ctx.db.q.updateTable('patients').set(columns).where('id', '=', input.id));
      ctx.changed('patients', input.id);
      auditChange(ctx, 'patients.update', after, { fields });
      return after;
    },
  }),

  'patients.checkDuplicates': handler('patients.checkDuplicates', {
    run: (input, ctx) => findDuplicates(ctx.db, input),
  }),

  'patients.search': handler('patients.search', {
    run: (input, ctx) => searchPatients(ctx.db, input.text, input.limit),
  }),

  'patients.get': handler('patients.get', {
    run: (input, ctx) => {
      assertOwn(ctx, 'patients', { id: input.id }, 'patient');
      return getPatient(ctx.db, input.id);
    },
  }),

  // patients.get's rules for many ids at once: a patient gets only their own record; an id that
  // is missing or not theirs is left out alike (one answer for both, as NOT_FOUND is for get).
  'patients.getMany': handler('patients.getMany', {
    run: (input, ctx) => {
      requireActor(ctx);
      const ids = [...new Set(input.ids)].filter((id) => reachable(ctx, 'patients', { id }));
      if (ids.length === 0) return [];
      const rows = ctx.db.all(ctx.db.q.selectFrom('patients').selectAll().where('id', 'in', ids));
      return rows.map((row) => decode<Patient>('patients', row));
    },
  }),

  'patients.profile': handler('patients.profile', {
    run: (input, ctx) => patientProfile(ctx, input.id),
  }),

  'patients.me': handler('patients.me', {
    run: (_input, ctx) => {
      const { patientId } = requireActor(ctx);
      if (!patientId) throw failure('NOT_FOUND', 'No patient record is linked to this account.');
      return getPatient(ctx.db, patientId);
    },
  }),
};
