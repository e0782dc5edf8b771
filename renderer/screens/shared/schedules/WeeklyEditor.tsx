import {
  Button,
  Checkbox,
  HStack,
  IconButton,
  Input,
  NativeSelect,
  Stack,
  Table,
  Text,
} from '@chakra-ui/react';
import { useMemo, useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { WeeklyWindow } from '@shared/domain/schedule.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { CrossIcon, PlusIcon } from '@renderer/components/icons';
import { toaster } from '@renderer/components/toaster';
import { useDebounced } from '@renderer/screens/shared/appointments/PatientPicker';
import { CollisionList } from './CollisionList';
import {
  nextWindow,
  newKey,
  rowProblems,
  sortRows,
  toRows,
  toWindows,
  WEEKDAYS,
  type WindowRow,
} from './weekly-windows';

/**
 * A doctor's weekly windows, several per weekday, each with an optional room. Changes are checked
 * against booked appointments (`schedules.previewWeekly`) before `schedules.setWeekly` saves them.
 */
export function WeeklyEditor({
  doctorId,
  doctorName,
  saved,
  onCollisions,
}: {
  doctorId: string;
  doctorName: string;
  saved: WeeklyWindow[];
  onCollisions: (collisions: Appointment[]) => void;
}) {
  const [rows, setRows] = useState<WindowRow[]>(() => toRows(saved));
  const [acknowledged, setAcknowledged] = useState(false);
  const rooms = useApiQuery('rooms.list', {}, { staleTime: 60_000 });
  const problems = useMemo(() => rowProblems(doctorId, rows), [doctorId, rows]);
  const windows = useMemo(() => toWindows(rows), [rows]);
  const dirty = JSON.stringify(windows) !== JSON.stringify(toWindows(toRows(saved)));
  const checked = useDebounced(windows, 300);
  const preview = useApiQuery(
    'schedules.previewWeekly',
    { doctorId, windows: checked },
    { enabled: dirty && problems.size === 0, placeholderData: (previous) => previous },
  );
  const collisions = dirty && problems.size === 0 ? (preview.data?.collisions ?? []) : [];
  const save = useApiMutation('schedules.setWeekly', {
    onSuccess: (result) => {
      toaster.create({ type: 'success', title: `${doctorName}’s weekly schedule saved` });
      setAcknowledged(false);
      if (result.collisions.length > 0) onCollisions(result.collisions);
    },
  });

  const update = (key: string, patch: Partial<WindowRow>) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = (weekday: number) =>
    setRows((current) =>
      sortRows([...current, { key: newKey(), weekday, roomId: null, ...nextWindow(current, weekday) }]),
    );

  return (
    <Panel
      title="Weekly schedule"
      actions={
        <HStack gap="2">
          <Button size="sm" variant="outline" disabled={!dirty} onClick={() => setRows(toRows(saved))}>
            Discard changes
          </Button>
          <Button
            size="sm"
            disabled={
              !dirty || problems.size > 0 || (collisions.length > 0 && !acknowledged) || preview.isFetching
            }
            loading={save.isPending}
            onClick={() => save.mutate({ doctorId, windows, acknowledgeCollisions: acknowledged })}
          >
            Save schedule
          </Button>
        </HStack>
      }
    >
      <Stack gap="3">
        <ErrorMessage error={save.error} />
        <Table.Root size="sm" aria-label={`Weekly windows of ${doctorName}`}>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader width="8rem">Day</Table.ColumnHeader>
              <Table.ColumnHeader>Working windows (the gaps are breaks)</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {WEEKDAYS.map(({ day, label }) => {
              const dayRows = rows.filter((r) => r.weekday === day);
              return (
                <Table.Row key={day} data-testid={`weekday-${day}`}>
                  <Table.Cell fontWeight="medium" verticalAlign="top" pt="3">
                    {label}
                  </Table.Cell>
                  <Table.Cell>
                    <Stack gap="2">
                      {dayRows.length === 0 && <Text color="fg.muted">Not working</Text>}
                      {dayRows.map((r, i) => (
                        <Stack key={r.key} gap="1">
                          <HStack gap="2" wrap="wrap">
                            <Input
                              type="time"
                              size="sm"
                              width="8rem"
                              aria-label={`${label} window ${i + 1} start`}
                              value={r.start}
                              onChange={(e) => update(r.key, { start: e.target.value })}
                            />
                            <Text aria-hidden="true">–</Text>
                            <Input
                              type="time"
                              size="sm"
                              width="8rem"
                              aria-label={`${label} window ${i + 1} end`}
                              value={r.end}
                              onChange={(e) => update(r.key, { end: e.target.value })}
                            />
                            <NativeSelect.Root size="sm" width="12rem">
                              <NativeSelect.Field
                                aria-label={`${label} window ${i + 1} room`}
                                value={r.roomId ?? ''}
                                onChange={(e) => update(r.key, { roomId: e.target.value || null })}
                              >
                                <option value="">Any room</option>
                                {(rooms.data ?? []).map((room) => (
                                  <option key={room.id} value={room.id}>
                                    {room.name}
                                    {room.status === 'out_of_service' ? ' (out of service)' : ''}
                                  </option>
                                ))}
                              </NativeSelect.Field>
                              <NativeSelect.Indicator />
                            </NativeSelect.Root>
                            <IconButton
                              size="sm"
                              variant="ghost"
                              aria-label={`Remove ${label} window ${i + 1}`}
                              onClick={() => setRows((current) => current.filter((x) => x.key !== r.key))}
                            >
                              <CrossIcon transform="rotate(45deg)" />
                            </IconButton>
                          </HStack>
                          {problems.get(r.key) && (
                            <Text color="fg.error" fontSize="sm" role="alert">
                              {problems.get(r.key)}
                            </Text>
                          )}
                        </Stack>
                      ))}
                      <Button size="xs" variant="ghost" alignSelf="flex-start" onClick={() => add(day)}>
                        <PlusIcon /> Add {label} window
                      </Button>
                    </Stack>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table.Root>
        <ErrorMessage error={preview.error} />
        {dirty && problems.size === 0 && collisions.length > 0 && (
          <Stack
            gap="2"
            borderWidth="1px"
            borderColor="border.warning"
            borderRadius="md"
            p="3"
            bg="bg.warning"
          >
            <Text fontWeight="semibold" role="status">
              {collisions.length === 1 ? '1 booked appointment' : `${collisions.length} booked appointments`}{' '}
              would fall outside the new hours. They are kept; move them after saving.
            </Text>
            <CollisionList appointments={collisions} />
            <Checkbox.Root
              checked={acknowledged}
              onCheckedChange={(e) => setAcknowledged(e.checked === true)}
              colorPalette="orange"
            >
              <Checkbox.HiddenInput />
              <Checkbox.Control />
              <Checkbox.Label>Save anyway; I will reschedule these appointments</Checkbox.Label>
            </Checkbox.Root>
          </Stack>
        )}
        {dirty && problems.size === 0 && !preview.isFetching && preview.data && collisions.length === 0 && (
          <Text color="fg.muted" fontSize="sm" role="status">
            No booked appointment is affected by these changes.
          </Text>
        )}
      </Stack>
    </Panel>
  );
}
