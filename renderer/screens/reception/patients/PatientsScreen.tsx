import { Box, Button, Field, Input, InputGroup, Link, Table, Text } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
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
import { birthLabel } from './patient-labels';
import { useClinicFormat } from '@renderer/app/clinic-format';

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
          <Table.Root size="sm" interactive aria-label="Patients found">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader>Code</Table.ColumnHeader>
                <Table.ColumnHeader>Name</Table.ColumnHeader>
                <Table.ColumnHeader>Phone</Table.ColumnHeader>
                <Table.ColumnHeader>Date of birth (age)</Table.ColumnHeader>
                <Table.ColumnHeader>Sex</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {results.data?.map((p) => (
                <Table.Row
                  key={p.id}
                  data-testid="patient-row"
                  cursor="pointer"
                  onClick={() => void navigate(`/patients/${p.id}`)}
                >
                  <Table.Cell fontFamily="mono">{p.code}</Table.Cell>
                  <Table.Cell>
                    <Link asChild color="teal.fg" fontWeight="medium">
                      <RouterLink to={`/patients/${p.id}`} onClick={(e) => e.stopPropagation()}>
                        {p.fullName}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{p.phone ?? '—'}</Table.Cell>
                  <Table.Cell>{birthLabel(p, format)}</Table.Cell>
                  <Table.Cell>{sexLabel(p.sex)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
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
