import { Alert, Badge, Box, Flex, HStack, Text } from '@chakra-ui/react';
import type { Appointment } from '@shared/domain/appointment.schema';
import type { Patient } from '@shared/domain/patient.schema';
import { ageText, allergyStatus } from '@shared/rules/patient-facts';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { StatusBadge } from '@renderer/screens/shared/appointments/StatusBadge';

const SEX = { female: 'F', male: 'M', other: 'Other', unknown: '' } as const;

/** Who is being seen, with allergies and chronic conditions impossible to miss (docs/product.md §8). */
export function PatientHeader({
  patient,
  appointment,
  format,
}: {
  patient: Patient;
  appointment: Appointment;
  format: ClinicFormat;
}) {
  const years = ageText(patient, format.today());
  const age = years === null ? 'age unknown' : `${years} y`;
  const sex = SEX[patient.sex];
  return (
    <Box mb="4">
      <Flex
        bg="bg.panel"
        borderWidth="1px"
        borderRadius="lg"
        p="4"
        gap="4"
        justify="space-between"
        align="center"
        wrap="wrap"
      >
        <div>
          <Text fontSize="xl" fontWeight="semibold" data-testid="patient-name">
            {patient.fullName}
          </Text>
          <HStack gap="2" color="fg.muted" fontSize="sm" wrap="wrap">
            <Text>{[age, sex].filter(Boolean).join(' · ')}</Text>
            <Text>·</Text>
            <Text>{patient.code}</Text>
            {patient.bloodGroup && (
              <>
                <Text>·</Text>
                <Text>Blood group {patient.bloodGroup}</Text>
              </>
            )}
          </HStack>
        </div>
        <HStack gap="3">
          <Text color="fg.muted" fontSize="sm">
            {appointment.number} · {format.dateTime(appointment.startsAt)}
          </Text>
          <StatusBadge status={appointment.status} />
        </HStack>
      </Flex>
      <AllergyBanner patient={patient} />
    </Box>
  );
}

function AllergyBanner({ patient }: { patient: Patient }) {
  const { allergies, chronicConditions } = patient;
  const status = allergyStatus(patient);
  if (status === 'none-known' && chronicConditions.length === 0) {
    return (
      <Text mt="2" color="fg.muted" fontSize="sm" data-testid="allergy-banner">
        No known allergies; no chronic conditions recorded.
      </Text>
    );
  }
  return (
    <Alert.Root
      status={status === 'listed' ? 'error' : 'warning'}
      variant="surface"
      mt="2"
      data-testid="allergy-banner"
      aria-label="Allergies and chronic conditions"
    >
      <Alert.Indicator />
      <Alert.Content>
        {status === 'not-recorded' && (
          <Alert.Title>Allergies: not recorded (ask the patient before prescribing)</Alert.Title>
        )}
        {status === 'none-known' && <Alert.Title>No known allergies</Alert.Title>}
        {status === 'listed' && (
          <Alert.Title>
            Allergies:{' '}
            {allergies.map((a) => (
              <Badge key={a} colorPalette="red" variant="solid" me="1">
                {a}
              </Badge>
            ))}
          </Alert.Title>
        )}
        {chronicConditions.length > 0 && (
          <Alert.Description>Chronic conditions: {chronicConditions.join(', ')}</Alert.Description>
        )}
      </Alert.Content>
    </Alert.Root>
  );
}
