import { Field, HStack, Input, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useApiQuery } from '@renderer/api/hooks';

/** What the admin chooses for a display, alike when adding and when editing it. */
export interface DisplayChoice {
  name: string;
  doctorIds: string[];
  roomIds: string[];
  message: string;
  theme: 'dark' | 'light';
}

const toggled = (ids: readonly string[], id: string) =>
  ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];

/**
 * The fields of a waiting-room display shared by the Add form and the Edit dialog: name, the
 * doctors and/or rooms it shows (a room shows whoever works in it that day), message line, theme.
 */
export function DisplayFields({
  value,
  onChange,
}: {
  value: DisplayChoice;
  onChange: (next: DisplayChoice) => void;
}) {
  const doctors = useApiQuery('doctors.list', {}, { staleTime: 60_000 });
  const rooms = useApiQuery('rooms.list', {}, { staleTime: 60_000 });
  const set = (patch: Partial<DisplayChoice>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="3">
      <Field.Root>
        <Field.Label>Display name</Field.Label>
        <Input size="sm" value={value.name} onChange={(e) => set({ name: e.target.value })} />
      </Field.Root>
      <fieldset>
        <Text as="legend" fontWeight="medium" mb="1">
          Doctors it shows
        </Text>
        <HStack wrap="wrap" gap="4">
          {(doctors.data ?? [])
            .filter((d) => d.active || value.doctorIds.includes(d.id))
            .map((d) => (
              <label key={d.id}>
                <input
                  type="checkbox"
                  checked={value.doctorIds.includes(d.id)}
                  onChange={() => set({ doctorIds: toggled(value.doctorIds, d.id) })}
                />{' '}
                {d.fullName}
              </label>
            ))}
        </HStack>
      </fieldset>
      <fieldset>
        <Text as="legend" fontWeight="medium" mb="1">
          Rooms it shows
        </Text>
        <Text fontSize="sm" color="fg.muted" mb="1">
          A room shows the doctor working in it that day, or “not in”.
        </Text>
        <HStack wrap="wrap" gap="4">
          {(rooms.data ?? []).map((r) => (
            <label key={r.id}>
              <input
                type="checkbox"
                checked={value.roomIds.includes(r.id)}
                onChange={() => set({ roomIds: toggled(value.roomIds, r.id) })}
              />{' '}
              {r.name}
            </label>
          ))}
        </HStack>
      </fieldset>
      <Field.Root>
        <Field.Label>Message line (optional)</Field.Label>
        <Input size="sm" value={value.message} onChange={(e) => set({ message: e.target.value })} />
      </Field.Root>
      <Field.Root>
        <Field.Label>Theme</Field.Label>
        <NativeSelect.Root size="sm">
          <NativeSelect.Field
            value={value.theme}
            onChange={(e) => set({ theme: e.target.value as 'dark' | 'light' })}
          >
            <option value="dark">Dark</option>
            <option value="light">Light</option>
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </Field.Root>
    </Stack>
  );
}
