import { Badge, Link, Table, Text } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import type { AuditEvent } from '@shared/domain/audit.schema';
import { AUDIT_ROLE_LABELS, auditEntityLabel, auditPhrase } from '@shared/rules/audit-phrases';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useDeviceNames } from '@renderer/app/device-names';
import { TablePanel } from '@renderer/components/TablePanel';
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
  const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  const patients = usePatients(entries.flatMap((e) => (e.patientId ? [e.patientId] : [])));
  return (
    <TablePanel label="Audit entries">
      <Table.Root size="sm" aria-label="Audit entries">
        <Table.Header>
          <Table.Row bg="bg.muted">
            <Table.ColumnHeader>When</Table.ColumnHeader>
            <Table.ColumnHeader>Who</Table.ColumnHeader>
            <Table.ColumnHeader>What</Table.ColumnHeader>
            <Table.ColumnHeader>Record</Table.ColumnHeader>
            <Table.ColumnHeader>Patient</Table.ColumnHeader>
            <Table.ColumnHeader>Device</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {entries.map((e) => {
            const link = recordLink(e);
            const details = detailText(e.details);
            return (
              <Table.Row key={e.seq} data-testid="audit-row">
                <Table.Cell whiteSpace="nowrap" title={`Entry ${e.seq}`}>
                  {format.dateTime(e.at)}
                </Table.Cell>
                <Table.Cell>
                  <Text data-testid="audit-who">
                    {e.actorUserId ? (names.get(e.actorUserId) ?? 'Unknown user') : 'Nobody signed in'}
                  </Text>
                  <Text color="fg.muted" fontSize="xs">
                    {e.actorRole ? AUDIT_ROLE_LABELS[e.actorRole] : ''}
                  </Text>
                </Table.Cell>
                <Table.Cell>
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
                </Table.Cell>
                <Table.Cell title={e.entityId ?? undefined}>
                  {link ? (
                    <Link asChild color="colorPalette.fg" colorPalette="blue">
                      <RouterLink to={link}>{auditEntityLabel(e.entity)}</RouterLink>
                    </Link>
                  ) : (
                    auditEntityLabel(e.entity)
                  )}
                </Table.Cell>
                <Table.Cell>
                  {e.patientId && (
                    <Link asChild color="colorPalette.fg" colorPalette="blue">
                      <RouterLink to={patientLink(e.patientId)}>
                        {patients.get(e.patientId)?.fullName ?? 'Patient'}
                      </RouterLink>
                    </Link>
                  )}
                </Table.Cell>
                <Table.Cell fontSize="sm" maxW="12rem" truncate title={e.deviceId} data-testid="audit-device">
                  {deviceName(e.deviceId)}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
    </TablePanel>
  );
}
