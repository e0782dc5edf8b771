import { Badge, Button, HStack } from '@chakra-ui/react';
import type { Display } from '@shared/domain/display.schema';
import type { DataColumn } from '@renderer/components/table/DataTable';

/** What the Displays table's row buttons do. */
export interface DisplayActions {
  edit: (display: Display) => void;
  testAnnouncement: (display: Display) => void;
  newPairingCode: (display: Display) => void;
  revoke: (display: Display) => void;
}

const stateOf = (d: Display) => (d.revokedAt ? 'Revoked' : d.pairedAt ? 'Paired' : 'Waiting for pairing');
const STATE_PALETTE = { Revoked: 'red', Paired: 'green', 'Waiting for pairing': 'orange' } as const;

/** The waiting-room displays' columns: name, what it shows, state, last seen, and its actions. */
export function displayColumns(
  shows: (display: Display) => string,
  dateTime: (iso: string) => string,
  actions: DisplayActions,
): DataColumn<Display>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      sortBy: (d) => d.name,
      cellProps: { fontWeight: 'medium' },
      cell: (d) => d.name,
    },
    { id: 'shows', header: 'Shows', sortBy: shows, cell: shows },
    {
      id: 'state',
      header: 'State',
      sortBy: stateOf,
      cell: (d) => <Badge colorPalette={STATE_PALETTE[stateOf(d)]}>{stateOf(d)}</Badge>,
    },
    {
      id: 'lastSeen',
      header: 'Last seen',
      sortBy: (d) => (d.lastSeenAt ? Date.parse(d.lastSeenAt) : undefined),
      cellProps: { whiteSpace: 'nowrap' },
      cell: (d) => (d.lastSeenAt ? dateTime(d.lastSeenAt) : 'Never'),
    },
    {
      id: 'actions',
      header: 'Actions',
      align: 'end',
      cell: (d) => (
        <HStack justify="end">
          {d.revokedAt || !d.pairedAt ? null : (
            <>
              <Button size="xs" variant="outline" onClick={() => actions.edit(d)}>
                Edit
              </Button>
              <Button size="xs" variant="outline" onClick={() => actions.testAnnouncement(d)}>
                Test announcement
              </Button>
            </>
          )}
          <Button size="xs" variant="outline" onClick={() => actions.newPairingCode(d)}>
            New pairing code
          </Button>
          {d.revokedAt ? null : (
            <Button size="xs" colorPalette="red" variant="outline" onClick={() => actions.revoke(d)}>
              Revoke
            </Button>
          )}
        </HStack>
      ),
    },
  ];
}
