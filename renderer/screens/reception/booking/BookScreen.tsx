import {
  Box,
  Button,
  Field,
  Heading,
  HStack,
  RadioGroup,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@chakra-ui/react';
import { type ReactNode, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { Appointment, AppointmentType } from '@shared/domain/appointment.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { NextSlots } from '@renderer/components/visits/NextSlots';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { BookingSuccess } from './BookingSuccess';
import { PatientSection } from './PatientSection';
import type { ChosenSlot } from './SlotPicker';
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
  const [specialization, setSpecialization] = useState('');
  const [doctorId, setDoctorId] = useState(params.get('doctor') ?? '');
  const [date, setDate] = useState(params.get('date') ?? today);
  const start = params.get('start');
  const [chosen, setChosen] = useState<ChosenSlot | null>(
    doctorId && start ? { doctorId, startsAt: start, localTime: format.time(start) } : null,
  );
  const [patientId, setPatientId] = useState<string | null>(params.get('patient'));
  const [type, setType] = useState<AppointmentType>('NEW_VISIT');
  const [note, setNote] = useState('');
  const book = useApiMutation('appointments.book', { onSuccess: (r) => onBooked(r.appointment) });

  const active = [...(doctors.data ?? [])]
    .filter((d) => d.active)
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
  const chosenDoctor = active.find((d) => d.id === chosen?.doctorId);
  const choose = (slot: ChosenSlot) => {
    book.reset();
    setChosen(slot);
  };
  const confirm = () => {
    if (!chosen || !patientId) return;
    book.mutate({
      id: crypto.randomUUID(),
      patientId,
      doctorId: chosen.doctorId,
      startsAt: chosen.startsAt,
      type,
      mode: 'IN_PERSON',
      note: note.trim(),
    });
  };

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
          <WhenSection
            doctors={active}
            specialization={specialization}
            doctorId={doctorId}
            date={date}
            today={today}
            chosen={chosen}
            onSpecialization={(s) => {
              setSpecialization(s);
              if (s && !active.some((d) => d.id === doctorId && d.specialization === s)) setDoctorId('');
            }}
            onDoctor={setDoctorId}
            onDate={(d) => {
              setDate(d);
              setChosen(null);
            }}
            onChoose={choose}
          />
        </Step>
        <Stack gap="4">
          <Step n={2} title="Patient">
            <PatientSection patientId={patientId} onChange={setPatientId} />
          </Step>
          <Step n={3} title="Visit">
            <Stack gap="3">
              <RadioGroup.Root
                value={type}
                onValueChange={(e) => setType(e.value as AppointmentType)}
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
              <Field.Root>
                <Field.Label>Note (optional)</Field.Label>
                <Textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
              </Field.Root>
              <Box borderTopWidth="1px" pt="3" data-testid="booking-summary">
                <Text fontWeight="medium">
                  {chosen && chosenDoctor
                    ? `${chosenDoctor.fullName} · ${format.date(chosen.startsAt)} at ${format.time(chosen.startsAt)}`
                    : 'No slot chosen yet'}
                </Text>
                {!patientId && <Text color="fg.muted">No patient chosen yet</Text>}
              </Box>
              <ErrorMessage error={book.error} />
              {chosen && (
                <NextSlots
                  slots={book.error?.error.nextSlots ?? []}
                  day={format.clinicDate(chosen.startsAt)}
                  onPick={(s) =>
                    choose({ doctorId: chosen.doctorId, startsAt: s.start, localTime: format.time(s.start) })
                  }
                />
              )}
              <Button
                onClick={confirm}
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
