import { DateTime } from 'luxon';
import type { InputOf } from '@shared/contract/index';

export interface AuditFilters {
  fromDate: string;
  toDate: string;
  userId: string;
  patientId: string | null;
  /** Part of the operation name, e.g. "login" or "appointments."; matched on the loaded page. */
  action: string;
}

export const NO_FILTERS: AuditFilters = { fromDate: '', toDate: '', userId: '', patientId: null, action: '' };

/** The hub's query for the filters: dates become the clinic day's bounds (to is inclusive). */
export function auditQuery(
  filters: AuditFilters,
  timeZone: string,
  page: { limit: number; offset: number },
): InputOf<'audit.list'> {
  const start = (date: string) => DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  const from = filters.fromDate ? start(filters.fromDate).toUTC().toISO() : null;
  const to = filters.toDate ? start(filters.toDate).plus({ days: 1 }).toUTC().toISO() : null;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.patientId ? { patientId: filters.patientId } : {}),
    ...page,
  };
}

/** A short, readable line of an entry's non-clinical details. */
export function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
