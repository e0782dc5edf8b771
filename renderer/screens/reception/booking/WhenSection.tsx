import { Field, NativeSelect, SimpleGrid, Stack, Text } from '@chakra-ui/react';
import type { Doctor } from '@shared/domain/doctor.schema';
import { DoctorSelect } from '@renderer/components/DoctorSelect';
import { type ChosenSlot, SlotPicker } from './SlotPicker';
import { DateField } from '@renderer/components/DateField';

/** Step 1: doctor or specialization → date → a live free slot. */
export function WhenSection({
  doctors,
  specialization,
  doctorId,
  date,
  today,
  chosen,
  onSpecialization,
  onDoctor,
  onDate,
  onChoose,
}: {
  doctors: Doctor[];
  specialization: string;
  doctorId: string;
  date: string;
  today: string;
  chosen: ChosenSlot | null;
  onSpecialization: (value: string) => void;
  onDoctor: (value: string) => void;
  onDate: (value: string) => void;
  onChoose: (slot: ChosenSlot) => void;
}) {
  const specializations = [...new Set(doctors.map((d) => d.specialization))].sort();
  const inSpecialization = doctors.filter((d) => !specialization || d.specialization === specialization);
  const shown = doctorId ? doctors.filter((d) => d.id === doctorId) : specialization ? inSpecialization : [];
  return (
    <Stack gap="4">
      <SimpleGrid columns={{ base: 1, md: 3 }} gap="3">
        <Field.Root>
          <Field.Label>Specialization</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field value={specialization} onChange={(e) => onSpecialization(e.target.value)}>
              <option value="">Any specialization</option>
              {specializations.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <Field.Root>
          <Field.Label>Doctor</Field.Label>
          <DoctorSelect
            doctors={inSpecialization}
            placeholder={specialization ? `Any ${specialization}` : 'Choose a doctor'}
            value={doctorId}
            onChange={(e) => onDoctor(e.target.value)}
            data-shortcut="start"
          />
        </Field.Root>
        <DateField
          label="Date"
          min={today}
          value={date}
          onChange={(value, valid) => valid && value && onDate(value)}
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
