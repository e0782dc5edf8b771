import { Badge, Box, Button, Flex, HStack, Stack, Text } from '@chakra-ui/react';
import { useNavigate } from 'react-router';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { useShortcut } from '@renderer/app/shortcuts/ShortcutProvider';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { notifyError, toaster } from '@renderer/components/toaster';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import { NotLinked } from '@renderer/screens/doctor/common/NotLinked';
import { useMyDoctorId } from '@renderer/screens/doctor/common/use-my-doctor';
import { formatMinutes, waitingMinutes } from '@shared/rules/wait-estimate';
import { useHubNow } from '@renderer/api/hub-clock';
import { QueueTable } from './QueueTable';

/** Doctor home (docs/product.md §7): today's queue with live waiting times and estimates; call next; start. */
export function MyQueueScreen() {
  const doctorId = useMyDoctorId();
  if (!doctorId) {
    return (
      <>
        <ScreenHeader title="My queue" />
        <NotLinked />
      </>
    );
  }
  return <MyQueue doctorId={doctorId} />;
}

function MyQueue({ doctorId }: { doctorId: string }) {
  const format = useClinicFormat();
  const navigate = useNavigate();
  const now = new Date(useHubNow()).toISOString();
  const today = format.today();
  const queue = useApiQuery('queue.list', { doctorId, date: today });
  const q = queue.data;
  const patients = usePatients([
    ...(q?.current ? [q.current.patientId] : []),
    ...(q?.waiting ?? []).map((w) => w.entry.patientId),
  ]);

  const callNext = useApiMutation('queue.callNext', {
    onSuccess: (called) =>
      toaster.create({
        type: called ? 'success' : 'info',
        title: called ? `${called.token} called` : 'Nobody is waiting',
        description: called ? 'The waiting-room display announces the token.' : undefined,
      }),
    onError: (error) => notifyError(error, 'Could not call the next patient'),
  });
  const recall = useApiMutation('queue.recall', {
    onSuccess: (entry) => toaster.create({ type: 'success', title: `${entry.token} announced again` }),
    onError: (error) => notifyError(error),
  });
  const start = useApiMutation('queue.startConsultation', {
    onSuccess: (entry) => void navigate(`/consultation/${entry.appointmentId}`),
    onError: (error) => notifyError(error, 'Could not start the consultation'),
  });

  const current = q?.current ?? null;
  const inRoom = current?.state === 'in_consultation';
  const canCall = !!q && q.waiting.length > 0 && !inRoom && !callNext.isPending;
  useShortcut('alt+x', () => canCall && callNext.mutate({ doctorId }), {
    description: 'Call the next patient',
    group: 'My queue',
  });

  return (
    <>
      <ScreenHeader
        title="My queue"
        description={`Today, ${format.date(today)}${q ? ` · average consultation ${q.averageConsultationMinutes} min` : ''}`}
        actions={
          <Button
            colorPalette="teal"
            onClick={() => callNext.mutate({ doctorId })}
            disabled={!canCall}
            loading={callNext.isPending}
            title={inRoom ? 'Finish the current consultation first' : undefined}
          >
            Call next
          </Button>
        }
      />
      <ErrorMessage error={queue.error} />
      {queue.isLoading && <LoadingState label="Loading your queue…" />}
      {q && (
        <Stack gap="5">
          <Box
            as="section"
            aria-labelledby="in-room-heading"
            bg="bg.panel"
            borderWidth="1px"
            borderRadius="lg"
            p="4"
            data-testid="current-patient"
          >
            <Text id="in-room-heading" fontWeight="semibold" color="fg.muted" fontSize="sm" mb="2">
              {current?.state === 'called' ? 'Called in' : 'In consultation'}
            </Text>
            {current ? (
              <Flex justify="space-between" align="center" gap="4" wrap="wrap">
                <HStack gap="3">
                  <Badge colorPalette={inRoom ? 'purple' : 'orange'} size="lg" variant="solid">
                    {current.token}
                  </Badge>
                  <div>
                    <Text fontWeight="semibold">{patients.get(current.patientId)?.fullName ?? '…'}</Text>
                    <Text color="fg.muted" fontSize="sm">
                      {inRoom && current.consultationStartedAt
                        ? `Since ${format.time(current.consultationStartedAt)} (${formatMinutes(waitingMinutes(current.consultationStartedAt, now))})`
                        : current.calledAt
                          ? `Called at ${format.time(current.calledAt)}`
                          : ''}
                    </Text>
                  </div>
                </HStack>
                <HStack gap="2">
                  {inRoom ? (
                    <Button
                      colorPalette="teal"
                      onClick={() => void navigate(`/consultation/${current.appointmentId}`)}
                    >
                      Open consultation
                    </Button>
                  ) : (
                    <>
                      <Button
                        variant="outline"
                        onClick={() => recall.mutate({ id: current.id })}
                        loading={recall.isPending}
                      >
                        Announce again
                      </Button>
                      <Button
                        colorPalette="teal"
                        onClick={() => start.mutate({ id: current.id })}
                        loading={start.isPending}
                      >
                        Start consultation
                      </Button>
                    </>
                  )}
                </HStack>
              </Flex>
            ) : (
              <Text color="fg.muted">Nobody is with you. Call the next patient when you are ready.</Text>
            )}
          </Box>

          <Box as="section" aria-labelledby="waiting-heading">
            <Flex justify="space-between" align="baseline" mb="2">
              <Text as="h2" id="waiting-heading" fontWeight="semibold" fontSize="lg">
                Waiting ({q.waiting.length})
              </Text>
              <Text color="fg.muted" fontSize="sm">
                Seen today: {q.done.length}
              </Text>
            </Flex>
            {q.waiting.length === 0 ? (
              <EmptyState
                title="Nobody is waiting"
                description="Patients appear here as soon as reception checks them in."
              />
            ) : (
              <QueueTable
                waiting={q.waiting}
                patients={patients}
                now={now}
                format={format}
                inRoom={inRoom}
                starting={start.isPending}
                onStart={(id) => start.mutate({ id })}
              />
            )}
          </Box>
        </Stack>
      )}
    </>
  );
}
