import { Box, Button, Flex, Grid, Heading, HStack, Input, Stack, Text, Textarea } from '@chakra-ui/react';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { ResultOf } from '@shared/contract/index';
import { consultationContentSchema } from '@shared/domain/consultation.schema';
import { useApiMutation } from '@renderer/api/hooks';
import type { ClinicFormat } from '@renderer/app/clinic-format';
import { useShortcut } from '@renderer/app/shortcuts/ShortcutProvider';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { toaster } from '@renderer/components/toaster';
import { AllergyWarnings } from './AllergyWarnings';
import { DraftConflicts } from './DraftConflicts';
import { useTemperatureUnit } from '@renderer/screens/shared/vitals/use-temperature-unit';
import { VitalsInputs } from '@renderer/screens/shared/vitals/VitalFlags';
import { type ConsultationForm, toForm } from './consultation-form';
import { FinalizeDialog } from './FinalizeDialog';
import { PrescriptionBuilder } from './PrescriptionBuilder';
import { TestsEditor } from './TestsEditor';
import { type SaveState, useDraftSaving } from './use-autosave';
import { useIncomingVitals } from './use-incoming-vitals';
import { DateField } from '@renderer/components/DateField';

type View = ResultOf<'consultations.get'>;

/** The draft record of a checked-in patient: write, save (auto and on demand), finalize. */
export function ConsultationEditor({
  appointmentId,
  view,
  format,
}: {
  appointmentId: string;
  view: View;
  format: ClinicFormat;
}) {
  // The record's id is fixed for this workspace: the first save creates it under this id.
  const [ids] = useState(() => ({ id: view?.consultation.id ?? crypto.randomUUID(), appointmentId }));
  const { unit } = useTemperatureUnit();
  const form = useForm<ConsultationForm>({
    defaultValues: toForm(view?.consultation ?? consultationContentSchema.parse({}), unit),
  });
  const { register, control, formState } = form;
  const vitals = useWatch({ control, name: 'vitals' });
  const errors = formState.errors;
  const incoming = useIncomingVitals(form, view?.consultation);
  const draft = useDraftSaving(form, ids, view, incoming);
  const [finalizing, setFinalizing] = useState<ResultOf<'consultations.saveDraft'> | null>(null);
  const finalize = useApiMutation('consultations.finalize', {
    onSuccess: () => {
      setFinalizing(null);
      toaster.create({
        type: 'success',
        title: 'Consultation signed',
        description: 'The record is now read-only.',
      });
    },
  });

  const saveNow = () => void draft.persist(true);
  const conflicted = (view?.consultation.draftConflicts.length ?? 0) > 0;
  const askToFinalize = async () => {
    const saved = await draft.persist(true);
    if (saved) {
      finalize.reset();
      setFinalizing(saved);
    }
  };
  useShortcut('mod+s', saveNow, { description: 'Save the draft', group: 'Consultation' });

  return (
    <form aria-label="Consultation record" onSubmit={(e) => e.preventDefault()} noValidate>
      <Stack gap="5">
        {view && conflicted && (
          <DraftConflicts
            draft={view.consultation}
            format={format}
            busy={draft.saving}
            onKeepDraft={(conflict) => void draft.persist(true, [conflict.id])}
            onUseOther={(conflict) => {
              form.reset({ ...toForm(conflict.content, unit), vitals: form.getValues('vitals') });
              void draft.persist(true, [conflict.id]);
            }}
          />
        )}
        <Section title="Vitals">
          <VitalsInputs
            register={(key) => register(`vitals.${key}`)}
            errors={errors.vitals}
            values={vitals}
            unit={unit}
            size="sm"
            columns={{ base: 3, lg: 6 }}
          />
          {incoming.arrivedAt && (
            <Text color="fg.muted" fontSize="sm" mt="2" aria-live="polite" data-testid="vitals-arrived">
              Readings recorded at {format.time(incoming.arrivedAt)} were filled in.
            </Text>
          )}
        </Section>

        <Section title="Complaint and examination">
          <Stack gap="3">
            <FormField label="Chief complaint" error={errors.chiefComplaint}>
              <Textarea rows={2} autoresize {...register('chiefComplaint')} />
            </FormField>
            <FormField label="Examination notes" error={errors.examinationNotes}>
              <Textarea rows={2} autoresize {...register('examinationNotes')} />
            </FormField>
          </Stack>
        </Section>

        <Section title="Diagnosis">
          <Grid templateColumns={{ base: '1fr', md: '3fr 1fr' }} gap="3">
            <FormField label="Diagnosis" error={errors.diagnosis?.text}>
              <Input {...register('diagnosis.text')} />
            </FormField>
            <FormField label="Code (optional)" helper="e.g. ICD-10 J06.9" error={errors.diagnosis?.code}>
              <Input textTransform="uppercase" {...register('diagnosis.code')} />
            </FormField>
          </Grid>
        </Section>

        <Section title="Prescription">
          <PrescriptionBuilder
            control={control}
            register={register}
            errors={errors.prescription}
            warnings={draft.warnings}
            readOnly={false}
          />
        </Section>

        <Section title="Tests and follow-up">
          <Stack gap="3">
            <TestsEditor control={control} register={register} errors={errors.tests} />
            <Box maxW="16rem">
              <Controller
                control={control}
                name="followUpDate"
                render={({ field, fieldState }) => (
                  <DateField
                    label="Follow-up date"
                    min={format.today()}
                    value={field.value ?? ''}
                    onChange={(value) => field.onChange(value)}
                    onBlur={field.onBlur}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </Box>
          </Stack>
        </Section>

        <Section title="Advice and notes">
          <Stack gap="3">
            <FormField label="Advice for the patient" error={errors.advice}>
              <Textarea rows={3} autoresize {...register('advice')} />
            </FormField>
            <FormField
              label="Clinical notes (doctor only)"
              helper="Never shown to the patient."
              error={errors.clinicalNotes}
            >
              <Textarea rows={3} autoresize {...register('clinicalNotes')} />
            </FormField>
          </Stack>
        </Section>

        <AllergyWarnings warnings={draft.warnings} />
        <ErrorMessage error={draft.refused} />
        {draft.state === 'invalid' && (
          <Text color="fg.error" role="alert">
            The draft is not saved: please correct the highlighted details.
          </Text>
        )}

        <Flex
          position="sticky"
          bottom="0"
          bg="bg.panel"
          borderWidth="1px"
          borderRadius="lg"
          p="3"
          gap="3"
          justify="space-between"
          align="center"
          wrap="wrap"
        >
          <SaveStatus state={draft.state} savedAt={draft.savedAt} format={format} />
          <HStack gap="2">
            <Button variant="outline" onClick={saveNow} loading={draft.saving}>
              Save draft
            </Button>
            <Button
              colorPalette="teal"
              disabled={conflicted}
              title={conflicted ? 'Choose between the two versions of the draft first' : undefined}
              onClick={() => void askToFinalize()}
            >
              Finalize…
            </Button>
          </HStack>
        </Flex>
      </Stack>

      <FinalizeDialog
        open={finalizing !== null}
        warnings={finalizing?.allergyWarnings ?? []}
        busy={finalize.isPending}
        error={finalize.error}
        onConfirm={() => finalizing && finalize.mutate({ id: finalizing.consultation.id })}
        onClose={() => setFinalizing(null)}
      />
    </form>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box as="section" bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4">
      <Heading as="h2" size="md" mb="3">
        {title}
      </Heading>
      {children}
    </Box>
  );
}

const SAVE_TEXT: Record<SaveState, string> = {
  saved: 'Draft saved',
  unsaved: 'Unsaved changes (saved automatically after a pause)',
  saving: 'Saving…',
  invalid: 'Not saved: check the highlighted details',
  failed: 'Not saved: the hub refused the draft',
};

function SaveStatus({
  state,
  savedAt,
  format,
}: {
  state: SaveState;
  savedAt: string | null;
  format: ClinicFormat;
}) {
  return (
    <Text
      color={state === 'invalid' || state === 'failed' ? 'fg.error' : 'fg.muted'}
      fontSize="sm"
      aria-live="polite"
      data-testid="save-status"
    >
      {state === 'saved' && !savedAt ? 'Nothing written yet' : SAVE_TEXT[state]}
      {state === 'saved' && savedAt && ` at ${format.time(savedAt)}`}
    </Text>
  );
}
