import { Box, Table, Text } from '@chakra-ui/react';
import type { ResultOf } from '@shared/contract/index';
import { percent, useMoney } from '@renderer/components/admin/money';
import { Panel } from '@renderer/components/admin/Panel';
import { useDoctors } from '@renderer/screens/shared/appointments/use-people';

/** Consultations, revenue and no-show rate per doctor, with a bar for consultations. */
export function DoctorFigures({ doctors }: { doctors: ResultOf<'analytics.dashboard'>['doctors'] }) {
  const money = useMoney();
  const { byId } = useDoctors();
  const max = Math.max(1, ...doctors.map((d) => d.consultations));
  return (
    <Panel title="Doctors">
      {doctors.length === 0 ? (
        <Text color="fg.muted">No consultations in this period.</Text>
      ) : (
        <Table.Root size="sm" aria-label="Consultations and revenue by doctor">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader>Doctor</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Consultations</Table.ColumnHeader>
              <Table.ColumnHeader width="30%">
                <Text srOnly>Consultations chart</Text>
              </Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Revenue</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">No-show rate</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {doctors.map((d) => (
              <Table.Row key={d.doctorId} data-testid="doctor-figures-row">
                <Table.Cell>{byId.get(d.doctorId)?.fullName ?? '…'}</Table.Cell>
                <Table.Cell textAlign="end">{d.consultations}</Table.Cell>
                <Table.Cell>
                  <Box bg="bg.muted" borderRadius="sm" height="3" aria-hidden="true">
                    <Box
                      bg="teal.solid"
                      borderRadius="sm"
                      height="full"
                      width={`${(d.consultations / max) * 100}%`}
                    />
                  </Box>
                </Table.Cell>
                <Table.Cell textAlign="end">{money(d.revenue)}</Table.Cell>
                <Table.Cell textAlign="end">{percent(d.noShowRate)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
    </Panel>
  );
}
