import { Badge, Link, Text } from '@chakra-ui/react';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import type { AuditEvent } from '@shared/domain/audit.schema';
import { AUDIT_ROLE_LABELS, auditEntityLabel, auditPhrase } from '@shared/rules/audit-phrases';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useDeviceNames } from '@renderer/app/device-names';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { patientLink, recordLink } from './audit-links';
import { detailText } from './audit-filters';

const KIND_LABELS = { change: 'Change', read: 'Read', auth: 'Sign-in' } as const;
const KIND_PALETTES = { change: 'blue', read: 'orange', auth: 'purple' } as const;

/** Who did what, to which record, when (clinic time) and on which device, in words. */
export function AuditTable({ entries }: { entries: AuditEvent[] }) {
  const format = useClinicFormat();
  const deviceName = useDeviceNames();
  const users = useApiQuery('users.list', {}, { staleTime: 60_000 });
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);
  const patients = usePatients(entries.flatMap((e) => (e.patientId ? [e.patientId] : [])));
  const columns = useMemo(
    (): DataColumn<AuditEvent>[] => [
      {
        id: 'when',
        header: 'When',
        sortBy: (e) => e.seq,
        cellProps: (e) => ({ whiteSpace: 'nowrap', title: `Entry ${e.seq}` }),
        cell: (e) => format.dateTime(e.at),
      },
      {
        id: 'who',
        header: 'Who',
        sortBy: (e) => (e.actorUserId ? names.get(e.actorUserId) : undefined),
        cell: (e) => (
          <>
            <Text data-testid="audit-who">
              {e.actorUserId ? (names.get(e.actorUserId) ?? 'Unknown user') : 'Nobody signed in'}
            </Text>
            <Text color="fg.muted" fontSize="xs">
              {e.actorRole ? AUDIT_ROLE_LABELS[e.actorRole] : ''}
            </Text>
          </>
        ),
      },
      {
        id: 'what',
        header: 'What',
        sortBy: (e) => auditPhrase(e.action),
        cell: (e) => {
          const details = detailText(e.details);
          return (
            <>
              <Text title={e.action}>
                <Badge colorPalette={KIND_PALETTES[e.kind]} variant="subtle" mr="2">
                  {KIND_LABELS[e.kind]}
                </Badge>
                <span data-testid="audit-action">{auditPhrase(e.action)}</span>
              </Text>
              {details && (
                <Text color="fg.muted" fontSize="xs" lineClamp="2" maxW="22rem">
                  {details}
                </Text>
              )}
            </>
          );
        },
      },
      {
        id: 'record',
        header: 'Record',
        sortBy: (e) => auditEntityLabel(e.entity),
        cellProps: (e) => ({ title: e.entityId ?? undefined }),
        cell: (e) => {
          const link = recordLink(e);
          return link ? (
            <Link asChild color="colorPalette.fg" colorPalette="blue">
              <RouterLink to={link}>{auditEntityLabel(e.entity)}</RouterLink>
            </Link>
          ) : (
            auditEntityLabel(e.entity)
          );
        },
      },
      {
        id: 'patient',
        header: 'Patient',
        sortBy: (e) => (e.patientId ? patients.get(e.patientId)?.fullName : undefined),
        cell: (e) =>
          e.patientId && (
            <Link asChild color="colorPalette.fg" colorPalette="blue">
              <RouterLink to={patientLink(e.patientId)}>
                {patients.get(e.patientId)?.fullName ?? 'Patient'}
              </RouterLink>
            </Link>
          ),
      },
      {
        id: 'device',
        header: 'Device',
        sortBy: (e) => deviceName(e.deviceId),
        cellProps: (e) => ({
          fontSize: 'sm',
          maxW: '12rem',
          truncate: true,
          title: e.deviceId,
          'data-testid': 'audit-device',
        }),
        cell: (e) => deviceName(e.deviceId),
      },
    ],
    [format, names, patients, deviceName],
  );
  return (
    <DataTable
      label="Audit entries"
      rows={entries}
      columns={columns}
      rowKey={(e) => String(e.seq)}
      rowAttributes={() => ({ 'data-testid': 'audit-row' })}
    />
  );
}
