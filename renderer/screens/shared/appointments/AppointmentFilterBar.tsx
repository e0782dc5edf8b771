import { Box, Button, Field, Flex, Input, InputGroup, NativeSelect, SimpleGrid } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import type { Doctor } from '@shared/domain/doctor.schema';
import type { Patient } from '@shared/domain/patient.schema';
import { SearchIcon } from '@renderer/components/icons';
import { DoctorSelect } from '@renderer/components/DoctorSelect';
import { STATUS_OPTIONS } from './appointment-labels';
import type { AppointmentFilters, FilterPatch } from './appointment-filters';
import { PatientPicker, useDebounced } from './PatientPicker';
import { DateField } from '@renderer/components/DateField';

export function AppointmentFilterBar({
  filters,
  onChange,
  doctors,
  patient,
  today,
}: {
  filters: AppointmentFilters;
  onChange: (patch: FilterPatch) => void;
  doctors: Doctor[];
  patient: Patient | null | undefined;
  today: string;
}) {
  const [text, setText] = useState(filters.text);
  const debounced = useDebounced(text, 300);
  useEffect(() => {
    if (debounced.trim() !== filters.text) onChange({ text: debounced.trim() });
    // Only the typed text drives this (the filters follow it, not the other way round).
  }, [debounced]);

  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="3" mb="4">
      <Flex gap="2" mb="3" align="center">
        <Field.Root flex="1">
          <Field.Label srOnly>Search appointments</Field.Label>
          <InputGroup startElement={<SearchIcon boxSize="4" color="fg.muted" />} width="full">
            <Input
              data-shortcut="search"
              type="search"
              placeholder="Search by appointment number, id or patient name  ( / )"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-label="Search appointments by number, id or patient name"
            />
          </InputGroup>
        </Field.Root>

        <Button size="sm" variant="outline" onClick={() => onChange({ fromDate: today, toDate: today })}>
          Today
        </Button>
        <Button size="sm" variant="outline" onClick={() => onChange({ fromDate: null, toDate: null })}>
          All dates
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setText('');
            onChange({
              status: null,
              doctorId: null,
              patientId: null,
              text: '',
              fromDate: today,
              toDate: today,
            });
          }}
        >
          Reset filters
        </Button>
      </Flex>
      <SimpleGrid columns={{ base: 2, lg: 5 }} gap="3" alignItems="end">
        <Field.Root>
          <Field.Label>Status</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field
              value={filters.status ?? ''}
              onChange={(e) => onChange({ status: (e.target.value || null) as FilterPatch['status'] })}
            >
              <option value="">All statuses</option>
              {STATUS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <Field.Root>
          <Field.Label>Doctor</Field.Label>
          <DoctorSelect
            size="sm"
            doctors={doctors}
            placeholder="All doctors"
            value={filters.doctorId ?? ''}
            onChange={(e) => onChange({ doctorId: e.target.value || null })}
          />
        </Field.Root>
        <DateField
          label="From"
          size="sm"
          value={filters.fromDate ?? ''}
          onChange={(value, valid) => valid && onChange({ fromDate: value || null })}
        />
        <DateField
          label="To"
          size="sm"
          value={filters.toDate ?? ''}
          onChange={(value, valid) => valid && onChange({ toDate: value || null })}
        />
        <PatientPicker patient={patient} onChange={(patientId) => onChange({ patientId })} />
      </SimpleGrid>
    </Box>
  );
}
