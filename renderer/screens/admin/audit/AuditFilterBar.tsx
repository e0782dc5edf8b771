import { Box, Button, Field, Input, NativeSelect, SimpleGrid } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';
import { PatientPicker } from '@renderer/screens/shared/appointments/PatientPicker';
import { usePatients } from '@renderer/screens/shared/appointments/use-people';
import type { AuditFilters } from './audit-filters';
import { NO_FILTERS } from './audit-filters';
import { DateField } from '@renderer/components/DateField';

export function AuditFilterBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (patch: Partial<AuditFilters>) => void;
}) {
  const users = useApiQuery('users.list', {}, { staleTime: 60_000 });
  const staff = (users.data ?? [])
    .filter((u) => u.role !== 'patient')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const patients = usePatients(filters.patientId ? [filters.patientId] : []);
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="3" mb="4">
      <SimpleGrid columns={{ base: 2, lg: 6 }} gap="3" alignItems="end">
        <DateField
          label="From"
          size="sm"
          value={filters.fromDate}
          onChange={(value, valid) => valid && onChange({ fromDate: value })}
        />
        <DateField
          label="To"
          size="sm"
          value={filters.toDate}
          onChange={(value, valid) => valid && onChange({ toDate: value })}
        />
        <Field.Root>
          <Field.Label>User</Field.Label>
          <NativeSelect.Root size="sm">
            <NativeSelect.Field value={filters.userId} onChange={(e) => onChange({ userId: e.target.value })}>
              <option value="">Everyone</option>
              {staff.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.username})
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <PatientPicker
          patient={filters.patientId ? (patients.get(filters.patientId) ?? null) : null}
          onChange={(patientId) => onChange({ patientId })}
        />
        <Field.Root>
          <Field.Label>Action</Field.Label>
          <Input
            size="sm"
            type="search"
            data-shortcut="search"
            placeholder="e.g. signed in, booked"
            value={filters.action}
            onChange={(e) => onChange({ action: e.target.value })}
          />
        </Field.Root>
        <Button size="sm" variant="ghost" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </Button>
      </SimpleGrid>
    </Box>
  );
}
