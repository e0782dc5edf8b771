import { describe, expect, it } from 'vitest';
import { browserNameOf, unnamedDeviceLabel } from './device-label';

describe('device names', () => {
  it('names a browser by its user agent', () => {
    const chromeWindows =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    expect(browserNameOf(chromeWindows)).toBe('Chrome on Windows');
    expect(browserNameOf(`${chromeWindows} Edg/131.0.0.0`)).toBe('Edge on Windows');
    expect(
      browserNameOf('Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'),
    ).toBe('Firefox on Linux');
    expect(
      browserNameOf(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome on Android');
    expect(
      browserNameOf(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(browserNameOf('curl/8.0')).toBe('Browser');
  });

  it('labels a device nobody named by its kind and a short id', () => {
    expect(unnamedDeviceLabel('browser-34cc3a39-1111-2222-3333-444455556666', 'browser')).toBe(
      'Browser 34cc3a39',
    );
    expect(unnamedDeviceLabel('0f1e2d3c-aaaa-bbbb-cccc-ddddeeeeffff', 'desktop')).toBe('Desktop 0f1e2d3c');
    expect(unnamedDeviceLabel('pc-1')).toBe('Device pc-1');
  });
});
