import { describe, expect, it } from 'vitest';
import { checkDateBounds, dateLayout, formatDateEntry, readDateEntry } from './date-entry';

describe('dates typed in the clinic’s format', () => {
  it('reads day first in an en-IN clinic and month first in an en-US one', () => {
    expect(readDateEntry('07/12/2026', 'en-IN')).toEqual({ kind: 'date', iso: '2026-12-07' });
    expect(readDateEntry('07/12/2026', 'en-US')).toEqual({ kind: 'date', iso: '2026-07-12' });
    expect(readDateEntry(' 7-12-2026 ', 'en-IN')).toEqual({ kind: 'date', iso: '2026-12-07' });
    expect(readDateEntry('7.12.2026', 'en-IN')).toEqual({ kind: 'date', iso: '2026-12-07' });
    expect(readDateEntry('2026-12-07', 'en-IN')).toEqual({ kind: 'date', iso: '2026-12-07' });
    expect(readDateEntry('', 'en-IN')).toEqual({ kind: 'empty' });
  });

  it('refuses what is not a whole date, saying how to type one', () => {
    for (const text of ['07/12/26', '07/12', 'tomorrow', '07/12/2026/1', '123/1/2026']) {
      expect(readDateEntry(text, 'en-IN')).toEqual({
        kind: 'invalid',
        problem: 'type the date as dd/mm/yyyy, e.g. 07/12/2026',
      });
    }
    expect(readDateEntry('31/02/2026', 'en-IN')).toEqual({
      kind: 'invalid',
      problem: '31/02/2026 is not a date in the calendar (dd/mm/yyyy)',
    });
    expect(readDateEntry('12/31/2026', 'en-IN').kind).toBe('invalid');
  });

  it('formats and describes the locale’s numeric dates', () => {
    expect(formatDateEntry('2026-12-07', 'en-IN')).toBe('07/12/2026');
    expect(formatDateEntry('2026-12-07', 'en-US')).toBe('12/07/2026');
    expect(dateLayout('en-IN').pattern).toBe('dd/mm/yyyy');
    expect(dateLayout('en-US').pattern).toBe('mm/dd/yyyy');
  });

  it('keeps dates inside the bounds given', () => {
    const entry = readDateEntry('06/12/2026', 'en-IN');
    expect(checkDateBounds(entry, 'en-IN', { min: '2026-12-07' })).toEqual({
      kind: 'invalid',
      problem: 'must be on or after 07/12/2026',
    });
    expect(checkDateBounds(entry, 'en-IN', { max: '2026-12-05' })).toEqual({
      kind: 'invalid',
      problem: 'must be on or before 05/12/2026',
    });
    expect(checkDateBounds(entry, 'en-IN', { min: '2026-12-06', max: '2026-12-06' })).toEqual(entry);
  });
});
