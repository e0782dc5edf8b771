import type { ReminderRule } from '@shared/domain/settings.schema';
import { addDays, clinicDate, resolveLocal } from './zoned-time';

const HOUR_MS = 3_600_000;

/**
 * When an appointment's reminder is due (epoch ms), by the clinic's rule (docs/product.md §10):
 * - `hoursBefore N`: N real elapsed hours before the start (a DST change in between shifts the
 *   wall-clock reading, never the interval);
 * - `dayBefore at HH:MM`: that wall-clock time, in the clinic's zone, on the clinic date before the
 *   appointment's clinic date. A time the clocks skip that day (spring forward) resolves to the
 *   instant the clocks jump, the first moment whose wall time is at or after it; a time that occurs
 *   twice (fall back) resolves to its first occurrence. Both are deterministic and never later
 *   than the wall time would suggest.
 */
export function reminderDueMs(rule: ReminderRule, startMs: number, zone: string): number {
  if (rule.rule === 'hoursBefore') return startMs - rule.hours * HOUR_MS;
  const day = addDays(clinicDate(startMs, zone), -1);
  const resolved = resolveLocal(day, rule.at, zone);
  switch (resolved.kind) {
    case 'exact':
      return resolved.at;
    case 'ambiguous':
      return resolved.earlier;
    case 'gap':
      return resolved.jump;
  }
}
