import { Button, Code, Stack, Text } from '@chakra-ui/react';
import { type FormEvent, useMemo, useState } from 'react';
import type { ResultOf } from '@shared/contract/index';
import type { Display } from '@shared/domain/display.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ConfirmDialog } from '@renderer/components/admin/ConfirmDialog';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { DataTable } from '@renderer/components/table/DataTable';
import { displayColumns } from './display-columns';
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
  const { mutate: announce } = testAnnouncement;
  const { mutate: issueCode } = newCode;
  const columns = useMemo(() => {
    const doctorName = new Map((doctors.data ?? []).map((d) => [d.id, d.fullName]));
    const roomName = new Map((rooms.data ?? []).map((r) => [r.id, r.name]));
    const shows = (d: Display) =>
      [
        ...d.doctorIds.map((id) => doctorName.get(id) ?? '…'),
        ...d.roomIds.map((id) => roomName.get(id) ?? '…'),
      ].join(', ');
    return displayColumns(shows, (iso) => format.dateTime(iso), {
      edit: setEditing,
      testAnnouncement: (d) => announce({ id: d.id }),
      newPairingCode: (d) => issueCode({ id: d.id }),
      revoke: setRevoking,
    });
  }, [doctors.data, rooms.data, format, announce, issueCode]);
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
        <DataTable
          label="Displays"
          rows={displays.data ?? []}
          columns={columns}
          rowKey={(d) => d.id}
          rowAttributes={() => ({ 'data-testid': 'display-row' })}
        />
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
