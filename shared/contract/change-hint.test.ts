import { describe, expect, it } from 'vitest';
import { affectsQuery, changeHint, hintOf, MAX_HINT_IDS, mergeHints } from './change-hint';
import { contract } from './index';
import { queryTables } from './query-tables';

describe('change hints: which queries a change refetches', () => {
  it('names the tables and ids of the changed rows, leaving the ids out when there are many', () => {
    const hint = changeHint([
      { entity: 'appointments', entityId: 'a1' },
      { entity: 'queue_entries', entityId: 'q1' },
      { entity: 'appointments', entityId: 'a1' },
    ]);
    expect(hint).toEqual({
      tables: ['appointments', 'queue_entries'],
      ids: { appointments: ['a1'], queue_entries: ['q1'] },
    });
    const many = Array.from({ length: MAX_HINT_IDS + 1 }, (_, i) => ({
      entity: 'patients' as const,
      entityId: `p${i}`,
    }));
    expect(changeHint(many)).toEqual({ tables: ['patients'] });
    expect(mergeHints(hint, null)).toBeNull();
  });

  it('refetches the Today board’s lists after a booking, but not its patients’ names or the formulary', () => {
    const hint = changeHint([
      { entity: 'appointments', entityId: 'a1' },
      { entity: 'status_transitions', entityId: 't1' },
    ]);
    expect(affectsQuery(hint, 'appointments.list', { fromDate: '2026-12-07' })).toBe(true);
    expect(affectsQuery(hint, 'slots.list', { doctorId: 'd1' })).toBe(true);
    expect(affectsQuery(hint, 'patients.get', { id: 'p1' })).toBe(false);
    expect(affectsQuery(hint, 'formulary.list', {})).toBe(false);
    // A query reading outside the change log refetches on every push.
    expect(affectsQuery(hint, 'audit.list', {})).toBe(true);
  });

  it('refetches one patient only when that patient changed; without ids, every patient', () => {
    const edit = changeHint([{ entity: 'patients', entityId: 'p2' }]);
    expect(affectsQuery(edit, 'patients.get', { id: 'p1' })).toBe(false);
    expect(affectsQuery(edit, 'patients.get', { id: 'p2' })).toBe(true);
    expect(affectsQuery({ tables: ['patients'] }, 'patients.get', { id: 'p1' })).toBe(true);
    expect(affectsQuery(null, 'formulary.list', {})).toBe(true);
  });

  it('reads the hint of a push: a poke without tables (an older hub) means anything', () => {
    expect(hintOf('sync.poke', { hubId: 'h', epoch: 1, seq: 3 })).toBeNull();
    const poke = { hubId: 'h', epoch: 1, seq: 3, tables: ['bills' as const], ids: { bills: ['b1'] } };
    expect(hintOf('sync.poke', poke)).toEqual({ tables: ['bills'], ids: { bills: ['b1'] } });
    expect(hintOf('queue.changed', { doctorId: 'd', clinicDate: '2026-12-07' })?.tables).toContain(
      'queue_entries',
    );
  });

  it('lists exactly the contract’s queries', () => {
    const queries = Object.entries(contract)
      .filter(([, operation]) => operation.kind === 'query')
      .map(([name]) => name);
    expect(Object.keys(queryTables).sort()).toEqual(queries.sort());
  });
});
