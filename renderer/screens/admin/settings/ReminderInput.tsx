import { Field, HStack, Input, RadioGroup, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { Controller, type FieldError, type UseFormReturn } from 'react-hook-form';
import type { ClinicSettings, ReminderRule } from '@shared/domain/settings.schema';

/**
 * The reminder rule: at a clinic time on the day before, or a number of hours before the start.
 * The value of the rule not chosen is remembered while the form is open.
 */
export function ReminderInput({
  form,
  label,
  helper,
}: {
  form: UseFormReturn<ClinicSettings>;
  label: string;
  helper?: string | undefined;
}) {
  const current = form.getValues('reminder');
  const [at, setAt] = useState(current.rule === 'dayBefore' ? current.at : '18:00');
  const [hours, setHours] = useState(current.rule === 'hoursBefore' ? current.hours : 3);
  const errors = form.formState.errors.reminder as
    (FieldError & { at?: FieldError; hours?: FieldError }) | undefined;
  const problem = errors?.at?.message ?? errors?.hours?.message ?? errors?.message;

  return (
    <Controller
      control={form.control}
      name="reminder"
      render={({ field }) => {
        const value = field.value;
        const choose = (rule: ReminderRule['rule']) =>
          field.onChange(rule === 'dayBefore' ? { rule, at } : { rule, hours });
        return (
          <Field.Root invalid={!!problem}>
            <Field.Label id="reminder-label">{label}</Field.Label>
            <RadioGroup.Root
              value={value.rule}
              onValueChange={(e) => choose(e.value as ReminderRule['rule'])}
              aria-labelledby="reminder-label"
            >
              <Stack gap="2">
                <HStack gap="2">
                  <RadioGroup.Item value="dayBefore">
                    <RadioGroup.ItemHiddenInput onBlur={field.onBlur} />
                    <RadioGroup.ItemIndicator />
                    <RadioGroup.ItemText>The day before at</RadioGroup.ItemText>
                  </RadioGroup.Item>
                  <Input
                    type="time"
                    width="8rem"
                    size="sm"
                    aria-label="Reminder time on the day before"
                    value={at}
                    disabled={value.rule !== 'dayBefore'}
                    onChange={(e) => {
                      setAt(e.target.value);
                      field.onChange({ rule: 'dayBefore', at: e.target.value });
                    }}
                  />
                </HStack>
                <HStack gap="2">
                  <RadioGroup.Item value="hoursBefore">
                    <RadioGroup.ItemHiddenInput onBlur={field.onBlur} />
                    <RadioGroup.ItemIndicator />
                    <RadioGroup.ItemText>A number of hours before</RadioGroup.ItemText>
                  </RadioGroup.Item>
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={72}
                    width="5rem"
                    size="sm"
                    aria-label="Hours before the appointment"
                    value={Number.isNaN(hours) ? '' : hours}
                    disabled={value.rule !== 'hoursBefore'}
                    onChange={(e) => {
                      const next = e.target.valueAsNumber;
                      setHours(next);
                      field.onChange({ rule: 'hoursBefore', hours: next });
                    }}
                  />
                  <Text fontSize="sm" color="fg.muted">
                    hours
                  </Text>
                </HStack>
              </Stack>
            </RadioGroup.Root>
            {helper && !problem && <Field.HelperText>{helper}</Field.HelperText>}
            {problem && <Field.ErrorText>{problem}</Field.ErrorText>}
          </Field.Root>
        );
      }}
    />
  );
}
