import { describe, expect, it } from 'vitest';
import { parseTrustProxy, withBareTrustProxy } from './gateway-trust-proxy';

describe('--gateway-trust-proxy', () => {
  it('takes a hop count or the proxies’ addresses and ranges, never “everyone”', () => {
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    expect(parseTrustProxy('127.0.0.1/32, 10.0.0.0/8,::1')).toEqual({
      addresses: ['127.0.0.1/32', '10.0.0.0/8', '::1'],
    });
    expect(parseTrustProxy('loopback')).toEqual({ addresses: ['loopback'] });
    for (const [value, message] of [
      ['true', /"true" is not an IP address/],
      ['0', /1–10/],
      ['10.0.0.0/33', /"10.0.0.0\/33" is not/],
      ['10.0.0/8', /"10.0.0\/8" is not/],
      [' , ', /needs a hop count or proxy addresses/],
    ] as const) {
      expect(() => parseTrustProxy(value), value).toThrow(message);
    }
  });

  it('reads a bare flag (last, or before another flag) as the loopback proxy', () => {
    expect(withBareTrustProxy(['--gateway', '--gateway-trust-proxy'])).toEqual([
      '--gateway',
      '--gateway-trust-proxy=loopback',
    ]);
    expect(withBareTrustProxy(['--gateway-trust-proxy', '--no-mdns'])[0]).toBe(
      '--gateway-trust-proxy=loopback',
    );
    expect(withBareTrustProxy(['--gateway-trust-proxy', '2'])).toEqual(['--gateway-trust-proxy', '2']);
  });
});
