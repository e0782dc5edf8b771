import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  Input,
  NativeSelect,
  Portal,
  RadioGroup,
  SegmentGroup,
  SimpleGrid,
  Stack,
  Text,
} from '@chakra-ui/react';
import { useEffect, useState } from 'react';
import type { ResultOf } from '@shared/contract/index';
import type { Doctor } from '@shared/domain/doctor.schema';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { FormField } from '@renderer/components/FormField';
import { PatientPicker } from '@renderer/screens/shared/appointments/PatientPicker';
import { DoctorSelect } from '@renderer/components/DoctorSelect';

type Placement = 'next_free_slot' | 'queue';
type Sex = 'female' | 'male' | 'other' | 'unknown';

/**
 * Walk-in (docs/product.md §7): find or quickly register the patient, choose the doctor, and either take the
 * next free slot today or queue between scheduled patients; says which happened and the token.
 */
export function WalkInDialog({
  open,
  onClose,
  doctors,
  defaultDoctorId,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  doctors: Doctor[];
  defaultDoctorId: string | null;
  onDone: (result: ResultOf<'queue.walkIn'>) => void;
}) {
  const format = useClinicFormat();
  const [who, setWho] = useState<'existing' | 'new'>('existing');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [sex, setSex] = useState<Sex>('unknown');
  const [doctorId, setDoctorId] = useState(defaultDoctorId ?? '');
  const [placement, setPlacement] = useState<Placement>('next_free_slot');
  const [urgent, setUrgent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ResultOf<'queue.walkIn'> | null>(null);
  const patient = useApiQuery('patients.get', { id: patientId ?? '' }, { enabled: patientId !== null });
  const walkIn = useApiMutation('queue.walkIn', {
    onSuccess: (r) => {
      setResult(r);
      onDone(r);
    },
  });
  useEffect(() => {
    if (!open) return;
    setWho('existing');
    setPatientId(null);
    setFullName('');
    setPhone('');
    setSex('unknown');
    setDoctorId(defaultDoctorId ?? doctors[0]?.id ?? '');
    setPlacement('next_free_slot');
    setUrgent(false);
    setProblem(null);
    setResult(null);
    walkIn.reset();
  }, [open]);

  const submit = () => {
    setProblem(null);
    if (!doctorId) return setProblem('Choose the doctor.');
    if (who === 'existing' && !patientId)
      return setProblem('Find and choose the patient, or register a new one.');
    if (who === 'new' && fullName.trim().length < 2) return setProblem('Enter the new patient’s full name.');
    walkIn.mutate({
      appointmentId: crypto.randomUUID(),
      doctorId,
      placement,
      priority: urgent ? 'urgent' : 'normal',
      ...(who === 'existing'
        ? { patientId: patientId! }
        : {
            newPatient: {
              id: crypto.randomUUID(),
              details: { fullName: fullName.trim(), phone: phone.trim() || null, sex },
            },
          }),
    });
  };

  return (
    <Dialog.Root open={open} onOpenChange={(e) => !e.open && onClose()} size="lg">
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content
            as="form"
            aria-label="Walk-in"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Dialog.Header>
              <Dialog.Title>Walk-in patient</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              {result ? (
                <Alert.Root status="success" role="status" data-testid="walk-in-result">
                  <Alert.Indicator />
                  <Alert.Content>
                    <Alert.Title>Token {result.entry.token}</Alert.Title>
                    <Alert.Description>
                      {placement === 'next_free_slot'
                        ? `Booked into the next free slot today, ${format.time(result.appointment.startsAt)}, and checked in.`
                        : 'Queued between the scheduled patients (no slot of their own); nobody who came on time waits longer.'}
                    </Alert.Description>
                  </Alert.Content>
                </Alert.Root>
              ) : (
                <Stack gap="4">
                  <SegmentGroup.Root
                    value={who}
                    onValueChange={(e) => setWho(e.value === 'new' ? 'new' : 'existing')}
                    aria-label="Patient"
                  >
                    <SegmentGroup.Indicator />
                    <SegmentGroup.Items
                      items={[
                        { value: 'existing', label: 'Registered patient' },
                        { value: 'new', label: 'New patient' },
                      ]}
                    />
                  </SegmentGroup.Root>
                  {who === 'existing' ? (
                    <PatientPicker
                      label="Find the patient"
                      patient={patient.data ?? null}
                      onChange={setPatientId}
                    />
                  ) : (
                    <SimpleGrid columns={{ base: 1, md: 3 }} gap="3">
                      <FormField label="Full name" required>
                        <Input value={fullName} onChange={(e) => setFullName(e.target.value)} />
                      </FormField>
                      <FormField label="Phone">
                        <Input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
                      </FormField>
                      <FormField label="Sex">
                        <NativeSelect.Root>
                          <NativeSelect.Field value={sex} onChange={(e) => setSex(e.target.value as Sex)}>
                            <option value="unknown">Not given</option>
                            <option value="female">Female</option>
                            <option value="male">Male</option>
                            <option value="other">Other</option>
                          </NativeSelect.Field>
                          <NativeSelect.Indicator />
                        </NativeSelect.Root>
                      </FormField>
                    </SimpleGrid>
                  )}
                  <FormField label="Doctor" required>
                    <DoctorSelect
                      doctors={doctors}
                      value={doctorId}
                      onChange={(e) => setDoctorId(e.target.value)}
                    />
                  </FormField>
                  <RadioGroup.Root
                    value={placement}
                    onValueChange={(e) => setPlacement(e.value === 'queue' ? 'queue' : 'next_free_slot')}
                    aria-label="Placement"
                  >
                    <Stack gap="2">
                      <Text fontSize="sm" fontWeight="medium">
                        Placement
                      </Text>
                      {(
                        [
                          ['next_free_slot', 'Next free slot today'],
                          ['queue', 'Queue between scheduled patients'],
                        ] as const
                      ).map(([value, label]) => (
                        <RadioGroup.Item key={value} value={value}>
                          <RadioGroup.ItemHiddenInput />
                          <RadioGroup.ItemIndicator />
                          <RadioGroup.ItemText>{label}</RadioGroup.ItemText>
                        </RadioGroup.Item>
                      ))}
                    </Stack>
                  </RadioGroup.Root>
                  <Checkbox.Root checked={urgent} onCheckedChange={(e) => setUrgent(e.checked === true)}>
                    <Checkbox.HiddenInput />
                    <Checkbox.Control />
                    <Checkbox.Label>Urgent (goes first)</Checkbox.Label>
                  </Checkbox.Root>
                  {problem && (
                    <Text color="fg.error" role="alert">
                      {problem}
                    </Text>
                  )}
                  <ErrorMessage error={walkIn.error} action="The walk-in was not added" />
                </Stack>
              )}
            </Dialog.Body>
            <Dialog.Footer>
              {result ? (
                <Button type="button" onClick={onClose}>
                  Done
                </Button>
              ) : (
                <>
                  <Dialog.ActionTrigger asChild>
                    <Button variant="outline" type="button">
                      Cancel
                    </Button>
                  </Dialog.ActionTrigger>
                  <Button type="submit" loading={walkIn.isPending}>
                    Add walk-in
                  </Button>
                </>
              )}
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
