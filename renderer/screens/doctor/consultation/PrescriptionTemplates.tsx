import { Button, HStack, Input, NativeSelect, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { type Control, useWatch } from 'react-hook-form';
import type { PrescriptionItem } from '@shared/domain/consultation.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { toaster } from '@renderer/components/toaster';
import { type ConsultationForm, rowsToItems } from './consultation-form';

/**
 * The doctor's own templates and favourites (a one-row template): applying one adds its rows on
 * purpose; "Save rows as template" keeps the current rows under a name (a name in use is replaced).
 * Stored per doctor and synced to their desktops, so both work offline.
 */
export function PrescriptionTemplates({
  control,
  onApply,
  readOnly,
}: {
  control: Control<ConsultationForm>;
  onApply: (items: PrescriptionItem[]) => void;
  readOnly: boolean;
}) {
  const templates = useApiQuery('prescriptions.templates', {});
  const rows = useWatch({ control, name: 'prescription' });
  const [chosen, setChosen] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useApiMutation('prescriptions.saveTemplate', {
    onSuccess: (saved) => {
      setNaming(false);
      setName('');
      toaster.create({ type: 'success', title: `Template “${saved.name}” saved` });
    },
  });
  const list = templates.data ?? [];
  const apply = () => {
    const template = list.find((t) => t.id === chosen);
    if (template) onApply(template.items);
  };
  const saveRows = () => {
    const checked = rowsToItems(rows);
    if (!checked.ok) return setProblem(`Complete the rows first: ${checked.problem}.`);
    setProblem(null);
    save.mutate({ id: crypto.randomUUID(), name, items: checked.items });
  };

  return (
    <HStack gap="2" mb="3" wrap="wrap" align="end">
      <NativeSelect.Root size="sm" maxW="16rem" disabled={readOnly || list.length === 0}>
        <NativeSelect.Field
          aria-label="Prescription template"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value="">{list.length === 0 ? 'No templates yet' : 'Choose a template…'}</option>
          {list.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.items.length === 1 ? 'favourite' : `${t.items.length} medicines`})
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
      <Button size="sm" variant="outline" disabled={readOnly || !chosen} onClick={apply}>
        Apply template
      </Button>
      {naming ? (
        <>
          <Input
            size="sm"
            maxW="14rem"
            aria-label="Template name"
            placeholder="e.g. Viral fever adult"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <Button
            size="sm"
            colorPalette="teal"
            disabled={!name.trim()}
            loading={save.isPending}
            onClick={saveRows}
          >
            Save template
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setNaming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button
          size="sm"
          variant="ghost"
          disabled={readOnly || rows.length === 0}
          onClick={() => setNaming(true)}
        >
          Save rows as template…
        </Button>
      )}
      {problem && (
        <Text color="fg.error" fontSize="sm" role="alert" w="full">
          {problem}
        </Text>
      )}
      <ErrorMessage error={save.error} />
    </HStack>
  );
}
