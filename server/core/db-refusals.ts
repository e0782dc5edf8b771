import { ApiFailure } from '@shared/contract/errors';
import type { SlotContext } from '@server/repositories/slots.repository';
import { type ClaimTarget, patientOverlap, slotTaken } from './claim-refusals';
import { constraintFailure } from './constraint-errors';

/** The claim table whose primary key refused a write (migration 002: a unit claimed twice). */
function claimTable(error: unknown): 'doctor_claims' | 'patient_claims' | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return null;
  if (typeof message !== 'string') return null;
  // "UNIQUE constraint failed: doctor_claims.doctorId, doctor_claims.unit"
  const table = message
    .slice(message.indexOf(':') + 1)
    .trim()
    .split('.')[0];
  return table === 'doctor_claims' || table === 'patient_claims' ? table : null;
}

/**
 * The one translation of a database refusal into the contract error a user can act on, used by
 * the hub's dispatcher, the appointment handlers (claimingTime) and a desktop's local executor,
 * so the hub and an offline desktop say the same: a doctor's claim taken is SLOT_TAKEN with the
 * next free times, a patient's is PATIENT_OVERLAP naming the clash, any other constraint names
 * its field (constraint-errors.ts). An ApiFailure passes through; null when `error` is not a
 * refusal (the caller reports it as INTERNAL). `target` is the time the write claimed, when known
 * (or how to find it from the input: asked only for a claim refusal).
 */
export function refusalOf(
  error: unknown,
  ctx: SlotContext,
  target: ClaimTarget | null | (() => ClaimTarget | null),
): ApiFailure | null {
  if (error instanceof ApiFailure) return error;
  const claimed = () => (typeof target === 'function' ? target() : target);
  switch (claimTable(error)) {
    case 'doctor_claims':
      return slotTaken(ctx, claimed());
    case 'patient_claims':
      return patientOverlap(ctx, claimed());
    default:
      return constraintFailure(error);
  }
}

/**
 * Runs a write that claims time (an appointment's insert or update: the claims follow by
 * trigger); a refusal becomes SLOT_TAKEN with the next free times from `target`, or
 * PATIENT_OVERLAP naming the clash. The failed statement leaves nothing behind.
 */
export function claimingTime<T>(ctx: SlotContext, target: ClaimTarget, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw refusalOf(error, ctx, target) ?? error;
  }
}
