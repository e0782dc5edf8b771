import type { Role } from '@shared/domain/common.schema';
import type { OperationName } from '@shared/contract/index';
import { authorize } from './authorize';
import { type OwnResource, type OwnRule, ownRules, ownTargets } from './own-scope';

type Row = Readonly<Record<string, unknown>>;

/** Who is asking, as far as 'own' needs: a patient actor is `{ role: 'patient', patientId }`. */
export interface OwnActor {
  role: Role;
  userId?: string | null;
  patientId?: string | null;
  doctorId?: string | null;
}

/**
 * Reads the rows of `parent` with these ids (any it lacks are left out), for rules that own a
 * row through its parent. Supplied by the hub (server/repositories/ownership.ts); without one, a
 * row owned only through a parent is not the actor's (deny by default).
 */
export type ParentResolver = (parent: OwnResource, ids: readonly string[]) => readonly Row[];

export function ownRuleOf(role: Role, resource: OwnResource): OwnRule | undefined {
  return ownRules[resource][role];
}

function matches(actor: OwnActor, rule: Extract<OwnRule, { owner: string }>, row: Row): boolean {
  const identity = actor[rule.owner];
  if (!identity || row[rule.column] !== identity) return false;
  return Object.entries(rule.where ?? {}).every(([column, value]) => row[column] === value);
}

/**
 * The one 'own' evaluator (docs/architecture.md (Security invariants)): the rows among `rows`
 * that are the actor's own under the policy's rule for `resource`. Deny by default: a role
 * without a rule, or an actor without the identity the rule needs, owns nothing.
 */
export function keepOwned<R extends Row>(
  actor: OwnActor,
  resource: OwnResource,
  rows: readonly R[],
  resolve?: ParentResolver,
): R[] {
  const rule = ownRuleOf(actor.role, resource);
  if (!rule) return [];
  if ('owner' in rule) return rows.filter((row) => matches(actor, rule, row));
  if (!resolve) return [];
  const parentIds = [...new Set(rows.map((row) => String(row[rule.column])))];
  if (parentIds.length === 0) return [];
  const owned = new Set(keepOwned(actor, rule.via, resolve(rule.via, parentIds), resolve).map((p) => p.id));
  return rows.filter((row) => owned.has(String(row[rule.column])));
}

/** Whether one record is the actor's own (see keepOwned). */
export function owns(actor: OwnActor, resource: OwnResource, record: Row, resolve?: ParentResolver): boolean {
  return keepOwned(actor, resource, [record], resolve).length === 1;
}

/**
 * Whether the actor may do `operation` on this record: the policy grants it, and under 'own'
 * the record is theirs (by the operation's target in own-scope.ts). What the UI offers and what a
 * gateway checks; the hub's handlers ask the same rules through assertOwn.
 */
export function mayDo(
  actor: OwnActor,
  operation: OperationName,
  record: Row,
  resolve?: ParentResolver,
): boolean {
  const decision = authorize(actor.role, operation);
  if (!decision.allowed) return false;
  if (decision.scope !== 'own') return true;
  const target = ownTargets[operation];
  if (!target) return false;
  return target === 'self' || owns(actor, target, record, resolve);
}
