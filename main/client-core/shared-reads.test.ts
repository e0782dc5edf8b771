import { describe, expect, it } from 'vitest';
import { readKey, SharedReads } from './shared-reads';

describe('shared reads', () => {
  it('key a read by session, operation and input, whatever the order of the input’s keys', () => {
    const key = readKey('s1', 'slots.list', { doctorId: 'd', from: '2026-11-23', filter: { a: 1, b: 2 } });
    expect(readKey('s1', 'slots.list', { filter: { b: 2, a: 1 }, from: '2026-11-23', doctorId: 'd' })).toBe(
      key,
    );
    expect(
      readKey('s2', 'slots.list', { doctorId: 'd', from: '2026-11-23', filter: { a: 1, b: 2 } }),
    ).not.toBe(key);
    expect(
      readKey('s1', 'slots.list', { doctorId: 'e', from: '2026-11-23', filter: { a: 1, b: 2 } }),
    ).not.toBe(key);
  });

  it('share one run among callers while it is in flight, then run afresh', async () => {
    const reads = new SharedReads<number>();
    let runs = 0;
    const read = () => ++runs;
    expect(await Promise.all([reads.run('k', read), reads.run('k', read), reads.run('other', read)])).toEqual(
      [1, 1, 2],
    );
    expect(await reads.run('k', read)).toBe(3);
  });
});
