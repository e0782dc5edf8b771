import { describe, expect, it } from 'vitest';
import { normalizeHubAddress } from './hub-address';

describe('normalizeHubAddress', () => {
  it.each([
    ['192.168.1.20', 'http://192.168.1.20:4810'],
    [' 192.168.1.20:5000 ', 'http://192.168.1.20:5000'],
    ['reception-pc', 'http://reception-pc:4810'],
    ['http://192.168.1.20:4810/', 'http://192.168.1.20:4810'],
    ['https://hub.example.org', 'https://hub.example.org'],
    ['[fe80::1]:4810', 'http://[fe80::1]:4810'],
  ])('%s → %s', (typed, url) => {
    expect(normalizeHubAddress(typed)).toEqual({ ok: true, url });
  });

  it.each(['', '   ', 'http://hub/sync', 'hub:99999', 'ftp://hub', 'user:pw@hub', 'hub?x=1'])(
    'refuses %j, naming the field',
    (typed) => {
      expect(normalizeHubAddress(typed)).toMatchObject({ ok: false, field: 'manualAddress' });
    },
  );
});
