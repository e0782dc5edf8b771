import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { COMPANION_QR_OPTIONS, companionQr, modulesOfPath } from './companion-qr';

describe('the companion app QR code', () => {
  it('draws exactly the modules the QR library encodes for the link', () => {
    const link = 'https://app.sunrise-clinic.in/book?clinic=blr-01';
    const { size, path } = companionQr(link);
    const expected = encode(link, COMPANION_QR_OPTIONS);
    expect(size).toBe(expected.size);
    expect(modulesOfPath(path, size)).toEqual(expected.data);
    // Another link, another code.
    expect(companionQr('https://app.sunrise-clinic.in/').path).not.toBe(path);
  });
});
