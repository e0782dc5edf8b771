import { Badge, Button, Text } from '@chakra-ui/react';
import { useMemo, useState } from 'react';
import type { Device } from '@shared/domain/user.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { type ClinicFormat, useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
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
  const rows = useMemo(
    () => [...(devices.data ?? [])].sort((a, b) => (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? '')),
    [devices.data],
  );
  const columns = useMemo(() => {
    const names = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
    return deviceColumns((userId) => (userId ? (names.get(userId) ?? '…') : '—'), format, setRenaming);
  }, [users.data, format]);
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
        <DataTable
          label="Devices"
          rows={rows}
          columns={columns}
          rowKey={(d) => d.id}
          rowAttributes={() => ({ 'data-testid': 'device-row' })}
        />
      )}
      <DisplaysPanel />
    </>
  );
}

function deviceColumns(
  person: (userId: string | null) => string,
  format: ClinicFormat,
  rename: (device: Device) => void,
): DataColumn<Device>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      sortBy: (d) => d.name,
      cell: (d) => (
        <>
          <Text fontWeight="medium">{d.name}</Text>
          <Button size="2xs" variant="ghost" px="0" aria-label={`Rename ${d.name}`} onClick={() => rename(d)}>
            Rename
          </Button>
        </>
      ),
    },
    { id: 'kind', header: 'Kind', sortBy: (d) => KIND_LABELS[d.kind], cell: (d) => KIND_LABELS[d.kind] },
    {
      id: 'signedIn',
      header: 'Signed in there',
      sortBy: (d) => (d.lastUserId ? person(d.lastUserId) : undefined),
      cell: (d) => {
        const others = d.clients.filter((c) => c.userId && c.userId !== d.lastUserId);
        return (
          <>
            <Text>{person(d.lastUserId)}</Text>
            {others.length > 0 && (
              <Text color="fg.muted" fontSize="xs">
                before: {others.map((c) => person(c.userId)).join(', ')}
              </Text>
            )}
          </>
        );
      },
    },
    {
      id: 'lastSeen',
      header: 'Last seen',
      sortBy: (d) => (d.lastSeenAt ? Date.parse(d.lastSeenAt) : undefined),
      cellProps: { whiteSpace: 'nowrap' },
      cell: (d) => (d.lastSeenAt ? format.dateTime(d.lastSeenAt) : 'Never'),
    },
    {
      id: 'pending',
      header: 'Pending changes',
      align: 'end',
      sortBy: (d) => d.pendingMutations,
      cell: (d) =>
        d.pendingMutations > 0 ? (
          <>
            <Badge colorPalette="orange" variant="subtle">
              {d.pendingMutations} waiting
            </Badge>
            {d.clients.length > 1 && (
              <Text color="fg.muted" fontSize="xs" data-testid="waiting-by-person">
                {d.clients
                  .filter((c) => c.pendingMutations > 0)
                  .map((c) => `${person(c.userId)}: ${c.pendingMutations}`)
                  .join(' · ')}
              </Text>
            )}
          </>
        ) : (
          <Text color="fg.muted">None</Text>
        ),
    },
  ];
}
