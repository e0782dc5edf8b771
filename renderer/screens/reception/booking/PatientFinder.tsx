import { Box, Field, HStack, Input, Text } from '@chakra-ui/react';
import { useEffect, useId, useState } from 'react';
import type { Patient } from '@shared/domain/patient.schema';
import { useApiQuery } from '@renderer/api/hooks';
import { useDebounced } from '@renderer/screens/shared/appointments/PatientPicker';
import { birthLabel } from '@renderer/screens/reception/patients/patient-labels';
import { useClinicFormat } from '@renderer/app/clinic-format';

/**
 * Finds a patient by name, phone or code (patients.search) in a combobox: ↓/↑ move through the
 * results, Enter picks, Escape clears. `onNoMatch` offers quick registration with the typed text.
 */
export function PatientFinder({
  onPick,
  text,
  onTextChange,
}: {
  onPick: (patient: Patient) => void;
  text: string;
  onTextChange: (text: string) => void;
}) {
  const id = useId();
  const format = useClinicFormat();
  const debounced = useDebounced(text.trim(), 200);
  const [active, setActive] = useState(0);
  const results = useApiQuery(
    'patients.search',
    { text: debounced, limit: 8 },
    { enabled: debounced.length >= 1 },
  );
  const list = debounced.length >= 1 ? (results.data ?? []) : [];
  useEffect(() => setActive(0), [debounced]);
  const open = text.trim().length >= 1 && debounced.length >= 1;
  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <Box position="relative">
      <Field.Root>
        <Field.Label htmlFor={id}>Find patient</Field.Label>
        <Input
          id={id}
          data-shortcut="search"
          type="search"
          placeholder="Name, phone or code  ( / )"
          autoComplete="off"
          value={text}
          onChange={(e) => onTextChange(e.target.value)}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={open && list.length > 0 ? optionId(active) : undefined}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((i) => Math.min(i + 1, list.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const chosen = list[active];
              if (chosen) onPick(chosen);
            } else if (e.key === 'Escape') {
              onTextChange('');
            }
          }}
        />
      </Field.Root>
      <Box
        id={`${id}-listbox`}
        role="listbox"
        aria-label="Matching patients"
        hidden={!open}
        mt="1"
        bg="bg.panel"
        borderWidth="1px"
        borderRadius="md"
        p="1"
      >
        {open && results.isLoading && (
          <Text p="2" color="fg.muted" fontSize="sm">
            Searching…
          </Text>
        )}
        {open && !results.isLoading && list.length === 0 && (
          <Text p="2" color="fg.muted" fontSize="sm">
            No patient matches “{debounced}”: register them below.
          </Text>
        )}
        {list.map((p, i) => (
          <HStack
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            data-testid="patient-option"
            justify="space-between"
            px="2"
            py="1.5"
            borderRadius="sm"
            cursor="pointer"
            bg={i === active ? 'teal.subtle' : undefined}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(p)}
          >
            <Text fontWeight="medium" truncate>
              {p.fullName}
            </Text>
            <Text fontSize="xs" color="fg.muted" flexShrink="0">
              {p.code}
              {p.phone ? ` · ${p.phone}` : ''}
              {p.dateOfBirth ? ` · ${birthLabel(p, format)}` : ''}
            </Text>
          </HStack>
        ))}
      </Box>
    </Box>
  );
}
