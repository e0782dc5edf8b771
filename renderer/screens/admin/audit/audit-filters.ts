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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function plain(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(plain).join(' / ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${words(key)} ${plain(inner)}`)
      .join('; ');
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/**
 * A short line of an entry's non-clinical details in words, without internal ids (the record and
 * patient columns name those) and without the change rows every change lists.
 */
export function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(
      ([key, value]) =>
        key !== 'rows' && !/Ids?$/.test(key) && !(typeof value === 'string' && UUID.test(value)),
    )
    .map(([key, value]) => `${words(key)}: ${plain(value)}`)
    .join(', ');
}
