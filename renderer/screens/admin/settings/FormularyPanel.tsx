import { Button, Grid, Input, List, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import type { FieldError } from 'react-hook-form';
import { DRUG_CLASSES } from '@shared/formulary/drug-classes';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { Panel } from '@renderer/components/admin/Panel';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';

const split = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The clinic's additions to the shipped formulary: a generic ("A + B" for a combination), its
 * brand names and its classes. Synced to every desktop, so doctors' type-ahead and allergy checks
 * use them offline too.
 */
export function FormularyPanel() {
  const entries = useApiQuery('formulary.list', {});
  const [generic, setGeneric] = useState('');
  const [brands, setBrands] = useState('');
  const [classes, setClasses] = useState('');
  const add = useApiMutation('formulary.addEntry', {
    onSuccess: (entry) => {
      setGeneric('');
      setBrands('');
      setClasses('');
      toaster.create({ type: 'success', title: `${entry.generic} added to the formulary` });
    },
  });
  const fieldError = (name: string): FieldError | undefined => {
    const message = add.error?.error.fields?.find((f) => f.field.startsWith(name))?.message;
    return message ? { type: 'hub', message } : undefined;
  };

  return (
    <Panel title="Formulary">
      <Stack gap="3">
        <Text color="fg.muted" fontSize="sm">
          The shipped list of generics, common Indian brands and drug classes is always there. Add a medicine
          it lacks; allergy checks then know its brands and classes.
        </Text>
        <form
          aria-label="Add a medicine to the formulary"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({
              id: crypto.randomUUID(),
              details: { generic, brands: split(brands), classes: split(classes) },
            });
          }}
        >
          <Grid templateColumns={{ base: '1fr', md: '1fr 1fr 1fr auto' }} gap="3" alignItems="end">
            <FormField
              label="Generic name"
              helper="A + B for a combination"
              error={fieldError('details.generic')}
            >
              <Input value={generic} onChange={(e) => setGeneric(e.target.value)} />
            </FormField>
            <FormField label="Brand names" helper="comma-separated" error={fieldError('details.brands')}>
              <Input value={brands} onChange={(e) => setBrands(e.target.value)} />
            </FormField>
            <FormField
              label="Drug classes"
              helper="e.g. NSAIDs, Penicillins"
              error={fieldError('details.classes')}
            >
              <Input value={classes} onChange={(e) => setClasses(e.target.value)} list="formulary-classes" />
            </FormField>
            <Button type="submit" colorPalette="teal" loading={add.isPending} disabled={!generic.trim()}>
              Add medicine
            </Button>
          </Grid>
          <datalist id="formulary-classes">
            {DRUG_CLASSES.map((c) => (
              <option key={c.id} value={c.name} />
            ))}
          </datalist>
        </form>
        <ErrorMessage error={add.error} />
        <ErrorMessage error={entries.error} />
        {entries.data && entries.data.length > 0 && (
          <List.Root ps="5" aria-label="Medicines the clinic added">
            {entries.data.map((e) => (
              <List.Item key={e.id}>
                {e.generic}
                {e.brands.length > 0 && ` — ${e.brands.join(', ')}`}
                {e.classes.length > 0 && ` (${e.classes.join(', ')})`}
              </List.Item>
            ))}
          </List.Root>
        )}
      </Stack>
    </Panel>
  );
}
