import { Box, Button, Field, Input, InputGroup, Link, Text } from '@chakra-ui/react';
import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { PlusIcon, SearchIcon } from '@renderer/components/icons';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { EmptyState, LoadingState } from '@renderer/components/StateViews';
import { useDebounced } from '@renderer/screens/shared/appointments/PatientPicker';
import { EditPatientScreen } from './EditPatientScreen';
import { PatientProfileScreen } from './PatientProfileScreen';
import { RegisterPatientScreen } from './RegisterPatientScreen';
import { sexLabel } from './patient-form';
import { TablePanel } from '@renderer/components/TablePanel';
import { type DataColumn, DataTable } from '@renderer/components/table/DataTable';
import type { Patient } from '@shared/domain/patient.schema';
import { birthLabel } from './patient-labels';
import { type ClinicFormat, useClinicFormat } from '@renderer/app/clinic-format';

/** Reception: find, register, view and edit patients (docs/product.md §2). Owns /patients/*. */
export function PatientsScreen() {
  return (
    <Routes>
      <Route index element={<PatientSearchScreen />} />
      <Route path="new" element={<RegisterPatientScreen />} />
      <Route path=":id" element={<PatientProfileScreen />} />
      <Route path=":id/edit" element={<EditPatientScreen />} />
    </Routes>
  );
}

function PatientSearchScreen() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const format = useClinicFormat();
  const [text, setText] = useState(params.get('q') ?? '');
  const debounced = useDebounced(text.trim(), 250);
  useEffect(() => {
    if (debounced !== (params.get('q') ?? ''))
      setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced]);
  const results = useApiQuery(
    'patients.search',
    { text: debounced, limit: 50 },
    { enabled: debounced.length >= 1 },
  );
  const columns = useMemo((): DataColumn<Patient>[] => patientColumns(format), [format]);

  return (
    <>
      <ScreenHeader
        title="Patients"
        description="Search by name, phone or patient code."
        actions={
          <Button asChild>
            <RouterLink to="/patients/new">
              <PlusIcon /> Register a patient
            </RouterLink>
          </Button>
        }
      />
      <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="3" mb="4">
        <Field.Root>
          <Field.Label srOnly>Search patients</Field.Label>
          <InputGroup startElement={<SearchIcon boxSize="4" color="fg.muted" />} width="full">
            <Input
              data-shortcut="search"
              type="search"
              autoFocus
              placeholder="Name, phone or code, e.g. PAT000012  ( / )"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                const first = results.data?.[0];
                if (e.key === 'Enter' && first) void navigate(`/patients/${first.id}`);
              }}
              aria-label="Search patients by name, phone or code"
            />
          </InputGroup>
        </Field.Root>
      </Box>
      {debounced.length === 0 ? (
        <EmptyState
          title="Find a patient"
          description="Type the first letters of any part of the name, a phone number or a patient code."
        />
      ) : results.isLoading ? (
        <LoadingState label="Searching…" />
      ) : results.error ? (
        <ErrorMessage error={results.error} />
      ) : results.data?.length === 0 ? (
        <EmptyState
          title={`No patient matches “${debounced}”`}
          description="Check the spelling, or register the patient."
          action={
            <Button asChild variant="outline">
              <RouterLink to={`/patients/new?name=${encodeURIComponent(debounced)}`}>
                Register a patient
              </RouterLink>
            </Button>
          }
        />
      ) : (
        <TablePanel label="Patients found">
          <DataTable
            label="Patients found"
            bare
            rows={results.data ?? NO_PATIENTS}
            columns={columns}
            rowKey={(p) => p.id}
            onOpen={(p) => void navigate(`/patients/${p.id}`)}
            rowAttributes={() => ({ 'data-testid': 'patient-row' })}
          />
          <Text px="3" py="2" fontSize="sm" color="fg.muted">
            {results.data?.length === 50
              ? 'Showing the first 50 matches; type more to narrow.'
              : `${results.data?.length ?? 0} found`}
          </Text>
        </TablePanel>
      )}
    </>
  );
}

const NO_PATIENTS: Patient[] = [];

function patientColumns(format: ClinicFormat): DataColumn<Patient>[] {
  return [
    {
      id: 'code',
      header: 'Code',
      sortBy: (p) => p.code,
      cellProps: { fontFamily: 'mono' },
      cell: (p) => p.code,
    },
    {
      id: 'name',
      header: 'Name',
      sortBy: (p) => p.fullName,
      cell: (p) => (
        <Link asChild color="teal.fg" fontWeight="medium">
          <RouterLink to={`/patients/${p.id}`} tabIndex={-1} onClick={(e) => e.stopPropagation()}>
            {p.fullName}
          </RouterLink>
        </Link>
      ),
    },
    { id: 'phone', header: 'Phone', sortBy: (p) => p.phone, cell: (p) => p.phone ?? '—' },
    {
      id: 'birth',
      header: 'Date of birth (age)',
      sortBy: (p) => p.dateOfBirth,
      cell: (p) => birthLabel(p, format),
    },
    { id: 'sex', header: 'Sex', sortBy: (p) => sexLabel(p.sex), cell: (p) => sexLabel(p.sex) },
  ];
}
