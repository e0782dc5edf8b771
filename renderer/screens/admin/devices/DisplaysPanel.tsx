import { Badge, Button, Code, HStack, Stack, Table, Text } from '@chakra-ui/react';
import { type FormEvent, useState } from 'react';
import type { ResultOf } from '@shared/contract/index';
import type { Display } from '@shared/domain/display.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ConfirmDialog } from '@renderer/components/admin/ConfirmDialog';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { TablePanel } from '@renderer/components/TablePanel';
import { type DisplayChoice, DisplayFields } from './DisplayFields';
import { EditDisplayDialog } from './EditDisplayDialog';

type Pairing = ResultOf<'displays.create'>;

/** The link a TV opens to pair itself (or the code typed on its screen). */
const pairingLink = (code: string) => `${window.location.origin}/display?code=${code}`;

/**
 * Waiting-room displays (docs/product.md §7): add one for chosen doctors and rooms and get its pairing code and link,
 * give a new code, revoke (the TV goes blank at once).
 */
export function DisplaysPanel() {
  const format = useClinicFormat();
  const displays = useApiQuery('displays.list', {}, { refetchInterval: 5_000 });
  const doctors = useApiQuery('doctors.list', {}, { staleTime: 60_000 });
  const rooms = useApiQuery('rooms.list', {}, { staleTime: 60_000 });
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [revoking, setRevoking] = useState<Display | null>(null);
  const [editing, setEditing] = useState<Display | null>(null);
  const testAnnouncement = useApiMutation('displays.testAnnouncement');
  const newCode = useApiMutation('displays.newPairingCode', { onSuccess: (p) => setPairing(p) });
  const revoke = useApiMutation('displays.revoke', { onSuccess: () => setRevoking(null) });
  const doctorName = new Map((doctors.data ?? []).map((d) => [d.id, d.fullName]));
  const roomName = new Map((rooms.data ?? []).map((r) => [r.id, r.name]));
  const shows = (d: Display) =>
    [
      ...d.doctorIds.map((id) => doctorName.get(id) ?? '…'),
      ...d.roomIds.map((id) => roomName.get(id) ?? '…'),
    ].join(', ');
  return (
    <Stack gap="4" mt="8">
      <Text as="h2" fontSize="lg" fontWeight="semibold">
        Waiting-room displays
      </Text>
      <AddDisplayForm onAdded={setPairing} />
      {pairing ? (
        <Stack borderWidth="1px" borderRadius="md" p="4" gap="2" role="status" aria-label="Pairing code">
          <Text>
            Open this link on the TV of “{pairing.display.name}”, or type the code on its screen (works once,
            until {format.dateTime(pairing.pairingExpiresAt)}):
          </Text>
          <Code fontSize="xl" data-testid="pairing-code">
            {pairing.pairingCode}
          </Code>
          <Code data-testid="pairing-link">{pairingLink(pairing.pairingCode)}</Code>
        </Stack>
      ) : null}
      <ErrorMessage error={displays.error ?? newCode.error ?? testAnnouncement.error} />
      {(displays.data ?? []).length > 0 ? (
        <TablePanel label="Displays">
          <Table.Root size="sm" aria-label="Displays">
            <Table.Header>
              <Table.Row bg="bg.muted">
                <Table.ColumnHeader>Name</Table.ColumnHeader>
                <Table.ColumnHeader>Shows</Table.ColumnHeader>
                <Table.ColumnHeader>State</Table.ColumnHeader>
                <Table.ColumnHeader>Last seen</Table.ColumnHeader>
                <Table.ColumnHeader textAlign="end">Actions</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(displays.data ?? []).map((d) => (
                <Table.Row key={d.id} data-testid="display-row">
                  <Table.Cell fontWeight="medium">{d.name}</Table.Cell>
                  <Table.Cell>{shows(d)}</Table.Cell>
                  <Table.Cell>
                    {d.revokedAt ? (
                      <Badge colorPalette="red">Revoked</Badge>
                    ) : d.pairedAt ? (
                      <Badge colorPalette="green">Paired</Badge>
                    ) : (
                      <Badge colorPalette="orange">Waiting for pairing</Badge>
                    )}
                  </Table.Cell>
                  <Table.Cell whiteSpace="nowrap">
                    {d.lastSeenAt ? format.dateTime(d.lastSeenAt) : 'Never'}
                  </Table.Cell>
                  <Table.Cell textAlign="end">
                    <HStack justify="end">
                      {d.revokedAt || !d.pairedAt ? null : (
                        <>
                          <Button size="xs" variant="outline" onClick={() => setEditing(d)}>
                            Edit
                          </Button>
                          <Button
                            size="xs"
                            variant="outline"
                            onClick={() => testAnnouncement.mutate({ id: d.id })}
                          >
                            Test announcement
                          </Button>
                        </>
                      )}
                      <Button size="xs" variant="outline" onClick={() => newCode.mutate({ id: d.id })}>
                        New pairing code
                      </Button>
                      {d.revokedAt ? null : (
                        <Button size="xs" colorPalette="red" variant="outline" onClick={() => setRevoking(d)}>
                          Revoke
                        </Button>
                      )}
                    </HStack>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        </TablePanel>
      ) : null}
      {editing ? <EditDisplayDialog display={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke"
        danger
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        onClose={() => setRevoking(null)}
      >
        <Text>The TV goes blank at once and needs a new pairing code to show the queue again.</Text>
      </ConfirmDialog>
    </Stack>
  );
}

function AddDisplayForm({ onAdded }: { onAdded: (pairing: Pairing) => void }) {
  const [choice, setChoice] = useState<DisplayChoice>({
    name: 'Waiting hall',
    doctorIds: [],
    roomIds: [],
    message: '',
    theme: 'dark',
  });
  const create = useApiMutation('displays.create', { onSuccess: onAdded });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ id: crypto.randomUUID(), settings: choice });
  };
  return (
    <form onSubmit={submit} aria-label="Add a display">
      <Stack gap="3" maxW="xl">
        <DisplayFields value={choice} onChange={setChoice} />
        <ErrorMessage error={create.error} action="Display not added" />
        <Button type="submit" size="sm" alignSelf="start" loading={create.isPending}>
          Add display
        </Button>
      </Stack>
    </form>
  );
}
