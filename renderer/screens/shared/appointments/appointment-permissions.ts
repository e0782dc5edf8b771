import type { OperationName } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { User } from '@shared/domain/user.schema';
import { authorize } from '@shared/permissions/authorize';

/**
 * Whether the hub would let this user do `operation` on this appointment (docs/architecture.md (Security invariants)), so the UI
 * offers only what it accepts: a doctor acts on their own patients' appointments, a nurse on none.
 */
export function mayActOn(
  user: Pick<User, 'role' | 'doctorId'>,
  operation: OperationName,
  appointment: Pick<Appointment, 'doctorId'>,
): boolean {
  const decision = authorize(user.role, operation);
  if (!decision.allowed) return false;
  if (decision.scope !== 'own') return true;
  return user.role === 'doctor' && user.doctorId !== null && user.doctorId === appointment.doctorId;
}
