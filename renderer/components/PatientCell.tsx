import { Table, Text } from '@chakra-ui/react';
import type { Patient } from '@shared/domain/patient.schema';

/** A patient's name with their code below; "…" while the patient is still loading. */
export function PatientName({ patient }: { patient: Patient | undefined }) {
  return (
    <>
      <Text>{patient?.fullName ?? '…'}</Text>
      <Text color="fg.muted" fontSize="xs">
        {patient?.code ?? ''}
      </Text>
    </>
  );
}

/** A table cell naming a patient (tables not on `DataTable`, which puts `PatientName` in its cell). */
export function PatientCell({ patient }: { patient: Patient | undefined }) {
  return (
    <Table.Cell>
      <PatientName patient={patient} />
    </Table.Cell>
  );
}
