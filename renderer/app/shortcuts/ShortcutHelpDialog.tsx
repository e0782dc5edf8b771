import { HStack, Kbd, Stack, Table, Text } from '@chakra-ui/react';
import { DialogFrame } from '@renderer/components/DialogFrame';
import { describeCombo } from './keys';
import { useShortcutList } from './ShortcutProvider';

/** "?" opens this: every shortcut available on the current screen, grouped. */
export function ShortcutHelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const shortcuts = useShortcutList();
  const groups = [...new Set(shortcuts.map((s) => s.group))];
  return (
    <DialogFrame open={open} onClose={onClose} title="Keyboard shortcuts">
      <Stack gap="5">
        {groups.map((group) => (
          <Stack key={group} gap="2">
            <Text fontWeight="semibold" color="fg.muted" fontSize="xs" textTransform="uppercase">
              {group}
            </Text>
            <Table.Root size="sm" variant="line">
              <Table.Body>
                {shortcuts
                  .filter((s) => s.group === group)
                  .map((s) => (
                    <Table.Row key={`${s.keys.join()}-${s.description}`}>
                      <Table.Cell>{s.description}</Table.Cell>
                      <Table.Cell textAlign="end">
                        <HStack justify="flex-end" gap="2" wrap="wrap">
                          {s.keys.map((combo, i) => (
                            <HStack key={combo} gap="1">
                              {i > 0 && <Text color="fg.muted">or</Text>}
                              {describeCombo(combo).map((k) => (
                                <Kbd key={k}>{k}</Kbd>
                              ))}
                            </HStack>
                          ))}
                        </HStack>
                      </Table.Cell>
                    </Table.Row>
                  ))}
              </Table.Body>
            </Table.Root>
          </Stack>
        ))}
      </Stack>
    </DialogFrame>
  );
}
