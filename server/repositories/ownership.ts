import { failure } from '@shared/contract/errors';
import type { HandlerContext } from '@server/core/handler';

/**
 * Enforces the 'own' scope of the permission policy. A patient reaching another patient's
 * record, or a doctor another doctor's, gets the same NOT_FOUND as for a missing record.
 */
export function assertOwnPatient(ctx: HandlerContext, patientId: string): void {
  if (ctx.scope !== 'own' || ctx.actor?.role !== 'patient') return;
  if (ctx.actor.patientId !== patientId) throw failure('NOT_FOUND', 'Not found.');
}

export function assertOwnDoctor(ctx: HandlerContext, doctorId: string): void {
  if (ctx.scope !== 'own' || ctx.actor?.role !== 'doctor') return;
  if (ctx.actor.doctorId !== doctorId) throw failure('NOT_FOUND', 'Not found.');
}

/** For records tied to both (appointments): a patient must own the patient side, a doctor the doctor side. */
export function assertOwnAppointment(
  ctx: HandlerContext,
  record: { patientId: string; doctorId: string },
): void {
  assertOwnPatient(ctx, record.patientId);
  assertOwnDoctor(ctx, record.doctorId);
}

export function requireActor(ctx: HandlerContext) {
  if (!ctx.actor) throw failure('UNAUTHENTICATED', 'Please sign in first.');
  return ctx.actor;
}
