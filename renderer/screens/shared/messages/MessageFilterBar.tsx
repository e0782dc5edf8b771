import { Box, Button, Field, Flex, NativeSelect, SimpleGrid, Text } from '@chakra-ui/react';
import type { Patient } from '@shared/domain/patient.schema';
import { PatientPicker } from '@renderer/screens/shared/appointments/PatientPicker';
import { CHANNEL_OPTIONS, KIND_OPTIONS, STATE_OPTIONS } from './message-labels';
import type { MessageFilterPatch, MessageFilters } from './message-filters';
import { DateField } from '@renderer/components/DateField';

function Choice({
  label,
  all,
  value,
  options,
  onChange,
}: {
  label: string;
  all: string;
  value: string | null;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | null) => void;
}) {
  return (
    <Field.Root>
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root size="sm">
        <NativeSelect.Field value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{all}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
    </Field.Root>
  );
}

/** Kind, channel, state, the dates the messages were made, and one patient. */
export function MessageFilterBar({
  filters,
  onChange,
  patient,
  today,
}: {
  filters: MessageFilters;
  onChange: (patch: MessageFilterPatch) => void;
  patient: Patient | null | undefined;
  today: string;
}) {
  const any = filters.kind || filters.channel || filters.state || filters.fromDate || filters.toDate;
  return (
    <Box bg="bg.panel" borderWidth="1px" borderRadius="lg" p="3" mb="4">
      <Flex gap="2" mb="3" align="center" wrap="wrap">
        <Text color="fg.muted" fontSize="sm" flex="1">
          Dates are when the message was made (a reminder is made with its booking).
        </Text>
        <Button size="sm" variant="outline" onClick={() => onChange({ fromDate: today, toDate: today })}>
          Today
        </Button>
        <Button size="sm" variant="outline" onClick={() => onChange({ fromDate: null, toDate: null })}>
          All dates
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={!any && !filters.patientId}
          onClick={() =>
            onChange({
              kind: null,
              channel: null,
              state: null,
              fromDate: null,
              toDate: null,
              patientId: null,
            })
          }
        >
          Reset filters
        </Button>
      </Flex>
      <SimpleGrid columns={{ base: 2, lg: 6 }} gap="3" alignItems="end">
        <Choice
          label="Kind"
          all="All kinds"
          value={filters.kind}
          options={KIND_OPTIONS}
          onChange={(v) => onChange({ kind: v as MessageFilterPatch['kind'] })}
        />
        <Choice
          label="Channel"
          all="All channels"
          value={filters.channel}
          options={CHANNEL_OPTIONS}
          onChange={(v) => onChange({ channel: v as MessageFilterPatch['channel'] })}
        />
        <Choice
          label="State"
          all="All states"
          value={filters.state}
          options={STATE_OPTIONS}
          onChange={(v) => onChange({ state: v as MessageFilterPatch['state'] })}
        />
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
