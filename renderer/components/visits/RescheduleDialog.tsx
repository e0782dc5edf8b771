import { Button, Dialog, NativeSelect, Portal, Stack, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import { toApiError } from '@renderer/api/form-errors';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { FreeTimeButtons } from './FreeTimeButtons';
import { NextSlots } from './NextSlots';
import { ReasonField, reasonProblem } from './ReasonField';
import { DateField } from '@renderer/components/DateField';
import { FormField } from '@renderer/components/FormField';

/**
 * Moves an appointment to a free slot (docs/product.md §6): pick the doctor (where `doctors` are offered), a
 * date, a free time, and give the reason; the hub holds another doctor to the booking rules,
 * releases the old slot and takes the new one atomically, and keeps the history.
 */
export function RescheduleDialog({
  appointment,
  open,
  onClose,
  doctors,
  notice,
}: {
  appointment: Appointment;
  open: boolean;
  onClose: () => void;
  /** The doctors it may move to (active ones); none: it stays with its doctor. */
  doctors?: readonly Doctor[] | undefined;
  /** How the patient learns of the move (see howPatientIsTold). */
  notice?: string | undefined;
}) {
  const format = useClinicFormat();
  const today = format.today();
  const initialDate = () => {
    const date = format.clinicDate(appointment.startsAt);
    return date < today ? today : date;
  };
  const [doctorId, setDoctorId] = useState(appointment.doctorId);
  const [date, setDate] = useState(initialDate);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ slot?: string; reason?: string }>({});
  useEffect(() => {
    if (open) {
      setDoctorId(appointment.doctorId);
      setDate(initialDate());
      setStartsAt(null);
      setReason('');
      setProblems({});
      reschedule.reset();
    }
  }, [open]);

  const slots = useApiQuery(
    'slots.list',
    { doctorId, fromDate: date, toDate: date },
    { enabled: open && /^\d{4}-\d{2}-\d{2}$/.test(date) },
  );
  const day = slots.data?.[0];
  const reschedule = useApiMutation('appointments.reschedule', {
    onSuccess: (moved) => {
      toaster.create({
        type: 'success',
        title: 'Appointment rescheduled',
        description: `Now ${format.dateTime(moved.startsAt)}`,
      });
      onClose();
    },
  });
  const refused = reschedule.error ? toApiError(reschedule.error) : null;
  // A refusal naming the doctor shows at the doctor's field; the rest above the buttons.
  const doctorProblem = refused?.fields?.find((f) => f.field === 'doctorId')?.message;
  const otherFields = refused?.fields?.filter((f) => f.field !== 'doctorId');
  const refusal = refused && {
    ...refused,
    fields: otherFields && otherFields.length > 0 ? otherFields : undefined,
  };
  const choices = doctors?.some((d) => d.id === appointment.doctorId) ? doctors : undefined;
  const moved = doctorId !== appointment.doctorId;

  const submit = () => {
    const reasonError = reasonProblem(reason);
    const next = {
      ...(startsAt ? {} : { slot: 'Choose a free time' }),
      ...(reasonError ? { reason: reasonError } : {}),
    };
    setProblems(next);
    if (!startsAt || next.reason) return;
    reschedule.mutate({
      id: appointment.id,
      newStartsAt: startsAt,
      reason: reason.trim(),
      ...(moved ? { doctorId } : {}),
    });
  };

  return (
    <Dialog.Root open={open} onOpenChange={(e) => !e.open && onClose()} size="lg">
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content
            as="form"
            aria-label="Reschedule appointment"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Dialog.Header>
              <Dialog.Title>Reschedule {appointment.number ?? 'appointment'}</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Stack gap="4">
                <Text color="fg.muted">
                  Now: {format.dateTime(appointment.startsAt)}
                  {choices && `, ${choices.find((d) => d.id === appointment.doctorId)?.fullName ?? ''}`}
                </Text>
                {choices && (
                  <FormField
                    label="Doctor"
                    required
                    error={doctorProblem ? { type: 'server', message: doctorProblem } : undefined}
                    {...(moved ? { helper: 'Another doctor: the same rules as a new booking.' } : {})}
                  >
                    <NativeSelect.Root>
                      <NativeSelect.Field
                        value={doctorId}
                        onChange={(e) => {
                          setDoctorId(e.target.value);
                          setStartsAt(null);
                          reschedule.reset();
                        }}
                      >
                        {choices.map((d) => (
                          <option key={d.id} value={d.id}>
                            {d.fullName} · {d.specialization}
                          </option>
                        ))}
                      </NativeSelect.Field>
                      <NativeSelect.Indicator />
                    </NativeSelect.Root>
                  </FormField>
                )}
                <DateField
                  label="New date"
                  required
                  min={today}
                  value={date}
                  onChange={(value, valid) => {
                    if (!valid || !value) return;
                    setDate(value);
                    setStartsAt(null);
                  }}
                />
                <Stack gap="2" role="group" aria-label="Free times">
                  <Text fontSize="sm" fontWeight="medium">
                    Free times {day ? `on ${format.date(day.date)}` : ''}
                  </Text>
                  <FreeTimeButtons
                    day={day}
                    loading={slots.isLoading}
                    error={slots.error}
                    selected={startsAt}
                    onPick={setStartsAt}
                  />
                  {problems.slot && (
                    <Text color="fg.error" fontSize="sm" role="alert">
                      {problems.slot}
                    </Text>
                  )}
                </Stack>
                <ReasonField
                  label="Reason for the change"
                  value={reason}
                  onChange={setReason}
                  problem={problems.reason}
                />
                {notice && <Text fontSize="sm">{notice}</Text>}
                <ErrorMessage error={refusal} />
                <NextSlots
                  slots={refusal?.nextSlots ?? []}
                  onPick={(s) => {
                    setDate(format.clinicDate(s.start));
                    setStartsAt(s.start);
                    reschedule.reset();
                  }}
                />
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.ActionTrigger asChild>
                <Button variant="outline" type="button">
                  Keep as is
                </Button>
              </Dialog.ActionTrigger>
              <Button type="submit" loading={reschedule.isPending}>
                Reschedule
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
