import { Box, Link, Table, Text } from '@chakra-ui/react';
import { Link as RouterLink } from 'react-router';
import type { Bill } from '@shared/domain/billing.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { PatientCell } from '@renderer/components/PatientCell';
import { money } from './bill-format';
import { BillStatusBadge } from './BillStatusBadge';

export function BillTable({
  bills,
  patients,
  doctors,
  format,
  label,
}: {
  bills: Bill[];
  patients: Map<string, Patient>;
  doctors: Map<string, Doctor>;
  format: ClinicFormat;
  label: string;
}) {
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" overflowX="auto">
      <Table.Root size="sm" interactive aria-label={label}>
        <Table.Header>
          <Table.Row bg="bg.muted">
            <Table.ColumnHeader>Bill</Table.ColumnHeader>
            <Table.ColumnHeader>Patient</Table.ColumnHeader>
            <Table.ColumnHeader>Doctor</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Total</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Paid</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Outstanding</Table.ColumnHeader>
            <Table.ColumnHeader>Status</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {bills.map((b) => {
            const p = patients.get(b.patientId);
            return (
              <Table.Row key={b.id} data-testid="bill-row">
                <Table.Cell whiteSpace="nowrap">
                  <Link asChild fontWeight="medium" color="colorPalette.fg">
                    <RouterLink to={`/billing/${b.id}`}>{b.number ?? 'Provisional'}</RouterLink>
                  </Link>
                  <Text color="fg.muted" fontSize="xs">
                    {format.dateTime(b.createdAt)}
                  </Text>
                </Table.Cell>
                <PatientCell patient={p} />
                <Table.Cell>{b.doctorId ? (doctors.get(b.doctorId)?.fullName ?? '…') : '—'}</Table.Cell>
                <Table.Cell textAlign="end">{money(b.total, b.currency)}</Table.Cell>
                <Table.Cell textAlign="end">{money(b.paid, b.currency)}</Table.Cell>
                <Table.Cell textAlign="end" fontWeight={b.outstanding > 0 ? 'semibold' : undefined}>
                  {money(b.outstanding, b.currency)}
                </Table.Cell>
                <Table.Cell>
                  <BillStatusBadge status={b.status} />
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table.Root>
    </Box>
  );
}
