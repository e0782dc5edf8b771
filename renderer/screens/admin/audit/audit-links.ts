import type { AuditEvent } from '@shared/domain/audit.schema';

/** Where the admin can see an entry's record, when a screen of theirs shows it (else null). */
export function recordLink(entry: Pick<AuditEvent, 'entity' | 'entityId'>): string | null {
  switch (entry.entity) {
    case 'appointments':
      return entry.entityId ? `/appointments?q=${encodeURIComponent(entry.entityId)}&from=&to=` : null;
    case 'users':
      return '/users';
    case 'doctors':
    case 'rooms':
      return '/doctors-rooms';
    case 'settings':
    case 'formulary_entries': // the admin adds formulary entries in Settings
      return '/settings';
    case 'message_templates':
      return '/message-texts';
    default:
      return null;
  }
}

/** A patient's appointments, any date (the admin has no patient record screen). */
export const patientLink = (patientId: string) =>
  `/appointments?patient=${encodeURIComponent(patientId)}&from=&to=`;
