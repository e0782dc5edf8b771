import type { EventName, EventPayload } from './events.contract';
import type { OperationName } from './index';
import { queryTables } from './query-tables';
import type { SyncedEntity } from './sync.contract';

/**
 * What a push says changed: the tables a change wrote and, when few, the ids of its rows per
 * table. The hub's `sync.poke` and the desktop client core's change notification both carry it,
 * built here from change-log rows; `null` means "anything may have changed" (a reconnect, a poke
 * from an older hub, a replica rebase).
 */
export interface ChangeHint {
  tables: SyncedEntity[];
  /** The changed rows' ids by table, or undefined when there were more than `MAX_HINT_IDS`. */
  ids?: Partial<Record<SyncedEntity, string[]>>;
}

export const MAX_HINT_IDS = 100;

export function changeHint(rows: Iterable<{ entity: SyncedEntity; entityId: string }>): ChangeHint {
  const ids = new Map<SyncedEntity, Set<string>>();
  for (const row of rows) ids.set(row.entity, (ids.get(row.entity) ?? new Set()).add(row.entityId));
  return hintOfIds([...ids].map(([table, set]) => [table, [...set]]));
}

function hintOfIds(entries: [SyncedEntity, string[]][]): ChangeHint {
  const tables = entries.map(([table]) => table);
  const count = entries.reduce((sum, [, ids]) => sum + ids.length, 0);
  return count > MAX_HINT_IDS ? { tables } : { tables, ids: Object.fromEntries(entries) };
}

/** Two pushes that settle into one refetch: the union of what they name. */
export function mergeHints(a: ChangeHint | null, b: ChangeHint | null): ChangeHint | null {
  if (a === null || b === null) return null;
  const tables = [...new Set([...a.tables, ...b.tables])];
  if (!a.ids || !b.ids) return { tables };
  const { ids: first } = a;
  const { ids: second } = b;
  return hintOfIds(
    tables.map((table) => [table, [...new Set([...(first[table] ?? []), ...(second[table] ?? [])])]]),
  );
}

/** The hint a push event carries (queue events: the queue's tables; others: anything). */
export function hintOf<E extends EventName>(event: E, payload: EventPayload<E>): ChangeHint | null {
  if (event === 'sync.poke') {
    const poke = payload as EventPayload<'sync.poke'>;
    if (!poke.tables) return null;
    return poke.ids ? { tables: poke.tables, ids: poke.ids } : { tables: poke.tables };
  }
  if (event === 'queue.changed' || event === 'queue.called') {
    return { tables: ['queue_entries', 'queue_moves', 'appointments'] };
  }
  return null;
}

/** Queries about one record (its table, its id in their input): refetched only when that row changed. */
const recordOf: Partial<Record<OperationName, (input: Record<string, unknown>) => [SyncedEntity, unknown]>> =
  {
    'patients.get': (input) => ['patients', input.id],
    'doctors.get': (input) => ['doctors', input.id],
  };

/** Whether a query (by name and input) may answer differently after the change the hint names. */
export function affectsQuery(hint: ChangeHint | null, name: string, input: unknown): boolean {
  if (hint === null) return true;
  const reads = (queryTables as Record<string, (typeof queryTables)[keyof typeof queryTables]>)[name];
  if (reads === undefined || reads === 'any') return true;
  if (!reads.some((table) => hint.tables.includes(table))) return false;
  const record = recordOf[name as OperationName];
  if (!record || !hint.ids || !input || typeof input !== 'object') return true;
  const [table, id] = record(input as Record<string, unknown>);
  return typeof id !== 'string' || (hint.ids[table] ?? []).includes(id);
}
