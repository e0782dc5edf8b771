import { addDays, dayClock } from '@shared/rules/zoned-time';

/** The UTC instants [from, to) of a clinic date in the clinic's zone, as ISO strings comparable with stored ones. */
export function clinicDayBounds(date: string, zone: string): { from: string; to: string } {
  return {
    from: new Date(dayClock(date, zone).startOf('00:00')).toISOString(),
    to: new Date(dayClock(addDays(date, 1), zone).startOf('00:00')).toISOString(),
  };
}
