import { Badge, Box, Button, HStack, Stack, Text, Wrap } from '@chakra-ui/react';
import { useState } from 'react';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { LoadingState } from '@renderer/components/StateViews';
import { RegisterPatientForm } from '@renderer/screens/reception/patients/RegisterPatientForm';
import { PatientFinder } from './PatientFinder';
import { birthLabel } from '@renderer/screens/reception/patients/patient-labels';
import { useClinicFormat } from '@renderer/app/clinic-format';

/** Step 2: find the patient, or quick-register a new one (with the duplicate warning). */
export function PatientSection({
  patientId,
  onChange,
}: {
  patientId: string | null;
  onChange: (id: string | null) => void;
}) {
  const [text, setText] = useState('');
  const [registering, setRegistering] = useState(false);
  if (patientId) return <ChosenPatient id={patientId} onClear={() => onChange(null)} />;
  if (registering) {
    return (
      <Stack gap="3">
        <Text fontWeight="medium">Quick registration</Text>
        <RegisterPatientForm
          quick
          initialName={/^[\d\s()+-]+$|^(PAT|TMP-)/i.test(text.trim()) ? '' : text.trim()}
          onRegistered={(p) => {
            setRegistering(false);
            onChange(p.id);
          }}
          onUseExisting={(p) => {
            setRegistering(false);
            onChange(p.id);
          }}
          onCancel={() => setRegistering(false)}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="3">
      <PatientFinder text={text} onTextChange={setText} onPick={(p) => onChange(p.id)} />
      <Button variant="outline" size="sm" alignSelf="flex-start" onClick={() => setRegistering(true)}>
        Register a new patient
      </Button>
    </Stack>
  );
}

function ChosenPatient({ id, onClear }: { id: string; onClear: () => void }) {
  const patient = useApiQuery('patients.get', { id });
  const format = useClinicFormat();
  if (patient.isLoading) return <LoadingState label="Loading the patient…" />;
  if (patient.error) return <ErrorMessage error={patient.error} />;
  const p = patient.data;
  if (!p) return null;
  return (
    <Box data-testid="chosen-patient" borderWidth="1px" borderRadius="md" p="3" bg="teal.subtle">
      <HStack justify="space-between" align="start">
        <Stack gap="0.5">
          <Text fontWeight="semibold">{p.fullName}</Text>
          <Text fontSize="sm">
            {p.code}
            {p.phone ? ` · ${p.phone}` : ''}
            {p.dateOfBirth ? ` · ${birthLabel(p, format)}` : ''}
          </Text>
          {p.allergies.length > 0 && (
            <Wrap gap="1" mt="1">
              {p.allergies.map((a) => (
                <Badge key={a} colorPalette="red" size="sm">
                  Allergy: {a}
                </Badge>
              ))}
            </Wrap>
          )}
        </Stack>
        <Button size="xs" variant="outline" onClick={onClear}>
          Change patient
        </Button>
      </HStack>
    </Box>
  );
}
