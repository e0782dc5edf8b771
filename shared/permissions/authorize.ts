import type { Role } from '@shared/domain/common.schema';
import type { OperationName } from '@shared/contract/index';
import { permissionPolicy, type Scope } from './policy';

export type Decision =
  { allowed: true; scope: Scope | 'public' } | { allowed: false; reason: 'unauthenticated' | 'forbidden' };

/**
 * The one evaluator (docs/architecture.md (Security invariants)). `role` is null for a caller with no session. The hub calls
 * it on every command, query, sync stream and document; the UI only uses it to hide what would
 * be refused.
 */
export function authorize(role: Role | null, operation: OperationName): Decision {
  const grant = permissionPolicy[operation];
  if (grant === 'public') return { allowed: true, scope: 'public' };
  if (role === null) return { allowed: false, reason: 'unauthenticated' };
  const scope = grant[role];
  return scope ? { allowed: true, scope } : { allowed: false, reason: 'forbidden' };
}

export function can(role: Role | null, operation: OperationName): boolean {
  return authorize(role, operation).allowed;
}

/** Operations a role may use: what a UI shows. */
export function allowedOperations(role: Role): OperationName[] {
  return (Object.keys(permissionPolicy) as OperationName[]).filter((operation) => can(role, operation));
}
