import { Badge, HStack, Input, SimpleGrid, type SimpleGridProps, Stack, Text } from '@chakra-ui/react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import type { Vitals } from '@shared/domain/consultation.schema';
import {
  type FlagField,
  type TemperatureUnit,
  type VitalFlag,
  vitalFlags,
} from '@shared/rules/vitals-ranges';
import { FormField } from '@renderer/components/FormField';
import { formFlags, type VitalKey, vitalFields, type VitalsForm, vitalsSummary } from './vitals-form';

/** Abnormal readings as badges: orange, red when urgent. */
export function VitalFlagBadges({ flags }: { flags: VitalFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <HStack as="span" gap="1" display="inline-flex" flexWrap="wrap" verticalAlign="middle">
      {flags.map((f) => (
        <Badge
          key={f.field}
          colorPalette={f.level === 'urgent' ? 'red' : 'orange'}
          variant={f.level === 'urgent' ? 'solid' : 'subtle'}
          data-testid="vital-flag"
        >
          {f.label}
        </Badge>
      ))}
    </HStack>
  );
}

/** Recorded readings on one line in the clinic's unit, their abnormal ones flagged beside them. */
export function VitalsReadings({ vitals, unit }: { vitals: Vitals; unit: TemperatureUnit }) {
  const summary = vitalsSummary(vitals, unit);
  if (!summary) return <>—</>;
  return (
    <>
      <Text as="span" fontSize="sm" me="2">
        {summary}
      </Text>
      <VitalFlagBadges flags={vitalFlags(vitals)} />
    </>
  );
}

/** Which box a flag stands beside (blood pressure: the systolic). */
const FLAG_BOX: Record<FlagField, VitalKey> = {
  bp: 'systolic',
  pulse: 'pulse',
  temperatureC: 'temperatureC',
  spo2: 'spo2',
};

/**
 * The six reading boxes (temperature in the clinic's unit), each abnormal reading flagged
 * beneath its box as it is typed. Used by the nurse's dialog and the doctor's workspace.
 */
export function VitalsInputs({
  register,
  errors,
  values,
  unit,
  size,
  columns,
}: {
  register: (key: VitalKey) => UseFormRegisterReturn;
  errors: Partial<Record<VitalKey, FieldError>> | undefined;
  values: VitalsForm;
  unit: TemperatureUnit;
  size?: 'sm' | 'md';
  columns: SimpleGridProps['columns'];
}) {
  const flags = formFlags(values, unit);
  return (
    <SimpleGrid columns={columns} gap="3">
      {vitalFields(unit).map((v) => (
        <Stack key={v.key} gap="1">
          <FormField label={`${v.label} (${v.unit})`} error={errors?.[v.key]}>
            <Input size={size ?? 'md'} inputMode="decimal" {...register(v.key)} />
          </FormField>
          <VitalFlagBadges flags={flags.filter((f) => FLAG_BOX[f.field] === v.key)} />
        </Stack>
      ))}
    </SimpleGrid>
  );
}
