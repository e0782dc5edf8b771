import { Badge, Box, Button, Heading, Link, Text } from '@chakra-ui/react';
import { type ReactNode, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ResultOf } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Bill } from '@shared/domain/billing.schema';
import { formatMoney } from '@shared/rules/money';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { AppointmentDrawer } from '@renderer/screens/shared/appointments/AppointmentDrawer';
import { TYPE_LABELS } from '@renderer/screens/shared/appointments/appointment-labels';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';

type Profile = ResultOf<'patients.profile'>;

const BILL_STATUS = {
  PENDING: { label: 'Unpaid', palette: 'red' },
  PARTIALLY_PAID: { label: 'Part paid', palette: 'orange' },
  PAID: { label: 'Paid', palette: 'green' },
} as const;

/** Visits (completed appointments), all appointments and bills of one patient's profile. */
export function ProfileHistory({ profile }: { profile: Profile }) {
  const format = useClinicFormat();
  const { byId: doctors } = useDoctors();
  const [openId, setOpenId] = useState<string | null>(null);
  const byNewest = useMemo(
    () => [...profile.appointments].sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
    [profile.appointments],
  );
  const visits = useMemo(() => byNewest.filter((a) => a.status === 'COMPLETED'), [byNewest]);
  const bills = useMemo(
    () => [...profile.bills].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [profile.bills],
  );

  const { visitColumns, appointmentColumns, billColumns } = useMemo(() => {
    const doctorName = (id: string | null) => (id ? (doctors.get(id)?.fullName ?? '…') : '—');
    const doctorSort = (id: string | null) => (id ? doctors.get(id)?.fullName : undefined);
    const number: DataColumn<Appointment> = {
      id: 'number',
      header: 'Number',
      sortBy: (a) => a.number,
      cell: (a) => (
        <Button
          variant="plain"
          size="sm"
          px="0"
          color="teal.fg"
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            setOpenId(a.id);
          }}
        >
          {a.number ?? 'Provisional'}
        </Button>
      ),
    };
    const rest = (when: string): DataColumn<Appointment>[] => [
      {
        id: 'when',
        header: when,
        sortBy: (a) => Date.parse(a.startsAt),
        cell: (a) => format.dateTime(a.startsAt),
      },
      {
        id: 'doctor',
        header: 'Doctor',
        sortBy: (a) => doctorSort(a.doctorId),
        cell: (a) => doctorName(a.doctorId),
      },
      { id: 'type', header: 'Type', sortBy: (a) => TYPE_LABELS[a.type], cell: (a) => TYPE_LABELS[a.type] },
    ];
    const status: DataColumn<Appointment> = {
      id: 'status',
      header: 'Status',
      sortBy: (a) => a.status,
      cell: (a) => <StatusBadge status={a.status} />,
    };
    const bill: DataColumn<Bill>[] = [
      {
        id: 'number',
        header: 'Number',
        sortBy: (b) => b.number,
        cell: (b) => (
          <Link asChild fontWeight="medium" color="colorPalette.fg">
            <RouterLink to={`/billing/${b.id}`}>{b.number ?? 'Provisional'}</RouterLink>
          </Link>
        ),
      },
      {
        id: 'date',
        header: 'Date',
        sortBy: (b) => Date.parse(b.createdAt),
        cell: (b) => format.date(b.createdAt),
      },
      {
        id: 'doctor',
        header: 'Doctor',
        sortBy: (b) => doctorSort(b.doctorId),
        cell: (b) => doctorName(b.doctorId),
      },
      {
        id: 'total',
        header: 'Total',
        sortBy: (b) => b.total,
        cell: (b) => formatMoney(b.total, b.currency, format.locale),
      },
      {
        id: 'outstanding',
        header: 'Outstanding',
        sortBy: (b) => b.outstanding,
        cell: (b) => formatMoney(b.outstanding, b.currency, format.locale),
      },
      {
        id: 'status',
        header: 'Status',
        sortBy: (b) => BILL_STATUS[b.status].label,
        cell: (b) => (
          <Badge colorPalette={BILL_STATUS[b.status].palette} variant="subtle">
            {BILL_STATUS[b.status].label}
          </Badge>
        ),
      },
    ];
    return {
      visitColumns: [number, ...rest('Date')],
      appointmentColumns: [number, ...rest('When'), status],
      billColumns: bill,
    };
  }, [doctors, format]);

  const appointmentTable = (label: string, rows: Appointment[], columns: DataColumn<Appointment>[]) => (
    <DataTable
      label={label}
      rows={rows}
      columns={columns}
      rowKey={(a) => a.id}
      onOpen={(a) => setOpenId(a.id)}
      rowAttributes={() => ({ 'data-testid': 'profile-appointment' })}
    />
  );

  return (
    <>
      <Section title="Visit history" empty={visits.length === 0 ? 'No completed visits yet.' : null}>
        {appointmentTable('Visit history', visits, visitColumns)}
      </Section>
      <Section title="Appointments" empty={byNewest.length === 0 ? 'No appointments.' : null}>
        {appointmentTable('Appointments', byNewest, appointmentColumns)}
      </Section>
      <Section title="Bills" empty={profile.bills.length === 0 ? 'No bills.' : null}>
        <DataTable
          label="Bills"
          rows={bills}
          columns={billColumns}
          rowKey={(b) => b.id}
          rowAttributes={() => ({ 'data-testid': 'profile-bill' })}
        />
      </Section>
      <AppointmentDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <Box as="section" aria-label={title}>
      <Heading as="h2" size="md" mb="2">
        {title}
      </Heading>
      {empty ? <Text color="fg.muted">{empty}</Text> : children}
    </Box>
  );
}
