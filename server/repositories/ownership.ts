import { failure } from '@shared/contract/errors';
import { notFound, type RecordKind } from '@shared/contract/not-found';
import type { OwnResource } from '@shared/permissions/own-scope';
import { owns, type ParentResolver } from '@shared/permissions/ownership';
import type { HandlerContext } from '@server/core/handler';
import type { Db } from '@server/db/database';

type Row = Record<string, unknown>;
type OwnContext = Pick<HandlerContext, 'db' | 'scope' | 'actor'>;

/** Hub tables a parent of an owned row lives in (own-scope.ts `via`): never a name from input. */
const parentTables: Partial<Record<OwnResource, string>> = { appointments: 'appointments', bills: 'bills' };

/** The hub's side of 'own through a parent': reads the parent rows by id, 500 at a time. */
export function parentResolver(db: Db): ParentResolver {
  return (parent, ids) => {
    const table = parentTables[parent];
    if (!table) throw new Error(`No parent table for ${parent}`);
    const rows: Row[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const found = db.sqlite
        .prepare(`SELECT * FROM ${table} WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as Row[];
      rows.push(...found);
    }
    return rows;
  };
}

/**
 * Whether the caller may reach this record under the policy's scope: always under 'any', and
 * under 'own' only when the policy's own rule for the resource (own-scope.ts) makes it theirs.
 */
export function reachable(ctx: OwnContext, resource: OwnResource, record: Row): boolean {
  if (ctx.scope !== 'own') return true;
  if (!ctx.actor) return false;
  return owns(ctx.actor, resource, record, parentResolver(ctx.db));
}

/**
 * Enforces the 'own' scope of the permission policy. A patient reaching another patient's
 * record, or a doctor another doctor's, gets the very NOT_FOUND a missing record of that kind
 * gets (`kind`: the record the caller named), so an error never tells whether it exists.
 */
export function assertOwn(ctx: OwnContext, resource: OwnResource, record: Row, kind: RecordKind): void {
  if (!reachable(ctx, resource, record)) throw notFound(kind);
}

export function requireActor(ctx: Pick<HandlerContext, 'actor'>) {
  if (!ctx.actor) throw failure('UNAUTHENTICATED', 'Please sign in first.');
  return ctx.actor;
}
