import { Badge, Button, Table, Text } from '@chakra-ui/react';
import type { ScheduleException } from '@shared/domain/schedule.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { notifyError, toaster } from '@renderer/components/toaster';

/** Upcoming leave and extra hours of one doctor, each removable unless `readOnly` says otherwise. */
export function ExceptionList({
  exceptions,
  readOnly = false,
}: {
  exceptions: ScheduleException[];
  readOnly?: boolean | ((exception: ScheduleException) => boolean);
}) {
  const fixed = (e: ScheduleException) => (typeof readOnly === 'function' ? readOnly(e) : readOnly);
  const format = useClinicFormat();
  const remove = useApiMutation('schedules.removeException', {
    onSuccess: () => toaster.create({ type: 'success', title: 'Exception removed' }),
    onError: (error) => notifyError(error, 'Could not remove it'),
  });
  if (exceptions.length === 0) return <Text color="fg.muted">No leave or extra hours coming up.</Text>;
  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Table.Root size="sm" aria-label="Leave and extra hours">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeader>Date</Table.ColumnHeader>
          <Table.ColumnHeader>Kind</Table.ColumnHeader>
          <Table.ColumnHeader>Hours</Table.ColumnHeader>
          <Table.ColumnHeader>Reason</Table.ColumnHeader>
          <Table.ColumnHeader textAlign="end">
            <Text srOnly>Actions</Text>
          </Table.ColumnHeader>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {sorted.map((e) => (
          <Table.Row key={e.id} data-testid="exception-row">
            <Table.Cell whiteSpace="nowrap">{format.date(e.date)}</Table.Cell>
            <Table.Cell>
              <Badge colorPalette={e.kind === 'leave' ? 'orange' : 'green'} variant="subtle">
                {e.kind === 'leave' ? 'Leave' : 'Extra hours'}
              </Badge>
            </Table.Cell>
            <Table.Cell>{e.window ? `${e.window.start}–${e.window.end}` : 'Whole day'}</Table.Cell>
            <Table.Cell>{e.reason}</Table.Cell>
            <Table.Cell textAlign="end">
              {!fixed(e) && (
                <Button
                  size="xs"
                  variant="ghost"
                  colorPalette="red"
                  loading={remove.isPending && remove.variables?.id === e.id}
                  onClick={() => remove.mutate({ id: e.id })}
                  aria-label={`Remove the ${e.kind === 'leave' ? 'leave' : 'extra hours'} on ${format.date(e.date)}`}
                >
                  Remove
                </Button>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  );
}
