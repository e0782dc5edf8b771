import { NativeSelect } from '@chakra-ui/react';
import type { Doctor } from '@shared/domain/doctor.schema';

/**
 * A select of doctors ("Name — Specialization", value = id), with an optional first option of
 * value "" (e.g. "All doctors"). Other props go to the select element (value/onChange or a
 * react-hook-form `register(...)`).
 */
export function DoctorSelect({
  doctors,
  placeholder,
  size,
  ...field
}: {
  doctors: readonly Doctor[];
  placeholder?: string;
  size?: 'sm' | 'md';
} & NativeSelect.FieldProps) {
  return (
    <NativeSelect.Root {...(size ? { size } : {})}>
      <NativeSelect.Field {...field}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {doctors.map((d) => (
          <option key={d.id} value={d.id}>
            {d.fullName} — {d.specialization}
          </option>
        ))}
      </NativeSelect.Field>
      <NativeSelect.Indicator />
    </NativeSelect.Root>
  );
}
