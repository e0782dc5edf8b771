import { Badge, Button, Grid, Stack, Tabs } from '@chakra-ui/react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { PlusIcon } from '@renderer/components/icons';
import { AppointmentDrawer } from '@renderer/screens/shared/appointments/AppointmentDrawer';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { CheckInPanel } from './CheckInPanel';
import { DoctorQueue } from './DoctorQueue';
import { WalkInDialog } from './WalkInDialog';

/** Reception's queue desk (docs/product.md §7): check-in, walk-ins, and each doctor's queue by tab. */
export function QueueScreen() {
  const { doctors: all, byId, isLoading, error } = useDoctors();
  const doctors = all.filter((d) => d.active);
  const [params, setParams] = useSearchParams();
  const selected = params.get('doctor') ?? doctors[0]?.id ?? null;
  const select = (id: string) => setParams({ doctor: id }, { replace: true });
  const [walkIn, setWalkIn] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <>
      <ScreenHeader
        title="Queue and check-in"
        description="Check patients in, add walk-ins, and keep each doctor’s queue in order."
        actions={
          <Button onClick={() => setWalkIn(true)}>
            <PlusIcon /> Walk-in
          </Button>
        }
      />
      <Grid templateColumns={{ base: '1fr', xl: 'minmax(0, 5fr) minmax(0, 7fr)' }} gap="5" alignItems="start">
        <CheckInPanel doctors={byId} onCheckedIn={(entry) => select(entry.doctorId)} onOpen={setOpenId} />
        <Stack gap="3">
          {isLoading ? (
            <LoadingState label="Loading doctors…" />
          ) : error ? (
            <ErrorMessage error={error} title="The doctors could not be loaded" />
          ) : doctors.length === 0 || !selected ? (
            <EmptyState title="No active doctors" />
          ) : (
            <Tabs.Root value={selected} onValueChange={(e) => select(e.value)} variant="enclosed" lazyMount>
              <Tabs.List flexWrap="wrap" aria-label="Doctors’ queues">
                {doctors.map((d) => (
                  <Tabs.Trigger key={d.id} value={d.id}>
                    {d.fullName.replace(/^Dr\.\s*/, 'Dr. ')}
                    <WaitingCount doctorId={d.id} />
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              {doctors.map((d) => (
                <Tabs.Content key={d.id} value={d.id}>
                  <DoctorQueue doctor={d} onOpen={setOpenId} />
                </Tabs.Content>
              ))}
            </Tabs.Root>
          )}
        </Stack>
      </Grid>
      <WalkInDialog
        open={walkIn}
        onClose={() => setWalkIn(false)}
        doctors={doctors}
        defaultDoctorId={selected}
        onDone={(r) => select(r.entry.doctorId)}
      />
      <AppointmentDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function WaitingCount({ doctorId }: { doctorId: string }) {
  const format = useClinicFormat();
  const queue = useApiQuery('queue.list', { doctorId, date: format.today() });
  const count = queue.data?.waiting.length ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" colorPalette="teal" variant="solid" aria-label={`${count} waiting`}>
      {count}
    </Badge>
  );
}
