import { Box, Text } from '@chakra-ui/react';
import { useMemo } from 'react';
import type { ResultOf } from '@shared/contract/index';
import { percent, useMoney } from '@renderer/components/admin/money';
import { Panel } from '@renderer/components/admin/Panel';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';

type DoctorFigure = ResultOf<'analytics.dashboard'>['doctors'][number];

/** Consultations, revenue and no-show rate per doctor, with a bar for consultations. */
export function DoctorFigures({ doctors }: { doctors: readonly DoctorFigure[] }) {
  const money = useMoney();
  const { byId } = useDoctors();
  const columns = useMemo(() => {
    const max = Math.max(1, ...doctors.map((d) => d.consultations));
    return figureColumns((id) => byId.get(id)?.fullName, money, max);
  }, [doctors, byId, money]);
  return (
    <Panel title="Doctors">
      {doctors.length === 0 ? (
        <Text color="fg.muted">No consultations in this period.</Text>
      ) : (
        <DataTable
          label="Consultations and revenue by doctor"
          rows={doctors}
          columns={columns}
          rowKey={(d) => d.doctorId}
          rowAttributes={() => ({ 'data-testid': 'doctor-figures-row' })}
          bare
        />
      )}
    </Panel>
  );
}

function figureColumns(
  doctorName: (id: string) => string | undefined,
  money: (amount: number) => string,
  max: number,
): DataColumn<DoctorFigure>[] {
  return [
    {
      id: 'doctor',
      header: 'Doctor',
      sortBy: (d) => doctorName(d.doctorId),
      cell: (d) => doctorName(d.doctorId) ?? '…',
    },
    {
      id: 'consultations',
      header: 'Consultations',
      align: 'end',
      sortBy: (d) => d.consultations,
      cell: (d) => d.consultations,
    },
    {
      id: 'chart',
      header: 'Consultations chart',
      headerHidden: true,
      size: 200,
      cell: (d) => (
        <Box bg="bg.muted" borderRadius="sm" height="3" aria-hidden="true">
          <Box bg="teal.solid" borderRadius="sm" height="full" width={`${(d.consultations / max) * 100}%`} />
        </Box>
      ),
    },
    {
      id: 'revenue',
      header: 'Revenue',
      align: 'end',
      sortBy: (d) => d.revenue,
      cell: (d) => money(d.revenue),
    },
    {
      id: 'noShowRate',
      header: 'No-show rate',
      align: 'end',
      sortBy: (d) => d.noShowRate,
      cell: (d) => percent(d.noShowRate),
    },
  ];
}
