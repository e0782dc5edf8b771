import { Checkbox, Input } from '@chakra-ui/react';
import { FormField } from '@renderer/components/FormField';

/** "Whole day" for leave: unticked, the leave covers the From–Until window only. */
export function WholeDayCheckbox({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (wholeDay: boolean) => void;
}) {
  return (
    <Checkbox.Root checked={checked} onCheckedChange={(e) => onChange(e.checked === true)} pb="2">
      <Checkbox.HiddenInput />
      <Checkbox.Control />
      <Checkbox.Label>Whole day</Checkbox.Label>
    </Checkbox.Root>
  );
}

/** The From and Until times of part of a day (wall-clock, the clinic's zone). */
export function TimeWindowFields({
  start,
  end,
  onChange,
}: {
  start: string;
  end: string;
  onChange: (patch: { start?: string; end?: string }) => void;
}) {
  return (
    <>
      <FormField label="From">
        <Input size="sm" type="time" value={start} onChange={(e) => onChange({ start: e.target.value })} />
      </FormField>
      <FormField label="Until">
        <Input size="sm" type="time" value={end} onChange={(e) => onChange({ end: e.target.value })} />
      </FormField>
    </>
  );
}
