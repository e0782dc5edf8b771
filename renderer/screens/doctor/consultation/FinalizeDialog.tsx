import { Button, Checkbox, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { AllergyWarnings, type AllergyWarningView } from './AllergyWarnings';
import { DialogFrame } from '@renderer/components/DialogFrame';

/** Signing is final (docs/product.md §8): say so, and make allergy warnings an explicit acknowledgement. */
export function FinalizeDialog({
  open,
  warnings,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  warnings: AllergyWarningView[];
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const [acknowledged, setAcknowledged] = useState(false);
  const needsAck = warnings.length > 0;
  return (
    <DialogFrame
      open={open}
      onClose={() => {
        setAcknowledged(false);
        onClose();
      }}
      title="Finalize and sign this consultation?"
      alert

      footer={
        <>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button colorPalette="teal" loading={busy} disabled={needsAck && !acknowledged} onClick={onConfirm}>
            Sign and finalize
          </Button>
        </>
      }
    >
      <Stack gap="3">
        <Text>
          The record is signed with your name and the time. Afterwards it is read-only: corrections are added
          as addenda, and nothing is deleted.
        </Text>
        <AllergyWarnings warnings={warnings} />
        {needsAck && (
          <Checkbox.Root
            checked={acknowledged}
            onCheckedChange={(e) => setAcknowledged(e.checked === true)}
            colorPalette="red"
          >
            <Checkbox.HiddenInput />
            <Checkbox.Control />
            <Checkbox.Label>I have reviewed the allergy warnings and still prescribe these.</Checkbox.Label>
          </Checkbox.Root>
        )}
        <ErrorMessage error={error} />
      </Stack>
    </DialogFrame>
  );
}
