import { DatePicker, Field, IconButton, Input, InputGroup, parseDate } from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { checkDateBounds, dateLayout, formatDateEntry, readDateEntry } from '@renderer/app/date-entry';
import { CalendarIcon } from './icons';

export interface DateFieldProps {
  /** Names the field in its refusals: "Date of birth: type the date as dd/mm/yyyy…". */
  label: string;
  /** yyyy-mm-dd, '' for none; a form may hold back text that is not a date (then shown as typed). */
  value: string;
  /** Called as the text changes: the date (yyyy-mm-dd), '' when cleared, else the text as typed. */
  onChange: (value: string, valid: boolean) => void;
  onBlur?: () => void;
  min?: string | undefined;
  max?: string | undefined;
  /** A refusal from elsewhere (the form's schema, the hub); one of our own reads better first. */
  error?: string | undefined;
  helper?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  size?: 'sm' | 'md';
  /** Hides the label visually (a table cell); it still names the field. */
  labelHidden?: boolean;
  /** Label beside the field (a toolbar). */
  horizontal?: boolean;
}

/**
 * The one date entry of the app (docs/architecture.md: dates): typed in the clinic's numeric
 * format (settings.locale, e.g. dd/mm/yyyy) or picked from Chakra's calendar, never the
 * browser's native date input, which follows the browser's language instead of the clinic's.
 */
export function DateField(props: DateFieldProps) {
  const { label, value, onChange, min, max, size = 'md' } = props;
  const format = useClinicFormat();
  const { locale } = format;
  const isIso = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const [text, setText] = useState(() => (isIso ? formatDateEntry(value, locale) : value));
  const [touched, setTouched] = useState(false);

  const read = (typed: string) => checkDateBounds(readDateEntry(typed, locale), locale, { min, max });
  // A value set from outside (a reset, another control, the calendar) shows in the clinic's format.
  useEffect(() => {
    const entry = readDateEntry(text, locale);
    const shown = entry.kind === 'date' ? entry.iso : entry.kind === 'empty' ? '' : text;
    if (shown === value) return;
    setText(isIso ? formatDateEntry(value, locale) : value); // only on a change of value or locale
  }, [value, locale]);

  const entry = read(text);
  const ownError =
    entry.kind === 'invalid' && (touched || !!props.error) ? `${label}: ${entry.problem}` : null;
  const error = ownError ?? props.error;

  const change = (typed: string) => {
    setText(typed);
    const next = read(typed);
    if (next.kind === 'date') onChange(next.iso, true);
    else if (next.kind === 'empty') onChange('', true);
    else onChange(typed.trim(), false);
  };

  return (
    <Field.Root
      invalid={!!error}
      required={props.required ?? false}
      disabled={props.disabled ?? false}
      {...(props.horizontal ? { orientation: 'horizontal', gap: '2', width: 'auto' } : {})}
    >
      <Field.Label srOnly={props.labelHidden ?? false} whiteSpace="nowrap">
        {label}
        {props.required && <Field.RequiredIndicator />}
      </Field.Label>
      <DatePicker.Root
        width={props.horizontal ? '11rem' : 'full'}
        size={size}
        locale={locale}
        timeZone={format.timeZone}
        value={isIso ? [parseDate(value)] : []}
        min={min ? parseDate(min) : undefined}
        max={max ? parseDate(max) : undefined}
        positioning={{ strategy: 'fixed', placement: 'bottom-start' }}
        lazyMount
        unmountOnExit
        onValueChange={(details) => {
          const picked = details.value[0];
          if (!picked) return;
          setTouched(true);
          change(formatDateEntry(picked.toString(), locale));
        }}
      >
        <DatePicker.Control>
          <InputGroup
            endElement={
              <DatePicker.Trigger asChild>
                <IconButton variant="ghost" size="xs">
                  <CalendarIcon />
                </IconButton>
              </DatePicker.Trigger>
            }
          >
            <Input
              size={size}
              inputMode="numeric"
              autoComplete="off"
              placeholder={dateLayout(locale).pattern}
              value={text}
              onChange={(e) => change(e.target.value)}
              onBlur={() => {
                setTouched(true);
                if (entry.kind === 'date') setText(formatDateEntry(entry.iso, locale)); // 7-12-2026 → 07/12/2026
                props.onBlur?.();
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') setTouched(true);
              }}
            />
          </InputGroup>
        </DatePicker.Control>
        {/* Not portalled: inside a dialog the calendar stays within its focus trap. */}
        <DatePicker.Positioner>
          <DatePicker.Content>
            <DatePicker.View view="day">
              <DatePicker.Header />
              <DatePicker.DayTable />
            </DatePicker.View>
            <DatePicker.View view="month">
              <DatePicker.Header />
              <DatePicker.MonthTable />
            </DatePicker.View>
            <DatePicker.View view="year">
              <DatePicker.Header />
              <DatePicker.YearTable />
            </DatePicker.View>
          </DatePicker.Content>
        </DatePicker.Positioner>
      </DatePicker.Root>
      {props.helper && !error && <Field.HelperText>{props.helper}</Field.HelperText>}
      {error && <Field.ErrorText>{error}</Field.ErrorText>}
    </Field.Root>
  );
}
