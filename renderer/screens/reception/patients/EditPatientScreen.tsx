import { Box, Button, HStack, Stack } from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import type { ApiError } from '@shared/contract/errors';
import type { Patient } from '@shared/domain/patient.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { toaster } from '@renderer/components/toaster';
import {
  PATIENT_FIELD_MAP,
  patientFormSchema,
  type PatientFormValues,
  toFormValues,
  toPatientDetails,
} from './patient-form';
import { PatientFields } from './PatientFields';

/** /patients/:id/edit: change demographics (patients.update). */
export function EditPatientScreen() {
  const { id = '' } = useParams();
  const patient = useApiQuery('patients.get', { id });
  return (
    <>
      <ScreenHeader title={patient.data ? `Edit ${patient.data.fullName}` : 'Edit patient'} />
      {patient.isLoading && <LoadingState />}
      <ErrorMessage error={patient.error} />
      {patient.data && <EditForm patient={patient.data} />}
    </>
  );
}

function EditForm({ patient }: { patient: Patient }) {
  const navigate = useNavigate();
  const format = useClinicFormat();
  const [refused, setRefused] = useState<ApiError | null>(null);
  const form = useForm<PatientFormValues>({
    resolver: zodResolver(patientFormSchema),
    defaultValues: toFormValues(patient, format.today()),
  });
  const update = useApiMutation('patients.update', {
    onSuccess: (saved) => {
      toaster.create({ type: 'success', title: `Saved ${saved.fullName}` });
      void navigate(`/patients/${saved.id}`);
    },
    onError: (error) =>
      setRefused(
        applyApiError(error, form.setError, {
          knownFields: Object.values(PATIENT_FIELD_MAP),
          fieldMap: PATIENT_FIELD_MAP,
        }),
      ),
  });
  const onSubmit = form.handleSubmit((values) => {
    setRefused(null);
    update.mutate({ id: patient.id, details: toPatientDetails(values, format.today()) });
  });
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="5" maxW="5xl">
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Edit patient">
        <Stack gap="5">
          <PatientFields form={form} />
          <ErrorMessage error={refused} />
          <HStack gap="3">
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
            <Button variant="ghost" onClick={() => void navigate(`/patients/${patient.id}`)}>
              Cancel
            </Button>
          </HStack>
        </Stack>
      </form>
    </Box>
  );
}
