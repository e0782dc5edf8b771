import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  HStack,
  IconButton,
  Input,
  NativeSelect,
  Text,
} from '@chakra-ui/react';
import {
  type Control,
  type FieldErrors,
  useFieldArray,
  type UseFormRegister,
  useWatch,
} from 'react-hook-form';
import type { Formulary } from '@shared/formulary/formulary';
import { useShortcut } from '@renderer/app/shortcuts/ShortcutProvider';
import { PlusIcon } from '@renderer/components/icons';
import type { AllergyWarningView } from './AllergyWarnings';
import { type ConsultationForm, emptyMedicine, medicineRow, TIMING_LABELS } from './consultation-form';
import { MedicineInput } from './MedicineInput';
import { PrescriptionTemplates } from './PrescriptionTemplates';
import { useFormulary } from './use-formulary';

/**
 * Any number of medicines (docs/product.md §8): medicine (type-ahead from the formulary), strength, dose
 * pattern (1-0-1), timing, duration, instructions. A new row is empty; templates and favourites
 * fill rows on purpose. Rows are added (Alt+M, focusing the new row), removed and moved with
 * buttons, so the whole builder works from the keyboard.
 */
export function PrescriptionBuilder({
  control,
  register,
  errors,
  warnings,
  readOnly,
}: {
  control: Control<ConsultationForm>;
  register: UseFormRegister<ConsultationForm>;
  errors: FieldErrors<ConsultationForm>['prescription'];
  warnings: AllergyWarningView[];
  readOnly: boolean;
}) {
  const { fields, append, remove, move, replace } = useFieldArray({ control, name: 'prescription' });
  const formulary = useFormulary();
  const rows = useWatch({ control, name: 'prescription' });
  useShortcut('alt+m', () => !readOnly && append(emptyMedicine()), {
    description: 'Add a medicine to the prescription',
    group: 'Consultation',
  });

  return (
    <Box>
      <PrescriptionTemplates
        control={control}
        readOnly={readOnly}
        onApply={(items) =>
          replace([...rows.filter((r) => r.medicine.trim() !== ''), ...items.map(medicineRow)])
        }
      />
      {fields.length === 0 && (
        <Text color="fg.muted" mb="3">
          No medicines prescribed.
        </Text>
      )}
      {fields.map((field, index) => {
        const e = errors?.[index];
        const rowWarnings = warnings.filter((w) => w.itemIndex === index);
        return (
          <Box
            key={field.id}
            role="group"
            aria-label={`Medicine ${index + 1}`}
            data-testid="prescription-row"
            borderWidth="1px"
            borderColor={rowWarnings.length > 0 ? 'border.error' : 'border'}
            borderRadius="md"
            p="3"
            mb="3"
          >
            <Grid
              templateColumns={{ base: 'repeat(2, minmax(0, 1fr))', lg: '2fr 1fr 1fr 1.3fr 0.8fr' }}
              gap="2"
            >
              <Field.Root invalid={!!e?.medicine} required>
                <Field.Label fontSize="xs">Medicine</Field.Label>
                <MedicineInput
                  control={control}
                  index={index}
                  formulary={formulary}
                  invalid={!!e?.medicine}
                />
                <Field.ErrorText>{e?.medicine?.message}</Field.ErrorText>
                <FormularyNote formulary={formulary} medicine={rows[index]?.medicine ?? ''} />
              </Field.Root>
              <Field.Root invalid={!!e?.strength}>
                <Field.Label fontSize="xs">Strength</Field.Label>
                <Input size="sm" placeholder="500 mg" {...register(`prescription.${index}.strength`)} />
                <Field.ErrorText>{e?.strength?.message}</Field.ErrorText>
              </Field.Root>
              <Field.Root invalid={!!e?.dosePattern} required>
                <Field.Label fontSize="xs">Dose pattern</Field.Label>
                <Input size="sm" placeholder="1-0-1" {...register(`prescription.${index}.dosePattern`)} />
                <Field.ErrorText>{e?.dosePattern?.message}</Field.ErrorText>
              </Field.Root>
              <Field.Root invalid={!!e?.timing} required>
                <Field.Label fontSize="xs">Timing</Field.Label>
                <NativeSelect.Root size="sm">
                  <NativeSelect.Field {...register(`prescription.${index}.timing`)}>
                    <option value="">Choose…</option>
                    {Object.entries(TIMING_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </NativeSelect.Field>
                  <NativeSelect.Indicator />
                </NativeSelect.Root>
                <Field.ErrorText>{e?.timing?.message}</Field.ErrorText>
              </Field.Root>
              <Field.Root invalid={!!e?.durationDays} required>
                <Field.Label fontSize="xs">Days</Field.Label>
                <Input size="sm" inputMode="numeric" {...register(`prescription.${index}.durationDays`)} />
                <Field.ErrorText>{e?.durationDays?.message}</Field.ErrorText>
              </Field.Root>
            </Grid>
            <Flex gap="2" mt="2" align="end">
              <Field.Root flex="1" invalid={!!e?.instructions}>
                <Field.Label fontSize="xs">Instructions</Field.Label>
                <Input
                  size="sm"
                  placeholder="e.g. stop if rash appears"
                  {...register(`prescription.${index}.instructions`)}
                />
              </Field.Root>
              <HStack gap="1">
                <IconButton
                  size="sm"
                  variant="ghost"
                  aria-label={`Move medicine ${index + 1} up`}
                  disabled={readOnly || index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  ↑
                </IconButton>
                <IconButton
                  size="sm"
                  variant="ghost"
                  aria-label={`Move medicine ${index + 1} down`}
                  disabled={readOnly || index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  ↓
                </IconButton>
                <Button
                  size="sm"
                  variant="ghost"
                  colorPalette="red"
                  disabled={readOnly}
                  onClick={() => remove(index)}
                  aria-label={`Remove medicine ${index + 1}`}
                >
                  Remove
                </Button>
              </HStack>
            </Flex>
            {rowWarnings.map((w) => (
              <Text key={w.allergy} color="fg.error" fontWeight="semibold" fontSize="sm" mt="2" role="alert">
                Allergy: the patient is allergic to {w.allergy}
                {w.reason ? ` (${w.reason})` : ''}.
              </Text>
            ))}
          </Box>
        );
      })}
      <Button size="sm" variant="outline" disabled={readOnly} onClick={() => append(emptyMedicine())}>
        <PlusIcon /> Add medicine
        <Text as="span" color="fg.muted" fontSize="xs">
          (Alt+M)
        </Text>
      </Button>
    </Box>
  );
}

/** What the formulary knows of a row's medicine, or that its allergy check is by name only. */
function FormularyNote({ formulary, medicine }: { formulary: Formulary; medicine: string }) {
  if (!medicine.trim()) return null;
  const resolved = formulary.resolveMedicine(medicine);
  if (resolved.generics.length === 0) {
    return (
      <Text fontSize="xs" color="fg.warning" data-testid="unchecked-medicine">
        Unchecked: not in the formulary — allergy check by name only
      </Text>
    );
  }
  const classes = formulary.classesOf(resolved.generics).map((c) => formulary.className(c));
  return (
    <Text fontSize="xs" color="fg.muted">
      {resolved.generics.map((g) => formulary.genericName(g)).join(' + ')}
      {classes.length > 0 && ` · ${classes.join(', ')}`}
    </Text>
  );
}
