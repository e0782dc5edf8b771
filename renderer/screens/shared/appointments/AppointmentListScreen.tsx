import { Button, HStack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { Appointment } from '@shared/domain/appointment.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { useAppointmentFilters, type AppointmentFilters } from './appointment-filters';
import { AppointmentDrawer } from './AppointmentDrawer';
import { AppointmentFilterBar } from './AppointmentFilterBar';
import { AppointmentTable } from './AppointmentTable';
import { useDoctors, usePatients } from './use-people';

const PAGE_SIZE = 25;

/** All staff: appointments by status, dates, doctor and patient, or found by number / patient name. */
export function AppointmentListScreen() {
  const format = useClinicFormat();
  const today = format.today();
  const [filters, setFilters, setPage] = useAppointmentFilters(today);
  const [openId, setOpenId] = useState<string | null>(null);
  const { doctors, byId: doctorsById } = useDoctors();
  const searching = filters.text.length > 0;

  const list = useApiQuery(
    'appointments.list',
    {
      ...(filters.status ? { statuses: [filters.status] } : {}),
      ...(filters.fromDate ? { fromDate: filters.fromDate } : {}),
      ...(filters.toDate ? { toDate: filters.toDate } : {}),
      ...(filters.doctorId ? { doctorId: filters.doctorId } : {}),
      ...(filters.patientId ? { patientId: filters.patientId } : {}),
      limit: PAGE_SIZE,
      offset: filters.page * PAGE_SIZE,
    },
    { enabled: !searching, placeholderData: (previous) => previous },
  );
  const search = useApiQuery(
    'appointments.search',
    { text: filters.text, limit: 100 },
    { enabled: searching },
  );

  const rows: Appointment[] = searching
    ? (search.data ?? []).filter((a) => matchesFilters(a, filters))
    : (list.data?.items ?? []);
  const active = searching ? search : list;
  const patients = usePatients([
    ...rows.map((a) => a.patientId),
    ...(filters.patientId ? [filters.patientId] : []),
  ]);
  const total = searching ? rows.length : (list.data?.total ?? 0);

  return (
    <>
      <ScreenHeader title="Appointments" description="Find any appointment; open one to see its history." />
      <AppointmentFilterBar
        filters={filters}
        onChange={setFilters}
        doctors={doctors}
        patient={filters.patientId ? (patients.get(filters.patientId) ?? null) : null}
        today={today}
      />
      {searching && (
        <Text color="fg.muted" mb="3" fontSize="sm">
          Searching all dates for “{filters.text}”; the status, doctor and patient filters still apply.
        </Text>
      )}
      <ErrorMessage error={active.error} />
      {active.isLoading ? (
        <LoadingState label="Loading appointments…" />
      ) : rows.length === 0 && !active.error ? (
        <EmptyState
          title="No appointments found"
          description={
            searching
              ? 'Nothing matches this search. Check the spelling, or search by number.'
              : 'Try other dates or clear a filter.'
          }
        />
      ) : (
        <>
          <AppointmentTable
            appointments={rows}
            doctors={doctorsById}
            patients={patients}
            format={format}
            onOpen={setOpenId}
            busy={!searching && list.isPlaceholderData}
          />
          {!searching && (
            <HStack justify="space-between" mt="3" aria-live="polite">
              <Text color="fg.muted" fontSize="sm">
                {filters.page * PAGE_SIZE + 1}–{filters.page * PAGE_SIZE + rows.length} of {total}
              </Text>
              <HStack gap="2">
                <Button
                  size="sm"
                  variant="outline"
                  disabled={filters.page === 0}
                  onClick={() => setPage(filters.page - 1)}
                >
                  Previous
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={(filters.page + 1) * PAGE_SIZE >= total}
                  onClick={() => setPage(filters.page + 1)}
                >
                  Next
                </Button>
              </HStack>
            </HStack>
          )}
          {searching && (
            <Text color="fg.muted" fontSize="sm" mt="3">
              {total} found
            </Text>
          )}
        </>
      )}
      <AppointmentDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function matchesFilters(a: Appointment, f: AppointmentFilters): boolean {
  return (
    (!f.status || a.status === f.status) &&
    (!f.doctorId || a.doctorId === f.doctorId) &&
    (!f.patientId || a.patientId === f.patientId)
  );
}
