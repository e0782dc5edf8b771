import { Alert, Button, HStack, List, Stack, Text } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ResultOf } from '@shared/contract/index';
import type { ApiError } from '@shared/contract/errors';
import type { Patient, PatientDetails } from '@shared/domain/patient.schema';
import { useApiClient } from '@renderer/api/ApiProvider';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import {
  emptyPatientForm,
  PATIENT_FIELD_MAP,
  patientFormSchema,
  type PatientFormValues,
  toPatientDetails,
} from './patient-form';
import { PatientFields } from './PatientFields';
import { birthLabel } from './patient-labels';

type Candidates = ResultOf<'patients.checkDuplicates'>;

/**
 * Registers a patient (full form, or the quick one while booking). Before saving it asks the hub
 * for patients with the same name + phone or name + date of birth and shows them: pick the
 * existing one, or register a new one anyway (docs/product.md §2 duplicate warning).
 */
export function RegisterPatientForm({
  quick = false,
  initialName = '',
  onRegistered,
  onUseExisting,
  onCancel,
}: {
  quick?: boolean;
  initialName?: string;
  onRegistered: (patient: Patient) => void;
  onUseExisting?: (patient: Patient) => void;
  onCancel?: () => void;
}) {
  const client = useApiClient();
  const format = useClinicFormat();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [pending, setPending] = useState<{ details: PatientDetails; candidates: Candidates } | null>(null);
  const form = useForm<PatientFormValues>({
    resolver: zodResolver(patientFormSchema),
    defaultValues: { ...emptyPatientForm, fullName: initialName },
  });
  const registerPatient = useApiMutation('patients.register', {
    onSuccess: (patient) => {
      setPending(null);
      onRegistered(patient);
    },
    onError: (error) => {
      setPending(null);
      setRefused(
        applyApiError(error, form.setError, {
          knownFields: Object.values(PATIENT_FIELD_MAP),
          fieldMap: PATIENT_FIELD_MAP,
        }),
      );
    },
  });

  const save = (details: PatientDetails, acknowledgeDuplicates: boolean) =>
    registerPatient.mutate({
      id: crypto.randomUUID(),
      details,
      acknowledgeDuplicates,
      provisionalCode: null,
    });

  const onSubmit = form.handleSubmit(async (values) => {
    setRefused(null);
    const details = toPatientDetails(values, format.today());
    try {
      const candidates = await client.call('patients.checkDuplicates', {
        fullName: details.fullName,
        phone: details.phone,
        dateOfBirth: details.dateOfBirth,
      });
      if (candidates.length > 0) {
        setPending({ details, candidates });
        return;
      }
    } catch (error) {
      setRefused(applyApiError(error, form.setError, { fieldMap: PATIENT_FIELD_MAP }));
      return;
    }
    save(details, false);
  });

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={quick ? 'Quick registration' : 'Register a patient'}
    >
      <Stack gap="5">
        <PatientFields form={form} quick={quick} />
        <ErrorMessage error={refused} />
        {pending ? (
          <DuplicateWarning
            candidates={pending.candidates}
            busy={registerPatient.isPending}
            onUseExisting={onUseExisting}
            onRegisterAnyway={() => save(pending.details, true)}
            onBack={() => setPending(null)}
          />
        ) : (
          <HStack gap="3">
            <Button type="submit" loading={form.formState.isSubmitting || registerPatient.isPending}>
              Register patient
            </Button>
            {onCancel && (
              <Button variant="ghost" onClick={onCancel}>
                Cancel
              </Button>
            )}
          </HStack>
        )}
      </Stack>
    </form>
  );
}

function DuplicateWarning({
  candidates,
  busy,
  onUseExisting,
  onRegisterAnyway,
  onBack,
}: {
  candidates: Candidates;
  busy: boolean;
  onUseExisting: ((patient: Patient) => void) | undefined;
  onRegisterAnyway: () => void;
  onBack: () => void;
}) {
  const format = useClinicFormat();
  return (
    <Alert.Root status="warning" role="alert" data-testid="duplicate-warning">
      <Alert.Indicator />
      <Alert.Content>
        <Alert.Title>This patient may already be registered</Alert.Title>
        <Alert.Description>
          <Text mb="2">Check these records before registering a new one:</Text>
          <List.Root gap="2" ps="4">
            {candidates.map(({ patient, matchedOn }) => (
              <List.Item key={patient.id}>
                <HStack gap="3" wrap="wrap">
                  <Text fontWeight="medium">
                    {patient.code} · {patient.fullName}
                    {patient.phone ? ` · ${patient.phone}` : ''}
                    {patient.dateOfBirth ? ` · ${birthLabel(patient, format)}` : ''}
                  </Text>
                  <Text fontSize="sm">(same {matchedOn.map((m) => m.replace('+', ' and ')).join(', ')})</Text>
                  {onUseExisting && (
                    <Button size="xs" variant="outline" onClick={() => onUseExisting(patient)}>
                      Use {patient.code}
                    </Button>
                  )}
                </HStack>
              </List.Item>
            ))}
          </List.Root>
          <HStack gap="3" mt="3">
            <Button size="sm" colorPalette="orange" loading={busy} onClick={onRegisterAnyway}>
              Register as a new patient anyway
            </Button>
            <Button size="sm" variant="ghost" onClick={onBack}>
              Back to the form
            </Button>
          </HStack>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}
