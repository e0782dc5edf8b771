import { describe, expect, it } from 'vitest';
import { sourceGroup, THIS_MACHINE } from './source-address';

describe('sign-in sources (issue 14, item 4 review)', () => {
  it('groups an IPv6 address by its /64 and an IPv4-mapped one as its IPv4 address', () => {
    expect(sourceGroup('fd00:1:2:3::a1')).toBe('fd00:1:2:3::/64');
    expect(sourceGroup('FD00:0001:0002:0003:9c1e:77ff:fe01:2')).toBe('fd00:1:2:3::/64');
    expect(sourceGroup('fd00:1:2:4::a1')).toBe('fd00:1:2:4::/64');
    expect(sourceGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceGroup('::1')).toBe('0:0:0:0::/64');
    expect(sourceGroup('::ffff:192.168.1.20')).toBe('192.168.1.20');
    expect(sourceGroup('::ffff:c0a8:114')).toBe('192.168.1.20');
    expect(sourceGroup('192.168.1.20')).toBe('192.168.1.20');
  });

  it('puts every in-process caller in one named bucket', () => {
    expect(sourceGroup(null)).toBe(THIS_MACHINE);
  });
});
