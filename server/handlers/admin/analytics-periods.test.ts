import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@server/db/database';
import {
  byOffset,
  datesBetween,
  offsetSegments,
  periodOf,
  periodSql,
  periodsBetween,
} from './analytics-periods';

const dir = mkdtempSync(join(tmpdir(), 'clinic-periods-'));
const db = openDatabase(join(dir, 'periods.db'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const select = <T>(expression: ReturnType<typeof sql<T>>) => {
  const compiled = sql<{ value: T }>`SELECT ${expression} AS value`.compile(db.q);
  return (db.sqlite.prepare(compiled.sql).get(...compiled.parameters) as { value: T }).value;
};

describe('analytics periods', () => {
  it('names days, ISO weeks and months, and SQLite agrees with the names across year ends', () => {
    expect(periodOf('2026-11-23', 'day')).toBe('2026-11-23');
    expect(periodOf('2026-11-23', 'week')).toBe('2026-W48');
    expect(periodOf('2026-12-31', 'week')).toBe('2026-W53');
    expect(periodOf('2027-01-03', 'week')).toBe('2026-W53');
    expect(periodOf('2027-01-04', 'week')).toBe('2027-W01');
    expect(periodOf('2026-11-23', 'month')).toBe('2026-11');
    for (const date of datesBetween('2024-12-20', '2027-01-12')) {
      for (const granularity of ['day', 'week', 'month'] as const) {
        expect(select(periodSql(sql`${date}`, granularity)), `${date} ${granularity}`).toBe(
          periodOf(date, granularity),
        );
      }
    }
  });

  it('lists the periods of a range in order, partial ones included', () => {
    expect(periodsBetween('2026-11-27', '2026-12-01', 'day')).toEqual([
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
    expect(periodsBetween('2026-11-27', '2026-12-08', 'week')).toEqual(['2026-W48', '2026-W49', '2026-W50']);
    expect(periodsBetween('2026-11-27', '2027-01-02', 'month')).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('finds a zone’s offset changes to the millisecond, and none in a zone without daylight saving', () => {
    const year = [Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')] as const;
    expect(offsetSegments(...year, 'Asia/Kolkata')).toEqual([{ offsetMinutes: 330, untilMs: null }]);
    expect(offsetSegments(...year, 'America/New_York')).toEqual([
      { offsetMinutes: -300, untilMs: Date.parse('2026-03-08T07:00:00Z') },
      { offsetMinutes: -240, untilMs: Date.parse('2026-11-01T06:00:00Z') },
      { offsetMinutes: -300, untilMs: null },
    ]);
  });

  it('turns instants into local dates in SQL with the offset in force at each', () => {
    const segments = offsetSegments(
      Date.parse('2026-10-30T00:00:00Z'),
      Date.parse('2026-11-04T00:00:00Z'),
      'America/New_York',
    );
    const localDate = (at: string) =>
      select(
        byOffset(
          segments,
          (untilMs) => sql`${at} < ${new Date(untilMs).toISOString()}`,
          (offset) => sql<string>`date(${at}, ${`${offset} minutes`})`,
        ),
      );
    // 23:30 on Saturday 31 Oct (EDT) and 23:30 on Sunday 1 Nov (EST), both the next day in UTC.
    expect(localDate('2026-11-01T03:30:00.000Z')).toBe('2026-10-31');
    expect(localDate('2026-11-02T04:30:00.000Z')).toBe('2026-11-01');
  });
});
