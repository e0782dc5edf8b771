import { Input, InputGroup, NativeSelect, Switch } from '@chakra-ui/react';
import { Controller, type FieldError, type Path, type UseFormReturn } from 'react-hook-form';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { FormField } from '@renderer/components/FormField';
import { ReminderInput } from './ReminderInput';
import type { SettingsField } from './settings-groups';

function errorAt(form: UseFormReturn<ClinicSettings>, path: string): FieldError | undefined {
  let node: unknown = form.formState.errors;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node as FieldError | undefined;
}

/** One settings input, chosen by the field's kind in the schema. */
export function SettingsInput({
  field,
  form,
}: {
  field: SettingsField;
  form: UseFormReturn<ClinicSettings>;
}) {
  const path = field.path as Path<ClinicSettings>;
  const error = errorAt(form, field.path);
  if (field.kind === 'reminder')
    return <ReminderInput form={form} label={field.label} helper={field.helper} />;
  if (field.kind === 'boolean') {
    return (
      <Controller
        control={form.control}
        name={path}
        render={({ field: f }) => (
          <FormField label={field.label} error={error} {...(field.helper ? { helper: field.helper } : {})}>
            <Switch.Root
              checked={f.value === true}
              onCheckedChange={(e) => f.onChange(e.checked)}
              colorPalette="teal"
            >
              <Switch.HiddenInput onBlur={f.onBlur} name={f.name} aria-label={field.label} />
              <Switch.Control />
              <Switch.Label>{f.value === true ? 'On' : 'Off'}</Switch.Label>
            </Switch.Root>
          </FormField>
        )}
      />
    );
  }
  if (field.kind === 'choice') {
    return (
      <FormField label={field.label} error={error} {...(field.helper ? { helper: field.helper } : {})}>
        <NativeSelect.Root>
          <NativeSelect.Field {...form.register(path)}>
            {Object.entries(field.choices ?? {}).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </FormField>
    );
  }
  const input =
    field.kind === 'number' ? (
      <Input type="number" inputMode="numeric" {...form.register(path, { valueAsNumber: true })} />
    ) : (
      <Input
        {...form.register(path, field.nullable ? { setValueAs: (v: string) => (v?.trim() ? v : null) } : {})}
      />
    );
  return (
    <FormField label={field.label} error={error} {...(field.helper ? { helper: field.helper } : {})}>
      {field.unit ? <InputGroup endAddon={field.unit}>{input}</InputGroup> : input}
    </FormField>
  );
}
