import { describe, expect, it } from 'vitest';
import { contract, type OperationName } from '@shared/contract/index';
import { hubOnlyQueries, outboxCommands } from './operations';

describe('where a desktop runs an operation', () => {
  it('asks the hub for every message-text and mail-server query: a replica holds neither', () => {
    const messageQueries = (Object.keys(contract) as OperationName[]).filter(
      (name) => name.startsWith('messages.') && contract[name].kind === 'query',
    );
    expect(messageQueries.sort()).toEqual([
      'messages.mailSettings',
      'messages.preview',
      'messages.templates',
    ]);
    for (const name of messageQueries) expect(hubOnlyQueries.has(name), name).toBe(true);
    // Their commands are never queued offline.
    for (const name of Object.keys(contract) as OperationName[]) {
      if (name.startsWith('messages.')) expect(outboxCommands.has(name), name).toBe(false);
    }
  });

  it('asks the hub for leave requests: they are hub-only (private reasons), and never queued offline', () => {
    const leave = (Object.keys(contract) as OperationName[]).filter((name) => name.startsWith('leave.'));
    for (const name of leave) {
      if (contract[name].kind === 'query') expect(hubOnlyQueries.has(name), name).toBe(true);
      else expect(outboxCommands.has(name), name).toBe(false);
    }
  });
});
