import { Badge, Box, Button, DataList, Heading, SimpleGrid, Stack, Text, Wrap } from '@chakra-ui/react';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { ResultOf } from '@shared/contract/index';
import { can } from '@shared/permissions/authorize';
import { ageText, allergyStatus } from '@shared/rules/patient-facts';
import { useApiMutation, useApiQuery } from '@renderer/api/hooks';
import { useCurrentUser } from '@renderer/app/session/SessionProvider';
import { type ClinicFormat, useClinicFormat } from '@renderer/app/clinic-format';
import { ErrorMessage } from '@renderer/components/ErrorMessage';
import { ScreenHeader } from '@renderer/components/ScreenHeader';
import { LoadingState } from '@renderer/components/StateViews';
import { notifyError, toaster } from '@renderer/components/toaster';
import { PatientMessages } from '@renderer/screens/shared/messages/PatientMessages';
import { sexLabel } from './patient-form';
import { ProfileHistory } from './ProfileHistory';

type Profile = ResultOf<'patients.profile'>;

/**
 * /patients/:id — demographics, allergies and conditions, visit history, appointments and bills
 * (docs/product.md §2). Shows only what the hub sent: a receptionist's profile carries no consultation content.
 */
export function PatientProfileScreen() {
  const { id = '' } = useParams();
  const profile = useApiQuery('patients.profile', { id });
  const p = profile.data?.patient;
  return (
    <>
      <ScreenHeader
        title={p ? p.fullName : 'Patient'}
        description={
          p
            ? `${p.code}${p.provisionalCode && p.provisionalCode !== p.code ? ` (was ${p.provisionalCode})` : ''}`
            : undefined
        }
        actions={
          p && (
            <>
              <Button asChild variant="outline">
                <RouterLink to={`/patients/${p.id}/edit`}>Edit details</RouterLink>
              </Button>
              <InviteToApp patientId={p.id} fullName={p.fullName} />
              <Button asChild>
                <RouterLink to={`/book?patient=${p.id}`}>Book for this patient</RouterLink>
              </Button>
            </>
          )
        }
      />
      {profile.isLoading && <LoadingState label="Loading the profile…" />}
      <ErrorMessage error={profile.error} />
      {profile.data && (
        <Stack gap="6">
          <SimpleGrid columns={{ base: 1, lg: 2 }} gap="4">
            <Demographics profile={profile.data} />
            <Medical profile={profile.data} />
          </SimpleGrid>
          <ProfileHistory profile={profile.data} />
          <PatientMessages patientId={profile.data.patient.id} />
        </Stack>
      )}
    </>
  );
}

/**
 * Creates the patient's companion-app account if needed and sends them an activation code by SMS
 * and e-mail (the hub's outbox; the code itself is never shown here). Hidden from roles the hub would refuse.
 */
function InviteToApp({ patientId, fullName }: { patientId: string; fullName: string }) {
  const allowed = can(useCurrentUser().role, 'patients.inviteToApp');
  const invite = useApiMutation('patients.inviteToApp', {
    onSuccess: ({ sentTo }) =>
      toaster.create({
        type: 'success',
        // One line: the success toast's description colour is too faint for axe on its green.
        title: `Invited ${fullName} to the app: code sent to ${sentTo}`,
      }),
    onError: (error) => notifyError(error, 'The invitation was not sent'),
  });
  if (!allowed) return null;
  return (
    <Button variant="outline" loading={invite.isPending} onClick={() => invite.mutate({ id: patientId })}>
      Invite to the app
    </Button>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box as="section" bg="bg.panel" borderWidth="1px" borderRadius="lg" p="4" aria-label={title}>
      <Heading as="h2" size="md" mb="3">
        {title}
      </Heading>
      {children}
    </Box>
  );
}

function Demographics({ profile }: { profile: Profile }) {
  const format = useClinicFormat();
  const p = profile.patient;
  const rows: [string, ReactNode][] = [
    ['Date of birth', birthText(p, format)],
    ['Sex', sexLabel(p.sex)],
    ['Phone', p.phone ?? '—'],
    ['Email', p.email ?? '—'],
    ['Address', p.address || '—'],
    ['Blood group', p.bloodGroup ?? '—'],
    [
      'Emergency contact',
      p.emergencyContact
        ? `${p.emergencyContact.name}${p.emergencyContact.relationship ? ` (${p.emergencyContact.relationship})` : ''} · ${p.emergencyContact.phone}`
        : '—',
    ],
    [
      'Insurance',
      p.insurance
        ? `${p.insurance.provider} · ${p.insurance.policyNumber}${p.insurance.validUntil ? ` · valid until ${format.date(p.insurance.validUntil)}` : ''}`
        : '—',
    ],
    ['Messages', messageChoices(p)],
    ['Registered', format.dateTime(p.createdAt)],
  ];
  return (
    <Panel title="Demographics">
      <DataList.Root orientation="horizontal" size="sm">
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel minW="9rem">{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList.Root>
    </Panel>
  );
}

/** "Mon 2 Mar 1968 (58 years)", or "Not known · about 58 years" for one estimated from an age. */
function birthText(p: Profile['patient'], format: ClinicFormat): string {
  const age = ageText(p, format.today());
  if (p.dateOfBirthEstimated) return `Not known · ${age ?? '?'} years (estimated)`;
  if (!p.dateOfBirth) return '—';
  return `${format.date(p.dateOfBirth)}${age !== null ? ` (${age} years)` : ''}`;
}

/** "English · SMS, e-mail with attachments" — the language and the channels they accept. */
function messageChoices(p: Profile['patient']): string {
  const language = p.preferredLanguage === 'hi' ? 'हिन्दी' : 'English';
  const sms = !p.messageOptOuts.includes('sms');
  const email = !p.messageOptOuts.includes('email');
  const channels = [
    ...(sms ? ['SMS'] : []),
    ...(email ? [p.emailAttachments ? 'e-mail with attachments' : 'e-mail'] : []),
  ];
  return `${language} · ${channels.length > 0 ? channels.join(', ') : 'no SMS or e-mail'}`;
}

function Medical({ profile }: { profile: Profile }) {
  const p = profile.patient;
  return (
    <Panel title="Allergies and conditions">
      <Stack gap="4">
        <TagList
          label="Allergies"
          items={p.allergies}
          palette="red"
          none={allergyStatus(p) === 'none-known' ? 'No known allergies' : 'Not recorded (never asked)'}
        />
        <TagList
          label="Chronic conditions"
          items={p.chronicConditions}
          palette="orange"
          none="None recorded"
        />
      </Stack>
    </Panel>
  );
}

function TagList({
  label,
  items,
  palette,
  none,
}: {
  label: string;
  items: string[];
  palette: string;
  none: string;
}) {
  return (
    <Box>
      <Text fontWeight="medium" mb="1.5">
        {label}
      </Text>
      {items.length === 0 ? (
        <Text color="fg.muted">{none}</Text>
      ) : (
        <Wrap gap="2">
          {items.map((item) => (
            <Badge key={item} colorPalette={palette} variant="subtle" size="md">
              {item}
            </Badge>
          ))}
        </Wrap>
      )}
    </Box>
  );
}
