import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { InputOf } from '@shared/contract/index';
import type { Role } from '@shared/domain/common.schema';
import { AUDIT_ROLE_LABELS, auditEntityLabel, auditPhrase } from '@shared/rules/audit-phrases';
import { unnamedDeviceLabel } from '@shared/rules/device-label';
import type { Db } from '@server/db/database';
import { deviceNamings } from '@server/repositories/device-names.repository';

/** More than years of a small clinic's entries; a bigger export is asked for in parts (by dates). */
export const MAX_AUDIT_EXPORT = 100_000;

type Filters = InputOf<'audit.export'>;

/** The entries of the audit list's filters, oldest first, as the screen words them. */
export function auditCsv(db: Db, filters: Filters, zone: string): string {
  let query = db.q.selectFrom('audit_log');
  if (filters.from) query = query.where('at', '>=', filters.from);
  if (filters.to) query = query.where('at', '<', filters.to);
  if (filters.userId) query = query.where('actorUserId', '=', filters.userId);
  if (filters.patientId) query = query.where('patientId', '=', filters.patientId);
  const rows = db.all(query.selectAll().orderBy('seq', 'asc').limit(MAX_AUDIT_EXPORT));

  const users = new Map(
    db.all(db.q.selectFrom('users').select(['id', 'displayName'])).map((u) => [u.id, u.displayName]),
  );
  const patientIds = [...new Set(rows.flatMap((r) => (r.patientId ? [r.patientId] : [])))];
  const patients = new Map<string, string>();
  for (let i = 0; i < patientIds.length; i += 500) {
    const part = patientIds.slice(i, i + 500);
    for (const p of db.all(db.q.selectFrom('patients').select(['id', 'fullName']).where('id', 'in', part))) {
      patients.set(p.id, p.fullName);
    }
  }
  const devices = deviceNamings(db);

  const local = (instant: string) =>
    DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
  const header = ['#', 'When', 'Who', 'Role', 'What', 'Record', 'Record id', 'Patient', 'Device', 'Action'];
  const lines = rows.map((r) => [
    r.seq,
    local(r.at),
    r.actorUserId ? (users.get(r.actorUserId) ?? 'Unknown user') : 'Nobody signed in',
    r.actorRole ? (AUDIT_ROLE_LABELS[r.actorRole as Role] ?? r.actorRole) : '',
    auditPhrase(r.action),
    auditEntityLabel(r.entity),
    r.entityId ?? '',
    r.patientId ? (patients.get(r.patientId) ?? 'Unknown patient') : '',
    devices.get(r.deviceId)?.name ?? unnamedDeviceLabel(r.deviceId),
    r.action,
  ]);
  return stringify([header, ...lines], { bom: true, record_delimiter: 'windows' });
}

/** audit-log-2026-11-01-to-2026-11-30.csv: the clinic days the filters cover (`to` is exclusive). */
export function auditFileName(filters: Filters, zone: string, now: string): string {
  const day = (instant: string, back = 0) =>
    DateTime.fromISO(instant, { zone: 'utc' }).minus({ milliseconds: back }).setZone(zone).toISODate();
  return `audit-log-${filters.from ? day(filters.from) : 'start'}-to-${day(filters.to ?? now, filters.to ? 1 : 0)}.csv`;
}
