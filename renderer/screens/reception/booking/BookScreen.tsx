import {
  Box,
  Button,
  Heading,
  HStack,
  RadioGroup,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@chakra-ui/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useLocation, useSearchParams } from 'react-router';
import type { ApiError } from '@shared/contract/errors';
import type { Appointment } from '@shared/domain/appointment.schema';
import { applyApiError } from '@renderer/api/form-errors';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { NextSlots } from '@renderer/components/visits/NextSlots';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import {
  BOOKING_FIELD_MAP,
  BOOKING_FIELDS,
  bookingFormSchema,
  type BookingValues,
  type ChosenSlot,
  namingField,
} from './booking-form';
import { BookingSuccess } from './BookingSuccess';
import { PatientSection } from './PatientSection';
import { WhenSection } from './WhenSection';

/**
 * Alt+N: book an appointment at the desk (docs/product.md §4). Prefilled by ?doctor=&date=&start=&patient=.
 * The success view belongs to the visit of the screen that booked: Alt+N (a new visit) starts over.
 */
export function BookScreen() {
  const location = useLocation();
  const [done, setDone] = useState<{ appointment: Appointment; visit: string } | null>(null);
  return done?.visit === location.key ? (
    <BookingSuccess appointment={done.appointment} onAnother={() => setDone(null)} />
  ) : (
    <BookingForm
      key={location.key}
      onBooked={(appointment) => setDone({ appointment, visit: location.key })}
    />
  );
}

function BookingForm({ onBooked }: { onBooked: (a: Appointment) => void }) {
  const format = useClinicFormat();
  const today = format.today();
  const [params] = useSearchParams();
  const doctors = useApiQuery('doctors.list', {});
  const prefilledDoctor = params.get('doctor') ?? '';
  const start = params.get('start');
  const form = useForm<BookingValues>({
    resolver: zodResolver(bookingFormSchema),
    defaultValues: {
      specialization: '',
      doctorId: prefilledDoctor,
      date: params.get('date') ?? today,
      slot:
        prefilledDoctor && start
          ? { doctorId: prefilledDoctor, startsAt: start, localTime: format.time(start) }
          : null,
      patientId: params.get('patient'),
      type: 'NEW_VISIT',
      note: '',
    },
  });
  const { control, formState, setValue } = form;
  const [chosen, patientId] = useWatch({ control, name: ['slot', 'patientId'] });
  const [refused, setRefused] = useState<ApiError | null>(null);
  const book = useApiMutation('appointments.book', {
    onSuccess: (r) => onBooked(r.appointment),
    onError: (error) =>
      setRefused(
        applyApiError(error, form.setError, { fieldMap: BOOKING_FIELD_MAP, knownFields: BOOKING_FIELDS }),
      ),
  });

  const active = [...(doctors.data ?? [])]
    .filter((d) => d.active)
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
  const chosenDoctor = active.find((d) => d.id === chosen?.doctorId);
  const choose = (slot: ChosenSlot) => {
    book.reset();
    setRefused(null);
    form.clearErrors('slot');
    setValue('slot', slot);
  };
  const confirm = form.handleSubmit(({ slot, patientId: patient, type, note }) => {
    if (!slot || !patient) return; // the schema refuses both; this tells the types
    setRefused(null);
    book.mutate({
      id: crypto.randomUUID(),
      patientId: patient,
      doctorId: slot.doctorId,
      startsAt: slot.startsAt,
      type,
      mode: 'IN_PERSON',
      note,
    });
  });

  if (doctors.isLoading) return <LoadingState label="Loading doctors…" />;
  return (
    <>
      <ScreenHeader
        title="Book an appointment"
        description="Doctor or specialization → date → free slot → patient → confirm."
      />
      <ErrorMessage error={doctors.error} />
      <SimpleGrid columns={{ base: 1, lg: 2 }} gap="4" alignItems="start">
        <Step n={1} title="Doctor and time">
          <WhenSection form={form} doctors={active} today={today} onChoose={choose} />
          <FieldProblem message={namingField('Slot', formState.errors.slot?.message)} />
        </Step>
        <Stack gap="4">
          <Step n={2} title="Patient">
            <PatientSection
              patientId={patientId}
              onChange={(id) => setValue('patientId', id, { shouldValidate: !!formState.errors.patientId })}
            />
            <FieldProblem message={namingField('Patient', formState.errors.patientId?.message)} />
          </Step>
          <Step n={3} title="Visit">
            <Stack gap="3">
              <Controller
                control={control}
                name="type"
                render={({ field }) => (
                  <RadioGroup.Root
                    value={field.value}
                    onValueChange={(e) => field.onChange(e.value)}
                    aria-label="Visit type"
                  >
                    <HStack gap="5">
                      {(['NEW_VISIT', 'FOLLOW_UP'] as const).map((t) => (
                        <RadioGroup.Item key={t} value={t}>
                          <RadioGroup.ItemHiddenInput />
                          <RadioGroup.ItemIndicator />
                          <RadioGroup.ItemText>
                            {t === 'NEW_VISIT' ? 'New visit' : 'Follow-up'}
                          </RadioGroup.ItemText>
                        </RadioGroup.Item>
                      ))}
                    </HStack>
                  </RadioGroup.Root>
                )}
              />
              <FieldProblem message={namingField('Visit type', formState.errors.type?.message)} />
              <FormField label="Note (optional)" error={formState.errors.note}>
                <Textarea rows={2} maxLength={1000} {...form.register('note')} />
              </FormField>
              <Box borderTopWidth="1px" pt="3" data-testid="booking-summary">
                <Text fontWeight="medium">
                  {chosen && chosenDoctor
                    ? `${chosenDoctor.fullName} · ${format.date(chosen.startsAt)} at ${format.time(chosen.startsAt)}`
                    : 'No slot chosen yet'}
                </Text>
                {!patientId && <Text color="fg.muted">No patient chosen yet</Text>}
              </Box>
              <ErrorMessage error={refused} />
              {chosen && (
                <NextSlots
                  slots={refused?.nextSlots ?? []}
                  day={format.clinicDate(chosen.startsAt)}
                  onPick={(s) =>
                    choose({ doctorId: chosen.doctorId, startsAt: s.start, localTime: format.time(s.start) })
                  }
                />
              )}
              <Button
                onClick={(e) => void confirm(e)}
                disabled={!chosen || !patientId}
                loading={book.isPending}
                alignSelf="flex-start"
              >
                Confirm booking
              </Button>
            </Stack>
          </Step>
        </Stack>
      </SimpleGrid>
    </>
  );
}

/** A field error shown away from its input (the slot, the patient), naming the field. */
function FieldProblem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Text color="fg.error" fontSize="sm" mt="2" role="alert">
      {message}
    </Text>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <Box as="section" aria-label={title} bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4">
      <Heading as="h2" size="md" mb="3">
        {n}. {title}
      </Heading>
      {children}
    </Box>
  );
}
