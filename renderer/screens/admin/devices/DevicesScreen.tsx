import { Badge, Button, Table, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { Device } from '@shared/domain/user.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { TablePanel } from '@renderer/components/TablePanel';
import { RenameDeviceDialog } from './RenameDeviceDialog';
import { DisplaysPanel } from './DisplaysPanel';

const KIND_LABELS = {
  desktop: 'Desktop',
  browser: 'Browser',
  display: 'Queue display',
  companion: 'Companion app',
};

/**
 * Machines that sync with the hub, one row each: who signed in there (last first), when it was
 * last seen, and the changes waiting on it, per person when several people use it (docs/product.md §13).
 */
export function DevicesScreen() {
  const format = useClinicFormat();
  const [renaming, setRenaming] = useState<Device | null>(null);
  // Sign-ins and outbox reports are not synced changes, so no push announces them: poll.
  const devices = useApiQuery('devices.list', {}, { refetchInterval: 5_000 });
  const users = useApiQuery('users.list', {}, { staleTime: 60_000 });
  const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
  const rows = [...(devices.data ?? [])].sort((a, b) =>
    (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? ''),
  );
  return (
    <>
      <ScreenHeader
        title="Devices"
        description="Desktops and browsers that signed in to this hub: their names, who used them last, when, and changes not yet sent."
      />
      {renaming && <RenameDeviceDialog device={renaming} onClose={() => setRenaming(null)} />}
      <ErrorMessage error={devices.error} />
      {devices.isLoading ? (
        <LoadingState label="Loading devices…" />
      ) : rows.length === 0 && !devices.error ? (
        <EmptyState
          title="No devices yet"
          description="Desktops and browsers appear here once someone signs in on them."
        />
      ) : (
        <TablePanel label="Devices">
          <Table.Root size="sm" aria-label="Devices">
            <Table.Header>
              <Table.Row bg="bg.muted">
                <Table.ColumnHeader>Name</Table.ColumnHeader>
                <Table.ColumnHeader>Kind</Table.ColumnHeader>
                <Table.ColumnHeader>Signed in there</Table.ColumnHeader>
                <Table.ColumnHeader>Last seen</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">Pending changes</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((d) => {
                const person = (userId: string | null) => (userId ? (names.get(userId) ?? '…') : '—');
                const others = d.clients.filter((c) => c.userId && c.userId !== d.lastUserId);
                const waiting = d.clients.filter((c) => c.pendingMutations > 0);
                return (
                  <Table.Row key={d.id} data-testid="device-row">
                    <Table.Cell>
                      <Text fontWeight="medium">{d.name}</Text>
                      <Button
                        size="2xs"
                        variant="ghost"
                        px="0"
                        aria-label={`Rename ${d.name}`}
                        onClick={() => setRenaming(d)}
                      >
                        Rename
                      </Button>
                    </Table.Cell>
                    <Table.Cell>{KIND_LABELS[d.kind]}</Table.Cell>
                    <Table.Cell>
                      <Text>{person(d.lastUserId)}</Text>
                      {others.length > 0 && (
                        <Text color="fg.muted" fontSize="xs">
                          before: {others.map((c) => person(c.userId)).join(', ')}
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell whiteSpace="nowrap">
                      {d.lastSeenAt ? format.dateTime(d.lastSeenAt) : 'Never'}
                    </Table.Cell>
                    <Table.Cell textAlign="end">
                      {d.pendingMutations > 0 ? (
                        <>
                          <Badge colorPalette="orange" variant="subtle">
                            {d.pendingMutations} waiting
                          </Badge>
                          {d.clients.length > 1 && (
                            <Text color="fg.muted" fontSize="xs" data-testid="waiting-by-person">
                              {waiting.map((c) => `${person(c.userId)}: ${c.pendingMutations}`).join(' · ')}
                            </Text>
                          )}
                        </>
                      ) : (
                        <Text color="fg.muted">None</Text>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table.Root>
        </TablePanel>
      )}
      <DisplaysPanel />
    </>
  );
}
