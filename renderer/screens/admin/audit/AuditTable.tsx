import { Badge, Code, Table, Text } from '@chakra-ui/react';
import type { AuditEvent } from '@shared/domain/audit.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useDeviceNames } from '@renderer/app/device-names';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { detailText } from './audit-filters';
import { TablePanel } from '@renderer/components/TablePanel';

const KIND_PALETTES = { change: 'blue', read: 'orange', auth: 'purple' } as const;

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
            <Table.ColumnHeader>#</Table.ColumnHeader>
            <Table.ColumnHeader>When</Table.ColumnHeader>
            <Table.ColumnHeader>Who</Table.ColumnHeader>
            <Table.ColumnHeader>What</Table.ColumnHeader>
            <Table.ColumnHeader>Record</Table.ColumnHeader>
            <Table.ColumnHeader>Patient</Table.ColumnHeader>
            <Table.ColumnHeader>Device</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {entries.map((e) => (
            <Table.Row key={e.seq} data-testid="audit-row">
              <Table.Cell color="fg.muted">{e.seq}</Table.Cell>
              <Table.Cell whiteSpace="nowrap">{format.dateTime(e.at)}</Table.Cell>
              <Table.Cell>
                <Text>{e.actorUserId ? (names.get(e.actorUserId) ?? '…') : 'Nobody signed in'}</Text>
                <Text color="fg.muted" fontSize="xs">
                  {e.actorRole ?? ''}
                </Text>
              </Table.Cell>
              <Table.Cell>
                <Badge colorPalette={KIND_PALETTES[e.kind]} variant="subtle" mr="2">
                  {e.kind}
                </Badge>
                <Code size="sm" data-testid="audit-action">
                  {e.action}
                </Code>
                {Object.keys(e.details).length > 0 && (
                  <Text color="fg.muted" fontSize="xs" lineClamp="2" maxW="22rem">
                    {detailText(e.details)}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell>
                <Text>{e.entity}</Text>
                <Text color="fg.muted" fontSize="xs" title={e.entityId ?? undefined}>
                  {e.entityId ? e.entityId.slice(0, 8) : ''}
                </Text>
              </Table.Cell>
              <Table.Cell>{e.patientId ? (patients.get(e.patientId)?.fullName ?? '…') : ''}</Table.Cell>
              <Table.Cell fontSize="xs" maxW="10rem" truncate data-testid="audit-device">
                {deviceName(e.deviceId)}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </TablePanel>
  );
}
