import type { ParsedInputOf } from '@shared/contract/index';
import { failure } from '@shared/contract/errors';
import type { Patient } from '@shared/domain/patient.schema';
import { patientCode } from '@shared/rules/patient-identity';
import type { HandlerContext } from '@server/core/handler';
import { duplicatesMessage, findDuplicates } from './patient-duplicates';
import { patientRow, withRecordedFacts } from './patient-rows';
import { freeProvisionalCode } from './provisional-code';

/**
 * A new patient record with the next PAT code, refused with CONFLICT listing the duplicates
 * (docs/product.md §2) unless acknowledged. The one path for desks (patients.register) and the
 * companion app's self sign-up.
 */
export function registerPatient(
  ctx: HandlerContext,
  input: ParsedInputOf<'patients.register'>,
  audit: { via?: 'walk_in' | 'patient_app' } = {},
): Patient {
  const { db } = ctx;
  if (db.first(db.q.selectFrom('patients').select('id').where('id', '=', input.id))) {
    throw failure('CONFLICT', 'This patient record already exists; open it instead of registering again.');
  }
  const duplicates = findDuplicates(db, input.details);
  if (duplicates.length > 0 && !input.acknowledgeDuplicates) {
    throw failure('CONFLICT', duplicatesMessage(duplicates));
  }
  const patient: Patient = {
    ...withRecordedFacts(input.details),
    id: input.id,
    code: patientCode(ctx.hub.nextCounter('patient')),
    provisionalCode: input.provisionalCode && freeProvisionalCode(db, input.provisionalCode),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  db.run(db.q.insertInto('patients').values(patientRow(patient)));
  ctx.changed('patients', patient.id);
  ctx.audit({
    kind: 'change',
    action: 'patients.register',
    entity: 'patients',
    entityId: patient.id,
    patientId: patient.id,
    details: {
      code: patient.code,
      ...(audit.via && { via: audit.via }),
      ...(patient.provisionalCode !== input.provisionalCode && {
        provisionalCodeGiven: input.provisionalCode,
      }),
      acknowledgedDuplicates: duplicates.map((d) => d.patient.code),
    },
  });
  return patient;
}
