import type { OperationName } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { User } from '@shared/domain/user.schema';
import { mayDo } from '@shared/permissions/ownership';

/**
 * Whether the hub would let this user do `operation` on this appointment (docs/architecture.md (Security invariants)), so the UI
 * offers only what it accepts: the policy's own scope (shared/permissions/own-scope.ts) lets a
 * doctor act on their own patients' appointments, a nurse on none. Staff screens only: the user's
 * patient identity is not passed, so a patient is offered nothing here.
 */
export function mayActOn(
  user: Pick<User, 'role' | 'doctorId'>,
  operation: OperationName,
  appointment: Pick<Appointment, 'doctorId'>,
): boolean {
  return mayDo({ role: user.role, doctorId: user.doctorId }, operation, appointment);
}
