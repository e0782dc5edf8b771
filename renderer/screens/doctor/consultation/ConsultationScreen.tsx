import { Alert, Button, Grid, HStack, Stack } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { toaster } from '@renderer/components/toaster';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import { ConsultationEditor } from './ConsultationEditor';
import { HistoryPanel } from './HistoryPanel';
import { PatientHeader } from './PatientHeader';
import { PrescriptionPdf } from './PrescriptionPdf';
import { SignedRecord } from './SignedRecord';

/** `/consultation/:appointmentId`: the doctor's workspace for one visit (docs/product.md §8). */
export function ConsultationScreen() {
  return (
    <Routes>
      <Route path=":appointmentId" element={<WorkspaceRoute />} />
      <Route
        path="*"
        element={
          <>
            <ScreenHeader title="Consultation" />
            <EmptyState title="No consultation open" description="Start one from My queue." />
          </>
        }
      />
    </Routes>
  );
}

function WorkspaceRoute() {
  const { appointmentId = '' } = useParams();
  // A new workspace (fresh form state) for each appointment.
  return <Workspace key={appointmentId} appointmentId={appointmentId} />;
}

function Workspace({ appointmentId }: { appointmentId: string }) {
  const format = useClinicFormat();
  const navigate = useNavigate();
  const appointment = useApiQuery('appointments.get', { id: appointmentId });
  const a = appointment.data;
  const patient = useApiQuery('patients.get', { id: a?.patientId ?? '' }, { enabled: !!a });
  const record = useApiQuery('consultations.get', { appointmentId });
  const complete = useApiMutation('appointments.complete', {
    onSuccess: (done) =>
      toaster.create({
        type: 'success',
        title: `Visit ${done.number ?? ''} completed`,
        description: 'Reception can now bill the visit.',
      }),
  });

  // The editor's boxes start in the clinic's temperature unit, so the settings come first.
  const settings = useTemperatureUnit();
  const loading = appointment.isLoading || record.isLoading || settings.loading || (!!a && patient.isLoading);
  const view = record.data ?? null;
  const signed = view?.consultation.status === 'finalized';
  // Once the editor has been open, or a draft exists, it stays: a status change made elsewhere
  // (an undone check-in, a cancellation) never hides what the doctor typed.
  const [editorShown, setEditorShown] = useState(false);
  useEffect(() => {
    if (a?.status === 'CHECKED_IN' && !signed) setEditorShown(true);
  }, [a?.status, signed]);
  const keepDraft = !signed && (editorShown || (view !== null && view.consultation.status === 'draft'));

  return (
    <>
      <ScreenHeader
        title="Consultation"
        actions={
          <HStack gap="2">
            <Button variant="outline" onClick={() => void navigate('/my-queue')}>
              Back to my queue
            </Button>
            {signed && a?.status === 'CHECKED_IN' && (
              <Button
                colorPalette="teal"
                loading={complete.isPending}
                onClick={() => complete.mutate({ id: appointmentId })}
              >
                Complete visit
              </Button>
            )}
          </HStack>
        }
      />
      <ErrorMessage error={appointment.error ?? patient.error ?? record.error} />
      <ErrorMessage error={complete.error} />
      {loading && <LoadingState label="Opening the consultation…" />}
      {a && patient.data && !record.isLoading && !settings.loading && !record.error && (
        <>
          <PatientHeader patient={patient.data} appointment={a} format={format} />
          <Grid templateColumns={{ base: '1fr', xl: 'minmax(0, 1fr) 19rem' }} gap="5" alignItems="start">
            <Stack gap="5" minW="0">
              {signed && view ? (
                <>
                  <SignedRecord view={view} format={format} />
                  <PrescriptionPdf consultationId={view.consultation.id} />
                </>
              ) : a.status === 'CHECKED_IN' || keepDraft ? (
                <>
                  {a.status !== 'CHECKED_IN' && <NotCheckedInNotice status={a.status} />}
                  <ConsultationEditor appointmentId={appointmentId} view={view} format={format} />
                </>
              ) : (
                <EmptyState
                  title="No consultation record"
                  description="A record can be written only while the patient is checked in."
                />
              )}
            </Stack>
            <HistoryPanel patientId={a.patientId} appointmentId={appointmentId} format={format} />
          </Grid>
        </>
      )}
    </>
  );
}

const NO_LONGER: Record<string, string> = {
  CONFIRMED: 'The check-in of this visit was undone',
  REQUESTED: 'The check-in of this visit was undone',
  CANCELLED: 'This visit was cancelled',
  NO_SHOW: 'This visit was marked as a no-show',
};

/** Says why the draft can no longer be saved, while keeping it on screen. */
function NotCheckedInNotice({ status }: { status: string }) {
  return (
    <Alert.Root status="warning" data-testid="not-checked-in-notice">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>
          {NO_LONGER[status] ?? 'This visit is no longer checked in'}: your draft is kept here.
        </Alert.Title>
        <Alert.Description>
          It cannot be saved or signed until the patient is checked in again; nothing you typed is lost.
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
