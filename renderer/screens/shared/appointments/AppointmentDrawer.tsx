import {
  CloseButton,
  DataList,
  Drawer,
  Heading,
  HStack,
  Portal,
  Stack,
  Text,
  Timeline,
} from '@chakra-ui/react';
import type { ReactNode } from 'react';
import type { ResultOf } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { can } from '@shared/permissions/authorize';
import { useCurrentUser } from '@renderer/app/session/SessionProvider';
import { type ClinicFormat, useClinicFormat } from '@renderer/app/clinic-format';
import { useDeviceNames } from '@renderer/app/device-names';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import { CHANNEL_LABELS, MODE_LABELS, STATUS_LABELS, TYPE_LABELS } from './appointment-labels';
import { AppointmentActions } from './AppointmentActions';
import { StatusBadge } from './StatusBadge';
import { useDoctors, usePatients } from './use-people';

/** One appointment: status, times, who, and its status/reschedule history (docs/product.md §5, §6). */
export function AppointmentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  return (
    <Drawer.Root open={id !== null} onOpenChange={(e) => !e.open && onClose()} size="md">
      <Portal>
        <Drawer.Backdrop />
        <Drawer.Positioner>
          <Drawer.Content data-testid="appointment-drawer">
            {id && <AppointmentDetail id={id} />}
            <Drawer.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close" />
            </Drawer.CloseTrigger>
          </Drawer.Content>
        </Drawer.Positioner>
      </Portal>
    </Drawer.Root>
  );
}

function AppointmentDetail({ id }: { id: string }) {
  const format = useClinicFormat();
  const appointment = useApiQuery('appointments.get', { id });
  const seesHistory = can(useCurrentUser().role, 'appointments.history');
  const history = useApiQuery('appointments.history', { id }, { enabled: seesHistory });
  const { byId: doctors } = useDoctors();
  const patients = usePatients(appointment.data ? [appointment.data.patientId] : []);
  const a = appointment.data;
  return (
    <>
      <Drawer.Header>
        <Drawer.Title>Appointment {a?.number ?? ''}</Drawer.Title>
      </Drawer.Header>
      <Drawer.Body>
        {appointment.isLoading && <LoadingState />}
        <ErrorMessage error={appointment.error} />
        {a && (
          <Stack gap="6">
            <Details
              a={a}
              format={format}
              patient={patients.get(a.patientId)?.fullName}
              doctor={doctors.get(a.doctorId)?.fullName}
            />
            <AppointmentActions appointment={a} history={history.data} />
            {seesHistory && (
              <Stack gap="3">
                <Heading as="h2" size="md">
                  History
                </Heading>
                {history.isLoading && <LoadingState label="Loading the history…" />}
                <ErrorMessage error={history.error} />
                {history.data && <History history={history.data} format={format} doctors={doctors} />}
              </Stack>
            )}
          </Stack>
        )}
      </Drawer.Body>
    </>
  );
}

function Details({
  a,
  format,
  patient,
  doctor,
}: {
  a: Appointment;
  format: ClinicFormat;
  patient?: string;
  doctor?: string;
}) {
  const rows: [string, ReactNode][] = [
    ['Status', <StatusBadge key="s" status={a.status} />],
    ['Date', format.date(a.startsAt)],
    ['Time', `${format.time(a.startsAt)} – ${format.time(a.endsAt)}`],
    ['Patient', patient ?? '…'],
    ['Doctor', doctor ?? '…'],
    ['Type', `${TYPE_LABELS[a.type]} · ${MODE_LABELS[a.mode]}`],
    ['Booked via', `${CHANNEL_LABELS[a.bookedVia]} on ${format.dateTime(a.createdAt)}`],
  ];
  if (a.note) rows.push(['Note', a.note]);
  if (a.overrideReason) rows.push(['Override', a.overrideReason]);
  if (a.provisional) rows.push(['Sync', 'Provisional: not yet accepted by the hub']);
  return (
    <DataList.Root orientation="horizontal" size="md">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel minW="7rem">{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList.Root>
  );
}

interface HistoryEntry {
  at: string;
  title: string;
  detail: string | null;
  meta: string;
}

function History({
  history,
  format,
  doctors,
}: {
  history: ResultOf<'appointments.history'>;
  format: ClinicFormat;
  doctors: Map<string, { fullName: string; userId: string | null }>;
}) {
  const user = useCurrentUser();
  const deviceName = useDeviceNames();
  const who = (userId: string, role?: string) =>
    userId === user.id
      ? user.displayName
      : ([...doctors.values()].find((d) => d.userId === userId)?.fullName ?? role ?? 'other staff');
  const entries: HistoryEntry[] = [
    ...history.transitions.map((t) => ({
      at: t.at,
      title: t.from
        ? `${STATUS_LABELS[t.from]} → ${STATUS_LABELS[t.to]}${t.undoOf ? ' (undo)' : ''}`
        : `Booked as ${STATUS_LABELS[t.to]}`,
      detail: t.reason,
      meta: `by ${who(t.actorUserId, t.actorRole)} · ${deviceName(t.deviceId)}`,
    })),
    ...history.reschedules.map((r) => ({
      at: r.at,
      title: 'Rescheduled',
      detail:
        `${format.dateTime(r.oldStartsAt)} → ${format.dateTime(r.newStartsAt)}` +
        (r.oldDoctorId !== r.newDoctorId
          ? ` (doctor ${doctors.get(r.oldDoctorId)?.fullName ?? '?'} → ${doctors.get(r.newDoctorId)?.fullName ?? '?'})`
          : '') +
        (r.reason ? ` — ${r.reason}` : ''),
      meta: `by ${who(r.changedBy)} · ${deviceName(r.deviceId)}`,
    })),
    ...history.requests.map((q) => ({
      at: q.createdAt,
      title: `Reschedule requested (${q.status.toLowerCase()})`,
      detail: [q.note, q.decisionReason].filter(Boolean).join(' — ') || null,
      meta: 'by the patient',
    })),
  ].sort((x, y) => x.at.localeCompare(y.at));

  if (entries.length === 0) return <Text color="fg.muted">No changes recorded.</Text>;
  return (
    <Timeline.Root size="sm" data-testid="appointment-history">
      {entries.map((e, i) => (
        <Timeline.Item key={`${e.at}-${i}`}>
          <Timeline.Connector>
            <Timeline.Separator />
            <Timeline.Indicator />
          </Timeline.Connector>
          <Timeline.Content>
            <Timeline.Title>{e.title}</Timeline.Title>
            {e.detail && <Text>{e.detail}</Text>}
            <HStack gap="2" color="fg.muted" fontSize="xs">
              <Text>{format.dateTime(e.at)}</Text>
              <Text>·</Text>
              <Text>{e.meta}</Text>
            </HStack>
          </Timeline.Content>
        </Timeline.Item>
      ))}
    </Timeline.Root>
  );
}
