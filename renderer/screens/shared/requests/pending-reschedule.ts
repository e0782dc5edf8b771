import type { ResultOf } from '@shared/contract/index';
import type { ClinicFormat } from '@renderer/app/clinic-format';

export type PendingReschedule = ResultOf<'appointments.rescheduleRequests'>[number];

/** What the patient asked for: an exact time, a day, or just another time. */
export function askedFor(p: PendingReschedule, format: ClinicFormat): string {
  const { preferredStartsAt, preferredDate } = p.request;
  if (preferredStartsAt) return format.dateTime(preferredStartsAt);
  if (preferredDate) return `${format.date(preferredDate)}, any time`;
  return 'another time';
}
