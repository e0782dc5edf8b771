import { Badge, Box, Button, Heading, Link, Table, Text } from '@chakra-ui/react';
import { type ReactNode, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ResultOf } from '@shared/contract/index';
import type { Appointment } from '@shared/domain/appointment.schema';
import { formatMoney } from '@shared/rules/money';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { AppointmentDrawer } from '@renderer/screens/shared/appointments/AppointmentDrawer';
import { TYPE_LABELS } from '@renderer/screens/shared/appointments/appointment-labels';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';
import { TablePanel } from '@renderer/components/TablePanel';

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
  const byNewest = [...profile.appointments].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const visits = byNewest.filter((a) => a.status === 'COMPLETED');
  const doctorName = (id: string | null) => (id ? (doctors.get(id)?.fullName ?? '…') : '—');

  const appointmentRows = (list: Appointment[], withStatus: boolean) =>
    list.map((a) => (
      <Table.Row
        key={a.id}
        data-testid="profile-appointment"
        cursor="pointer"
        onClick={() => setOpenId(a.id)}
      >
        <Table.Cell>
          <Button variant="plain" size="sm" px="0" color="teal.fg" onClick={() => setOpenId(a.id)}>
            {a.number ?? 'Provisional'}
          </Button>
        </Table.Cell>
        <Table.Cell>{format.dateTime(a.startsAt)}</Table.Cell>
        <Table.Cell>{doctorName(a.doctorId)}</Table.Cell>
        <Table.Cell>{TYPE_LABELS[a.type]}</Table.Cell>
        {withStatus && (
          <Table.Cell>
            <StatusBadge status={a.status} />
          </Table.Cell>
        )}
      </Table.Row>
    ));

  return (
    <>
      <Section title="Visit history" empty={visits.length === 0 ? 'No completed visits yet.' : null}>
        <Table.Root size="sm" interactive aria-label="Visit history">
          <Head columns={['Number', 'Date', 'Doctor', 'Type']} />
          <Table.Body>{appointmentRows(visits, false)}</Table.Body>
        </Table.Root>
      </Section>
      <Section title="Appointments" empty={byNewest.length === 0 ? 'No appointments.' : null}>
        <Table.Root size="sm" interactive aria-label="Appointments">
          <Head columns={['Number', 'When', 'Doctor', 'Type', 'Status']} />
          <Table.Body>{appointmentRows(byNewest, true)}</Table.Body>
        </Table.Root>
      </Section>
      <Section title="Bills" empty={profile.bills.length === 0 ? 'No bills.' : null}>
        <Table.Root size="sm" aria-label="Bills">
          <Head columns={['Number', 'Date', 'Doctor', 'Total', 'Outstanding', 'Status']} />
          <Table.Body>
            {[...profile.bills]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((b) => (
                <Table.Row key={b.id} data-testid="profile-bill">
                  <Table.Cell>
                    <Link asChild fontWeight="medium" color="colorPalette.fg">
                      <RouterLink to={`/billing/${b.id}`}>{b.number ?? 'Provisional'}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{format.date(b.createdAt)}</Table.Cell>
                  <Table.Cell>{doctorName(b.doctorId)}</Table.Cell>
                  <Table.Cell>{formatMoney(b.total, b.currency, format.locale)}</Table.Cell>
                  <Table.Cell>{formatMoney(b.outstanding, b.currency, format.locale)}</Table.Cell>
                  <Table.Cell>
                    <Badge colorPalette={BILL_STATUS[b.status].palette} variant="subtle">
                      {BILL_STATUS[b.status].label}
                    </Badge>
                  </Table.Cell>
                </Table.Row>
              ))}
          </Table.Body>
        </Table.Root>
      </Section>
      <AppointmentDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function Head({ columns }: { columns: string[] }) {
  return (
    <Table.Header>
      <Table.Row>
        {columns.map((c) => (
          <Table.ColumnHeader key={c}>{c}</Table.ColumnHeader>
        ))}
      </Table.Row>
    </Table.Header>
  );
}

function Section({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) {
  return (
    <Box as="section" aria-label={title}>
      <Heading as="h2" size="md" mb="2">
        {title}
      </Heading>
      {empty ? <Text color="fg.muted">{empty}</Text> : <TablePanel label={title}>{children}</TablePanel>}
    </Box>
  );
}
