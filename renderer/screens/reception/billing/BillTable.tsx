import { Link, Text } from '@chakra-ui/react';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Bill } from '@shared/domain/billing.schema';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { PatientName } from '@renderer/components/PatientCell';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
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
  const columns = useMemo(
    (): DataColumn<Bill>[] => [
      {
        id: 'bill',
        header: 'Bill',
        sortBy: (b) => Date.parse(b.createdAt),
        cellProps: { whiteSpace: 'nowrap' },
        cell: (b) => (
          <>
            <Link asChild fontWeight="medium" color="colorPalette.fg">
              <RouterLink to={`/billing/${b.id}`}>{b.number ?? 'Provisional'}</RouterLink>
            </Link>
            <Text color="fg.muted" fontSize="xs">
              {format.dateTime(b.createdAt)}
            </Text>
          </>
        ),
      },
      {
        id: 'patient',
        header: 'Patient',
        sortBy: (b) => patients.get(b.patientId)?.fullName,
        cell: (b) => <PatientName patient={patients.get(b.patientId)} />,
      },
      {
        id: 'doctor',
        header: 'Doctor',
        sortBy: (b) => (b.doctorId ? doctors.get(b.doctorId)?.fullName : undefined),
        cell: (b) => (b.doctorId ? (doctors.get(b.doctorId)?.fullName ?? '…') : '—'),
      },
      {
        id: 'total',
        header: 'Total',
        align: 'end',
        sortBy: (b) => b.total,
        cell: (b) => money(b.total, b.currency),
      },
      {
        id: 'paid',
        header: 'Paid',
        align: 'end',
        sortBy: (b) => b.paid,
        cell: (b) => money(b.paid, b.currency),
      },
      {
        id: 'outstanding',
        header: 'Outstanding',
        align: 'end',
        sortBy: (b) => b.outstanding,
        cellProps: (b) => ({ fontWeight: b.outstanding > 0 ? 'semibold' : undefined }),
        cell: (b) => money(b.outstanding, b.currency),
      },
      {
        id: 'status',
        header: 'Status',
        sortBy: (b) => b.status,
        cell: (b) => <BillStatusBadge status={b.status} />,
      },
    ],
    [patients, doctors, format],
  );
  return (
    <DataTable
      label={label}
      rows={bills}
      columns={columns}
      rowKey={(b) => b.id}
      rowAttributes={() => ({ 'data-testid': 'bill-row' })}
      interactive
    />
  );
}
