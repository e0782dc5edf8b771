import { failure } from '@shared/contract/errors';
import { notFound, type RecordKind } from '@shared/contract/not-found';
import type { HandlerContext } from '@server/core/handler';

/**
 * Enforces the 'own' scope of the permission policy. A patient reaching another patient's
 * record, or a doctor another doctor's, gets the very NOT_FOUND a missing record of that kind
 * gets (`kind`: the record the caller named), so an error never tells whether it exists.
 */
export function assertOwnPatient(ctx: HandlerContext, patientId: string, kind: RecordKind): void {
  if (ctx.scope !== 'own' || ctx.actor?.role !== 'patient') return;
  if (ctx.actor.patientId !== patientId) throw notFound(kind);
}

export function assertOwnDoctor(ctx: HandlerContext, doctorId: string, kind: RecordKind): void {
  if (ctx.scope !== 'own' || ctx.actor?.role !== 'doctor') return;
  if (ctx.actor.doctorId !== doctorId) throw notFound(kind);
}

/** For records tied to both (appointments): a patient must own the patient side, a doctor the doctor side. */
export function assertOwnAppointment(
  ctx: HandlerContext,
  record: { patientId: string; doctorId: string },
  kind: RecordKind = 'appointment',
): void {
  assertOwnPatient(ctx, record.patientId, kind);
  assertOwnDoctor(ctx, record.doctorId, kind);
}

export function requireActor(ctx: HandlerContext) {
  if (!ctx.actor) throw failure('UNAUTHENTICATED', 'Please sign in first.');
  return ctx.actor;
}
