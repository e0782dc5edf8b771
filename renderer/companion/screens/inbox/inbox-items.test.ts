import { describe, expect, it } from 'vitest';
import { unreadIds } from './inbox-items';

describe('unreadIds', () => {
  it('picks the unread messages only', () => {
    expect(
      unreadIds([
        { id: 'a', readAt: null },
        { id: 'b', readAt: '2026-12-07T10:00:00.000Z' },
        { id: 'c', readAt: null },
      ]),
    ).toEqual(['a', 'c']);
  });

  it('keeps to the hub’s 200 ids a call', () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ id: `m${i}`, readAt: null }));
    expect(unreadIds(many)).toHaveLength(200);
  });
});
