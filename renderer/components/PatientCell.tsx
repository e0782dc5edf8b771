import { Table, Text } from '@chakra-ui/react';
import type { Patient } from '@shared/domain/patient.schema';

/** A table cell naming a patient, with their code below; "…" while the patient is still loading. */
export function PatientCell({ patient }: { patient: Patient | undefined }) {
  return (
    <Table.Cell>
      <Text>{patient?.fullName ?? '…'}</Text>
      <Text color="fg.muted" fontSize="xs">
        {patient?.code ?? ''}
      </Text>
    </Table.Cell>
  );
}
