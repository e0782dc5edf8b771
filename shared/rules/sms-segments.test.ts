import { describe, expect, it } from 'vitest';
import { smsSize } from './sms-segments';

describe('SMS segments', () => {
  it('counts GSM-7 texts in septets: 160 in one, 153 per part', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSize('a'.repeat(306)).segments).toBe(2);
    expect(smsSize('a'.repeat(307)).segments).toBe(3);
  });

  it('counts the extension table twice (€, braces)', () => {
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('€'.repeat(80) + 'a').segments).toBe(2);
  });

  it('counts Hindi (and ₹) as UCS-2: 70 in one, 67 per part', () => {
    const hindi = 'आपका अपॉइंटमेंट कल है';
    expect(smsSize(hindi)).toEqual({ encoding: 'UCS-2', units: hindi.length, segments: 1 });
    expect(smsSize('क'.repeat(70)).segments).toBe(1);
    expect(smsSize('क'.repeat(71)).segments).toBe(2);
    expect(smsSize('Paid ₹500').encoding).toBe('UCS-2');
  });

  it('counts an emoji as two UTF-16 units', () => {
    expect(smsSize('🙂').units).toBe(2);
  });
});
