import { NativeSelect } from '@chakra-ui/react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import type { Doctor } from '@shared/domain/doctor.schema';
import { FormField } from '@renderer/components/FormField';
import { DoctorSelect } from '@renderer/components/DoctorSelect';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from './user-labels';

/** The Role select and, for a doctor, the doctor profile the account signs in as. */
export function RoleFields({
  role,
  roleField,
  doctorField,
  doctors,
  errors,
}: {
  role: StaffRole;
  roleField: UseFormRegisterReturn;
  doctorField: UseFormRegisterReturn;
  /** The doctor profiles this account may be linked to. */
  doctors: readonly Doctor[];
  errors: { role?: FieldError | undefined; doctorId?: FieldError | undefined };
}) {
  return (
    <>
      <FormField label="Role" error={errors.role} required>
        <NativeSelect.Root>
          <NativeSelect.Field {...roleField}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </FormField>
      {role === 'doctor' && (
        <FormField label="Doctor profile" error={errors.doctorId} required>
          <DoctorSelect doctors={doctors} placeholder="Choose a doctor…" {...doctorField} />
        </FormField>
      )}
    </>
  );
}
