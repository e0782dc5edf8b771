import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, operationNames, type OperationName } from '@shared/contract/index';
import { handlers } from '@server/handlers/registry';
import { openReplica } from './replica';

const modeOf = (name: OperationName) => contract[name].offline;

describe('where a desktop runs an operation (the contract declares it)', () => {
  it('declares it for every operation: queries replica or online-only, commands queue or online-only', () => {
    for (const name of operationNames) {
      const { kind } = contract[name];
      const allowed = kind === 'query' ? ['replica', 'online-only'] : ['queue', 'online-only'];
      expect(allowed, name).toContain(modeOf(name));
      if (contract[name].provisional) expect(modeOf(name), name).toBe('queue');
    }
  });

  it('declares only what the local executor can run locally: no handler step that awaits the hub', () => {
    for (const name of operationNames) {
      if (modeOf(name) === 'online-only') continue;
      // Operations without a handler (the planned waiting list) are not served by the hub either.
      expect(handlers[name]?.prepare, name).toBeUndefined();
    }
    expect(operationNames.filter((name) => modeOf(name) === 'queue' && !handlers[name])).toEqual([]);
  });

  it('marks provisional records in columns the replica has', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-offline-modes-'));
    const replica = openReplica(join(dir, 'replica.db'));
    try {
      for (const name of operationNames) {
        const mark = contract[name].provisional;
        if (!mark) continue;
        const columns = replica.columns(mark.table).map((c) => c.name);
        for (const field of [...Object.keys(mark.set), 'id']) expect(columns, name).toContain(field);
        for (const shown of Object.values(mark.set)) {
          if (shown !== null && typeof shown === 'object') expect(columns, name).toContain(shown.from);
        }
      }
    } finally {
      replica.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks the hub for every message-text and mail-server query: a replica holds neither', () => {
    const messageQueries = operationNames.filter(
      (name) => name.startsWith('messages.') && contract[name].kind === 'query',
    );
    expect(messageQueries.sort()).toEqual([
      'messages.mailSettings',
      'messages.preview',
      'messages.templates',
    ]);
    for (const name of messageQueries) expect(modeOf(name), name).toBe('online-only');
    // Their commands are never queued offline.
    for (const name of operationNames) {
      if (name.startsWith('messages.')) expect(modeOf(name), name).not.toBe('queue');
    }
  });

  it('asks the hub for leave requests: they are hub-only (private reasons), and never queued offline', () => {
    const leave = operationNames.filter((name) => name.startsWith('leave.'));
    for (const name of leave) {
      if (contract[name].kind === 'query') expect(modeOf(name), name).toBe('online-only');
      else expect(modeOf(name), name).not.toBe('queue');
    }
  });
});
