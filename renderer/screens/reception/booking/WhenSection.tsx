import { NativeSelect, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import { Controller, type UseFormReturn, useWatch } from 'react-hook-form';
import type { Doctor } from '@shared/domain/doctor.schema';
import { DateField } from '@renderer/components/DateField';
import { DoctorSelect } from '@renderer/components/DoctorSelect';
import { FormField } from '@renderer/components/FormField';
import type { BookingValues, ChosenSlot } from './booking-form';
import { SlotPicker } from './SlotPicker';

/** Step 1: doctor or specialization → date → a live free slot (fields of the Book screen's form). */
export function WhenSection({
  form,
  doctors,
  today,
  onChoose,
}: {
  form: UseFormReturn<BookingValues>;
  doctors: Doctor[];
  today: string;
  onChoose: (slot: ChosenSlot) => void;
}) {
  const { control, setValue } = form;
  const [specialization, doctorId, date, chosen] = useWatch({
    control,
    name: ['specialization', 'doctorId', 'date', 'slot'],
  });
  const specializations = [...new Set(doctors.map((d) => d.specialization))].sort();
  const inSpecialization = doctors.filter((d) => !specialization || d.specialization === specialization);
  const shown = doctorId ? doctors.filter((d) => d.id === doctorId) : specialization ? inSpecialization : [];
  return (
    <Stack gap="4">
      <SimpleGrid columns={{ base: 1, md: 3 }} gap="3">
        <FormField label="Specialization">
          <NativeSelect.Root>
            <NativeSelect.Field
              {...form.register('specialization', {
                onChange: (e: { target: { value: string } }) => {
                  const s = e.target.value;
                  if (s && !doctors.some((d) => d.id === doctorId && d.specialization === s)) {
                    setValue('doctorId', '');
                  }
                },
              })}
            >
              <option value="">Any specialization</option>
              {specializations.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </FormField>
        <FormField label="Doctor">
          <Controller
            control={control}
            name="doctorId"
            render={({ field }) => (
              <DoctorSelect
                doctors={inSpecialization}
                placeholder={specialization ? `Any ${specialization}` : 'Choose a doctor'}
                name={field.name}
                value={field.value}
                onChange={(e) => field.onChange(e.target.value)}
                onBlur={field.onBlur}
                data-shortcut="start"
              />
            )}
          />
        </FormField>
        <Controller
          control={control}
          name="date"
          render={({ field }) => (
            <DateField
              label="Date"
              min={today}
              value={field.value}
              onChange={(value, valid) => {
                if (!valid || !value) return;
                field.onChange(value);
                setValue('slot', null);
              }}
              onBlur={field.onBlur}
            />
          )}
        />
      </SimpleGrid>
      {shown.length === 0 ? (
        <Text color="fg.muted">Choose a doctor or a specialization to see the free slots.</Text>
      ) : (
        <Stack gap="4" aria-live="polite">
          {shown.map((d) => (
            <SlotPicker
              key={d.id}
              doctor={d}
              date={date}
              chosen={chosen}
              onChoose={onChoose}
              showName={!doctorId}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
