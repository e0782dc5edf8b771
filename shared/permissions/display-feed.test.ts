import { describe, expect, it } from 'vitest';
import { operationNames } from '@shared/contract/index';
import { authorizeDisplay } from './display-feed';

describe('what a display credential may read', () => {
  const live = { displayId: 'd1', revoked: false };

  it('its own feed and its voices only, and nothing without a live credential', () => {
    expect(authorizeDisplay(live, null)).toEqual({ allowed: true, displayId: 'd1' });
    expect(authorizeDisplay(live, 'display.snapshot')).toEqual({ allowed: true, displayId: 'd1' });
    expect(authorizeDisplay(live, 'display.voices')).toEqual({ allowed: true, displayId: 'd1' });
    expect(authorizeDisplay(null, 'display.voices')).toEqual({ allowed: false, reason: 'unauthenticated' });
    expect(authorizeDisplay(null, 'display.snapshot')).toEqual({ allowed: false, reason: 'unauthenticated' });
    expect(authorizeDisplay({ ...live, revoked: true }, null)).toEqual({
      allowed: false,
      reason: 'unauthenticated',
    });
  });

  it('refuses every contract operation and sync message', () => {
    for (const name of [...operationNames, 'call', 'auth', 'hello', 'sync.pull', 'sync.push']) {
      expect(authorizeDisplay(live, name)).toEqual({ allowed: false, reason: 'forbidden' });
    }
  });
});
