import { addDays, clinicDate } from './zoned-time';

/**
 * The booking horizon (clinic setting `bookingHorizonDays`): bookings may fall on today's clinic
 * date and up to that many days after it. Slot lists end there; staff may book beyond it only
 * with an override reason, patients never.
 */
export interface BookingHorizon {
  days: number;
  /** The last clinic date open for booking (YYYY-MM-DD). */
  lastDate: string;
}

export function bookingHorizon(now: string | number, zone: string, days: number): BookingHorizon {
  return { days, lastDate: addDays(clinicDate(now, zone), days) };
}

export function beyondHorizon(horizon: BookingHorizon, date: string): boolean {
  return date > horizon.lastDate;
}

/** What a slot list says about a date beyond the horizon. */
export function horizonMessage(horizon: BookingHorizon): string {
  return `Not open for booking yet: bookings open ${horizon.days} days ahead (up to ${horizon.lastDate}).`;
}
