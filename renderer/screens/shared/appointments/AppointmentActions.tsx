import { Button, Flex, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { OperationName, ResultOf } from '@shared/contract/index';
import type { Appointment, StatusTransition } from '@shared/domain/appointment.schema';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useCurrentUser } from '@renderer/app/session/SessionProvider';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { ReasonDialog } from '@renderer/components/visits/ReasonDialog';
import { RescheduleDialog } from '@renderer/components/visits/RescheduleDialog';
import { STATUS_LABELS } from './appointment-labels';
import { mayActOn } from './appointment-permissions';
import { howPatientIsTold } from './patient-told';
import { usePatients } from './use-people';

type Dialog = 'reschedule' | 'cancel' | 'noShow' | 'undo' | 'decline' | null;
const UNDOABLE = new Set(['CONFIRMED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW']);

/** The latest status change, if staff may still undo it (the hub has the last word). */
function undoable(
  history: ResultOf<'appointments.history'> | undefined,
  today: string,
  day: (i: string) => string,
) {
  const latest: StatusTransition | undefined = [...(history?.transitions ?? [])]
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  if (!latest || latest.from === null || latest.undoOf !== null) return null;
  if (!UNDOABLE.has(latest.to) || day(latest.at) !== today) return null;
  return latest;
}

/** Staff actions on one appointment (SPEC §5, §6, §7): check in, confirm, reschedule, cancel, no-show, undo. */
export function AppointmentActions({
  appointment: a,
  history,
}: {
  appointment: Appointment;
  history: ResultOf<'appointments.history'> | undefined;
}) {
  const format = useClinicFormat();
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const done = (title: string) => () => {
    toaster.create({ type: 'success', title });
    close();
  };
  const checkIn = useApiMutation('queue.checkIn', {
    onSuccess: (entry) => toaster.create({ type: 'success', title: `Checked in: token ${entry.token}` }),
  });
  const confirm = useApiMutation('appointments.confirm', {
    onSuccess: () => toaster.create({ type: 'success', title: 'Appointment confirmed' }),
  });
  const cancel = useApiMutation('appointments.cancel', { onSuccess: done('Appointment cancelled') });
  const noShow = useApiMutation('appointments.markNoShow', { onSuccess: done('Marked as no-show') });
  const decline = useApiMutation('appointments.decline', { onSuccess: done('Request declined') });
  const undo = useApiMutation('appointments.undoTransition', { onSuccess: done('Status change undone') });

  const may = (operation: OperationName) => mayActOn(user, operation, a);
  const open = a.status === 'REQUESTED' || a.status === 'CONFIRMED';
  const isToday = format.clinicDate(a.startsAt) === format.today();
  const latest = may('appointments.undoTransition')
    ? undoable(history, format.today(), (instant) => format.clinicDate(instant))
    : null;
  const canDecline = a.status === 'REQUESTED' && may('appointments.decline');
  // The doctor's begun work holds a checked-in visit: only the doctor may take it out of the queue.
  const heldBy = a.status === 'CHECKED_IN' && user.role !== 'doctor' ? (history?.doctorWork ?? null) : null;
  const undoLatest = heldBy && latest?.to === 'CHECKED_IN' ? null : latest;
  const patient = usePatients([a.patientId]).get(a.patientId);

  return (
    <>
      <Flex gap="2" wrap="wrap" role="group" aria-label="Appointment actions">
        {open && isToday && may('queue.checkIn') && (
          <Button
            size="sm"
            loading={checkIn.isPending}
            onClick={() => checkIn.mutate({ appointmentId: a.id })}
          >
            Check in
          </Button>
        )}
        {a.status === 'REQUESTED' && may('appointments.confirm') && (
          <Button
            size="sm"
            variant="outline"
            loading={confirm.isPending}
            onClick={() => confirm.mutate({ id: a.id })}
          >
            Confirm
          </Button>
        )}
        {canDecline && (
          <Button size="sm" variant="outline" onClick={() => setDialog('decline')}>
            Decline
          </Button>
        )}
        {open && may('appointments.reschedule') && (
          <Button size="sm" variant="outline" onClick={() => setDialog('reschedule')}>
            Reschedule
          </Button>
        )}
        {open && may('appointments.markNoShow') && (
          <Button size="sm" variant="outline" onClick={() => setDialog('noShow')}>
            No-show
          </Button>
        )}
        {(open || (a.status === 'CHECKED_IN' && !heldBy)) && may('appointments.cancel') && (
          <Button size="sm" variant="outline" colorPalette="red" onClick={() => setDialog('cancel')}>
            Cancel appointment
          </Button>
        )}
        {undoLatest && (
          <Button size="sm" variant="ghost" onClick={() => setDialog('undo')}>
            Undo {STATUS_LABELS[undoLatest.to].toLowerCase()}
          </Button>
        )}
      </Flex>
      {heldBy && (
        <Text fontSize="sm" color="fg.muted" data-testid="held-by-doctor">
          {heldBy === 'draft'
            ? 'The doctor has started writing the consultation record (a draft is saved)'
            : 'The doctor has started this consultation'}
          , so the check-in cannot be undone and the visit cannot be cancelled here. Ask the doctor.
        </Text>
      )}
      <ErrorMessage
        error={checkIn.error ?? confirm.error}
        action={checkIn.error ? 'Not checked in' : 'Not confirmed'}
      />

      <RescheduleDialog appointment={a} open={dialog === 'reschedule'} onClose={close} />
      <ReasonDialog
        open={dialog === 'cancel'}
        title="Cancel this appointment?"
        description={`The slot is released. ${howPatientIsTold(patient, 'a cancellation message')}`}
        confirmLabel="Cancel appointment"
        destructive
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={(reason) => cancel.mutate({ id: a.id, reason })}
        onClose={() => {
          cancel.reset();
          close();
        }}
      />
      <ReasonDialog
        open={dialog === 'noShow'}
        title="Mark as no-show?"
        description="Only after the appointment's start time."
        confirmLabel="Mark no-show"
        reasonRequired={false}
        reasonLabel="Note (optional)"
        pending={noShow.isPending}
        error={noShow.error}
        onConfirm={(reason) => noShow.mutate({ id: a.id, reason })}
        onClose={() => {
          noShow.reset();
          close();
        }}
      />
      <ReasonDialog
        open={dialog === 'decline'}
        title="Decline this request?"
        description={`The appointment is cancelled. ${howPatientIsTold(patient, 'your reason')}`}
        confirmLabel="Decline"
        destructive
        pending={decline.isPending}
        error={decline.error}
        onConfirm={(reason) => decline.mutate({ id: a.id, reason })}
        onClose={() => {
          decline.reset();
          close();
        }}
      />
      {latest && (
        <ReasonDialog
          open={dialog === 'undo'}
          title={`Undo “${latest.from ? STATUS_LABELS[latest.from] : ''} → ${STATUS_LABELS[latest.to]}”?`}
          description="The undo is recorded as its own event in the history."
          confirmLabel="Undo"
          pending={undo.isPending}
          error={undo.error}
          onConfirm={(reason) => undo.mutate({ transitionId: latest.id, reason })}
          onClose={() => {
            undo.reset();
            close();
          }}
        />
      )}
    </>
  );
}
