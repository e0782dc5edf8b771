import { Box, DataList, Heading, Stack, Table, Text } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import type { ResultOf } from '@shared/contract/index';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { useCurrentUser } from '@renderer/app/session/SessionProvider';
import { AddendumForm } from './AddendumForm';
import { AuthorTimes } from './AuthorTimes';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import { VitalsReadings } from '@renderer/screens/shared/vitals/VitalFlags';
import { TIMING_LABELS } from './consultation-form';
import { TablePanel } from '@renderer/components/TablePanel';

type View = NonNullable<ResultOf<'consultations.get'>>;

/** A signed record, read-only, with its addenda and a way to add one (docs/product.md §8). */
export function SignedRecord({ view, format }: { view: View; format: ClinicFormat }) {
  const c = view.consultation;
  const user = useCurrentUser();
  const { unit } = useTemperatureUnit();
  const rows: [string, ReactNode][] = [
    ['Vitals', <VitalsReadings key="vitals" vitals={c.vitals} unit={unit} />],
    ['Chief complaint', c.chiefComplaint || '—'],
    ['Examination', c.examinationNotes || '—'],
    [
      'Diagnosis',
      c.diagnosis.text ? `${c.diagnosis.text}${c.diagnosis.code ? ` (${c.diagnosis.code})` : ''}` : '—',
    ],
    ['Advice', c.advice || '—'],
    [
      'Tests',
      c.tests.length ? c.tests.map((t) => (t.notes ? `${t.name} (${t.notes})` : t.name)).join(', ') : '—',
    ],
    ['Follow-up', c.followUpDate ? format.date(c.followUpDate) : '—'],
    ['Clinical notes', c.clinicalNotes || '—'],
  ];
  return (
    <Stack gap="5" data-testid="signed-record">
      <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4">
        <Heading as="h2" size="md" mb="1">
          Signed record
        </Heading>
        {c.signedAt && (
          <AuthorTimes
            label="Signed"
            at={c.signedAt}
            receivedAt={c.signatureReceivedAt}
            clock={c.signatureClock}
            format={format}
          />
        )}
        <Text color="fg.muted" fontSize="sm" mb="3">
          Read-only; corrections are added as addenda by the signing doctor.
        </Text>
        <DataList.Root orientation="horizontal" size="md">
          {rows.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel minW="8rem">{label}</DataList.ItemLabel>
              <DataList.ItemValue whiteSpace="pre-wrap">{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList.Root>
      </Box>

      <TablePanel label="Prescribed medicines">
        <Heading as="h2" size="md" p="4" pb="2">
          Prescription
        </Heading>
        {c.prescription.length === 0 ? (
          <Text color="fg.muted" px="4" pb="4">
            No medicines prescribed.
          </Text>
        ) : (
          <Table.Root size="sm" aria-label="Prescribed medicines">
            <Table.Header>
              <Table.Row bg="bg.muted">
                <Table.ColumnHeader>Medicine</Table.ColumnHeader>
                <Table.ColumnHeader>Dose</Table.ColumnHeader>
                <Table.ColumnHeader>Timing</Table.ColumnHeader>
                <Table.ColumnHeader>Days</Table.ColumnHeader>
                <Table.ColumnHeader>Instructions</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {c.prescription.map((p, i) => (
                <Table.Row key={i}>
                  <Table.Cell>
                    {p.medicine} {p.strength}
                  </Table.Cell>
                  <Table.Cell>{p.dosePattern}</Table.Cell>
                  <Table.Cell>{TIMING_LABELS[p.timing]}</Table.Cell>
                  <Table.Cell>{p.durationDays}</Table.Cell>
                  <Table.Cell>{p.instructions || '—'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        )}
      </TablePanel>

      <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4">
        <Heading as="h2" size="md" mb="3">
          Addenda
        </Heading>
        {view.addenda.length === 0 && <Text color="fg.muted">No addenda.</Text>}
        <Stack gap="2" mb="3" data-testid="addenda">
          {view.addenda.map((a) => (
            <Box key={a.id} borderStartWidth="3px" borderColor="colorPalette.solid" ps="3">
              <Text whiteSpace="pre-wrap">{a.text}</Text>
              <AuthorTimes
                label="Written"
                at={a.at}
                receivedAt={a.receivedAt}
                clock={a.clock}
                format={format}
                fontSize="xs"
              />
            </Box>
          ))}
        </Stack>
        {user.id === c.signedBy ? (
          <AddendumForm consultationId={c.id} />
        ) : (
          <Text color="fg.muted" fontSize="sm">
            Only the doctor who signed this record can add addenda to it.
          </Text>
        )}
      </Box>
    </Stack>
  );
}
