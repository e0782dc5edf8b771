import { describe, expect, it } from 'vitest';
import { auditAlarmText } from './audit-alarm';

const at = (iso: string) => `at ${iso}`;
const passed = { kind: 'start', at: '2026-12-07T01:00:00.000Z', ok: true, checked: 70 } as const;

describe('the audit alarm', () => {
  it('says nothing while the chain is intact or not checked yet', () => {
    expect(auditAlarmText({ lastCheck: null, alarm: null }, at)).toBeNull();
    const ok = { ...passed, firstBadSeq: null, problem: null };
    expect(auditAlarmText({ lastCheck: ok, alarm: null }, at)).toBeNull();
  });

  it('names the first bad entry and what is wrong, even after a later check passed', () => {
    const alarm = {
      firstBadSeq: 71,
      problem: 'entries 71–120 were removed (the log now ends at entry 70)',
      detectedAt: '2026-12-07T00:59:00.000Z',
    };
    const ok = { ...passed, firstBadSeq: null, problem: null };
    expect(auditAlarmText({ lastCheck: ok, alarm }, at)).toEqual({
      title: 'The audit log has been tampered with. First bad entry: #71.',
      description: expect.stringContaining(
        'entries 71–120 were removed (the log now ends at entry 70) (found at 2026-12-07T00:59:00.000Z).',
      ) as string,
    });
  });

  it('warns about a failed check without an alarm, and about a forged anchor', () => {
    const failed = { ...passed, ok: false, firstBadSeq: 12, problem: 'entry 12 was altered' };
    expect(auditAlarmText({ lastCheck: failed, alarm: null }, at)?.title).toBe(
      'The audit log has been tampered with. First bad entry: #12.',
    );
    const forged = { firstBadSeq: null, problem: 'the audit anchor file was altered', detectedAt: passed.at };
    expect(auditAlarmText({ lastCheck: null, alarm: forged }, at)?.title).toMatch(
      /its anchor does not match/,
    );
  });
});
