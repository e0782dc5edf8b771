import { Box, Button, CloseButton, HStack, Input, Stack, Tag, Text } from '@chakra-ui/react';
import { useEffect, useId, useState } from 'react';
import type { Patient } from '@shared/domain/patient.schema';
import { useApiQuery } from '@renderer/api/hooks';

/** Chooses one patient by name, phone or code (patients.search); shows the choice as a removable tag. */
export function PatientPicker({
  patient,
  onChange,
  label = 'Patient',
}: {
  patient: Patient | null | undefined;
  onChange: (patientId: string | null) => void;
  label?: string;
}) {
  const [text, setText] = useState('');
  const debounced = useDebounced(text.trim(), 250);
  const id = useId();
  const results = useApiQuery(
    'patients.search',
    { text: debounced, limit: 6 },
    { enabled: debounced.length >= 2 },
  );

  if (patient) {
    return (
      <Stack gap="1.5">
        <Text fontSize="sm" fontWeight="medium">
          {label}
        </Text>
        <Tag.Root size="lg" alignSelf="flex-start" colorPalette="teal">
          <Tag.Label>
            {patient.fullName} · {patient.code}
          </Tag.Label>
          <Tag.EndElement>
            <CloseButton
              size="2xs"
              aria-label={`Clear the patient filter (${patient.fullName})`}
              onClick={() => onChange(null)}
            />
          </Tag.EndElement>
        </Tag.Root>
      </Stack>
    );
  }
  const open = debounced.length >= 2 && text.trim().length >= 2;
  return (
    <Stack gap="1.5" position="relative">
      <Text asChild fontSize="sm" fontWeight="medium">
        <label htmlFor={id}>{label}</label>
      </Text>
      <Input
        id={id}
        size="sm"
        placeholder="Name, phone or code"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        aria-controls={open ? `${id}-results` : undefined}
        aria-expanded={open}
        role="combobox"
        aria-autocomplete="list"
      />
      {open && (
        <Box
          id={`${id}-results`}
          position="absolute"
          top="100%"
          mt="1"
          insetInline="0"
          zIndex="dropdown"
          bg="bg.panel"
          borderWidth="1px"
          borderRadius="md"
          boxShadow="md"
          p="1"
          minW="16rem"
        >
          {results.isLoading && (
            <Text p="2" color="fg.muted">
              Searching…
            </Text>
          )}
          {results.data?.length === 0 && (
            <Text p="2" color="fg.muted">
              No patient matches “{debounced}”.
            </Text>
          )}
          {results.data?.map((p) => (
            <Button
              key={p.id}
              variant="ghost"
              size="sm"
              width="full"
              justifyContent="flex-start"
              onClick={() => {
                setText('');
                onChange(p.id);
              }}
            >
              <HStack justify="space-between" width="full">
                <Text truncate>{p.fullName}</Text>
                <Text color="fg.muted" fontSize="xs">
                  {p.code}
                </Text>
              </HStack>
            </Button>
          ))}
        </Box>
      )}
    </Stack>
  );
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
