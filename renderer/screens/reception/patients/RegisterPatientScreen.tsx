import { Box } from '@chakra-ui/react';
import { useNavigate, useSearchParams } from 'react-router';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { toaster } from '@renderer/components/toaster';
import { RegisterPatientForm } from './RegisterPatientForm';

/** /patients/new: the full registration form; opens the new profile when saved. */
export function RegisterPatientScreen() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <>
      <ScreenHeader title="Register a patient" description="All demographics; only the name is required." />
      <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="5" maxW="5xl">
        <RegisterPatientForm
          initialName={params.get('name') ?? ''}
          onRegistered={(patient) => {
            toaster.create({ type: 'success', title: `Registered ${patient.fullName} (${patient.code})` });
            void navigate(`/patients/${patient.id}`);
          }}
          onUseExisting={(patient) => void navigate(`/patients/${patient.id}`)}
          onCancel={() => void navigate('/patients')}
        />
      </Box>
    </>
  );
}
