import { Button, Flex, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { OperationName, ResultOf } from '@shared/contract/index';
import type { Appointment, StatusTransition } from '@shared/domain/appointment.schema';
import { checkUndo, type LifecycleAction, offersTransition } from '@shared/rules/lifecycle';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicSettings } from '@renderer/app/clinic-format';
import { useHubNow } from '@renderer/api/hub-clock';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useCurrentUser } from '@renderer/app/session/SessionProvider';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { ReasonDialog } from '@renderer/components/visits/ReasonDialog';
import { RescheduleDialog } from '@renderer/components/visits/RescheduleDialog';
import { STATUS_LABELS } from './appointment-labels';
import { mayActOn } from './appointment-permissions';
import { howPatientIsTold } from './patient-told';
import { useDoctors, usePatients } from './use-people';

type Dialog = 'reschedule' | 'cancel' | 'noShow' | 'undo' | 'decline' | null;

/** The latest status change of the history (the only one that can be undone). */
function latestChange(history: ResultOf<'appointments.history'> | undefined) {
  const latest: StatusTransition | undefined = [...(history?.transitions ?? [])]
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  return latest ?? null;
}

/** Staff actions on one appointment (docs/product.md §5, §6, §7): check in, confirm, reschedule, cancel, no-show, undo. */
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

  const settings = useClinicSettings().data;
  // Time-bound actions are offered by the hub's clock, as the hub will judge them (issue 16).
  const hubNow = new Date(useHubNow()).toISOString();
  const zone = settings?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const doctorWork = a.status === 'CHECKED_IN' ? (history?.doctorWork ?? null) : null;
  const may = (operation: OperationName) => mayActOn(user, operation, a);
  const offers = (action: LifecycleAction, operation: OperationName) =>
    may(operation) &&
    offersTransition({
      action,
      status: a.status,
      startsAt: a.startsAt,
      role: user.role,
      now: hubNow,
      zone,
      cancellationWindowMinutes: settings?.cancellationWindowMinutes ?? 0,
      doctorWork,
    });
  const open = a.status === 'REQUESTED' || a.status === 'CONFIRMED';
  const change = may('appointments.undoTransition') ? latestChange(history) : null;
  const latest =
    change &&
    checkUndo({
      transition: change,
      currentStatus: a.status,
      role: user.role,
      now: hubNow,
      zone,
      doctorWork: change.to === 'CHECKED_IN' ? doctorWork : null,
    }).ok
      ? change
      : null;
  // The doctor's begun work holds a checked-in visit: only the doctor may take it out of the queue.
  const heldBy = user.role !== 'doctor' ? doctorWork : null;
  const noShowLater = open && may('appointments.markNoShow') && hubNow < a.startsAt;
  const patient = usePatients([a.patientId]).get(a.patientId);
  const { doctors } = useDoctors();
  const colleagues = user.role === 'doctor' ? undefined : doctors.filter((d) => d.active);

  return (
    <>
      <Flex gap="2" wrap="wrap" role="group" aria-label="Appointment actions">
        {offers('checkIn', 'queue.checkIn') && (
          <Button
            size="sm"
            loading={checkIn.isPending}
            onClick={() => checkIn.mutate({ appointmentId: a.id })}
          >
            Check in
          </Button>
        )}
        {offers('confirm', 'appointments.confirm') && (
          <Button
            size="sm"
            variant="outline"
            loading={confirm.isPending}
            onClick={() => confirm.mutate({ id: a.id })}
          >
            Confirm
          </Button>
        )}
        {offers('decline', 'appointments.decline') && (
          <Button size="sm" variant="outline" onClick={() => setDialog('decline')}>
            Decline
          </Button>
        )}
        {open && may('appointments.reschedule') && (
          <Button size="sm" variant="outline" onClick={() => setDialog('reschedule')}>
            Reschedule
          </Button>
        )}
        {offers('markNoShow', 'appointments.markNoShow') && (
          <Button size="sm" variant="outline" onClick={() => setDialog('noShow')}>
            No-show
          </Button>
        )}
        {offers('cancel', 'appointments.cancel') && (
          <Button size="sm" variant="outline" colorPalette="red" onClick={() => setDialog('cancel')}>
            Cancel appointment
          </Button>
        )}
        {latest && (
          <Button size="sm" variant="ghost" onClick={() => setDialog('undo')}>
            Undo {STATUS_LABELS[latest.to].toLowerCase()}
          </Button>
        )}
      </Flex>
      {noShowLater && (
        <Text fontSize="sm" color="fg.muted" data-testid="no-show-later">
          No-show can be marked from {format.time(a.startsAt)}, the appointment’s start.
        </Text>
      )}
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

      <RescheduleDialog
        appointment={a}
        open={dialog === 'reschedule'}
        onClose={close}
        doctors={colleagues}
        notice={howPatientIsTold(patient, 'a message with the new time and doctor')}
      />
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
