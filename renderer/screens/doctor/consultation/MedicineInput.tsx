import { Box, Input, Text } from '@chakra-ui/react';
import { useId, useState } from 'react';
import { type Control, useController } from 'react-hook-form';
import type { Formulary } from '@shared/formulary/formulary';
import type { ConsultationForm } from './consultation-form';

/**
 * The medicine of one row, with type-ahead from the formulary (brand or generic, docs/product.md §8). Free
 * text is still accepted; the builder flags it as unchecked. Arrow keys move through the list,
 * Enter picks, Escape closes.
 */
export function MedicineInput({
  control,
  index,
  formulary,
  invalid,
}: {
  control: Control<ConsultationForm>;
  index: number;
  formulary: Formulary;
  invalid: boolean;
}) {
  const { field } = useController({ control, name: `prescription.${index}.medicine` });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const options = open ? formulary.search(field.value, 8) : [];
  const exact = options.length === 1 && options[0]!.name === field.value;
  const shown = exact ? [] : options;

  const pick = (name: string) => {
    field.onChange(name);
    setOpen(false);
  };

  return (
    <Box position="relative">
      <Input
        size="sm"
        autoComplete="off"
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        aria-activedescendant={shown.length > 0 ? `${listId}-${active}` : undefined}
        name={field.name}
        ref={field.ref}
        value={field.value}
        onChange={(e) => {
          field.onChange(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
          field.onBlur();
        }}
        onKeyDown={(e) => {
          if (shown.length === 0) return;
          if (e.key === 'ArrowDown') setActive((a) => (a + 1) % shown.length);
          else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + shown.length) % shown.length);
          else if (e.key === 'Enter') pick(shown[active]!.name);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {shown.length > 0 && (
        <Box
          as="ul"
          id={listId}
          role="listbox"
          aria-label="Medicines in the formulary"
          position="absolute"
          zIndex="dropdown"
          insetX="0"
          mt="1"
          bg="bg.panel"
          borderWidth="1px"
          borderRadius="md"
          boxShadow="md"
          maxH="16rem"
          overflowY="auto"
        >
          {shown.map((option, i) => (
            <Box
              as="li"
              key={option.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              px="2"
              py="1"
              cursor="pointer"
              bg={i === active ? 'bg.muted' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option.name);
              }}
            >
              <Text fontSize="sm" fontWeight="medium">
                {option.name}
              </Text>
              <Text fontSize="xs" color="fg.muted">
                {option.kind === 'generic' ? 'generic' : option.generics.join(' + ')}
                {option.classes.length > 0 && ` · ${option.classes.join(', ')}`}
              </Text>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
