import type { z } from 'zod';
import { clinicSettingsSchema } from '@shared/domain/settings.schema';

/** 'reminder': the reminder rule (a choice of two forms), with its own input; 'choice': one of an enum's values. */
export type FieldKind = 'text' | 'number' | 'boolean' | 'reminder' | 'choice';

export interface SettingsField {
  /** Dotted path into ClinicSettings, e.g. defaultBuffers.before. */
  path: string;
  label: string;
  helper?: string;
  kind: FieldKind;
  nullable: boolean;
  unit?: string;
  /** For a choice: each value's label, in the order offered. */
  choices?: Record<string, string>;
}

interface FieldSpec {
  path: string;
  label: string;
  helper?: string;
  unit?: string;
  /** A setting with an input of its own rather than one read from the schema. */
  kind?: 'reminder';
  choices?: Record<string, string>;
}

/**
 * Settings of features this build does not have yet (the waiting list's hold, patients moving
 * their own bookings online): not shown, so the screen promises nothing the clinic does not do.
 * Their values stay as saved (the form sends back every setting it loaded).
 */
export const HIDDEN_UNTIL_BUILT = ['patientDirectReschedule', 'waitlistHoldMinutes'] as const;

/** How the settings form is grouped; each field's input kind comes from the settings schema. */
const GROUPS: { title: string; description: string; fields: FieldSpec[] }[] = [
  {
    title: 'Clinic',
    description: 'Shown on slips, receipts and prescriptions.',
    fields: [
      { path: 'clinicName', label: 'Clinic name' },
      { path: 'address', label: 'Address' },
      { path: 'phone', label: 'Phone' },
      { path: 'email', label: 'Email' },
      {
        path: 'timeZone',
        label: 'Time zone',
        helper: 'IANA name, e.g. Asia/Kolkata. Cannot change once appointments exist.',
      },
      { path: 'currency', label: 'Currency', helper: 'ISO code, e.g. INR' },
      { path: 'locale', label: 'Locale', helper: 'For dates and money, e.g. en-IN' },
    ],
  },
  {
    title: 'Vitals',
    description: 'How nurses and doctors enter and read patients’ readings.',
    fields: [
      {
        path: 'temperatureUnit',
        label: 'Temperature unit',
        helper: 'Temperatures are entered and shown in this unit, and always stored in °C.',
        choices: { C: '°C (Celsius)', F: '°F (Fahrenheit)' },
      },
    ],
  },
  {
    title: 'Booking',
    description: 'How appointments are booked and kept apart (docs/product.md §3, §4).',
    fields: [
      {
        path: 'bookingNeedsConfirmation',
        label: 'Bookings need staff confirmation',
        helper: 'On: new bookings start as requested until staff confirm them.',
      },
      { path: 'minBookingNoticeMinutes', label: 'Minimum notice', unit: 'minutes' },
      { path: 'bookingHorizonDays', label: 'Booking horizon', unit: 'days ahead' },
      { path: 'defaultBuffers.before', label: 'Buffer before each appointment', unit: 'minutes' },
      { path: 'defaultBuffers.after', label: 'Buffer after each appointment', unit: 'minutes' },
      {
        path: 'doctorLeave',
        label: 'Doctors’ leave',
        choices: {
          doctors: 'Doctors mark their own leave',
          doctorsRequest: 'Doctors request leave; reception or admin approves',
          frontDesk: 'Only reception and admin put leave in',
        },
        helper: 'Either way, the bookings leave strands are shown and moved when it is added.',
      },
    ],
  },
  {
    title: 'Cancellation and refunds',
    description: 'What patients may do before their appointment (docs/product.md §5, §9).',
    fields: [
      { path: 'cancellationWindowMinutes', label: 'Cancellation window', unit: 'minutes before' },
      {
        path: 'refundPolicy.patientLatePercentBasisPoints',
        label: 'Refund after the window',
        unit: 'basis points',
        helper: 'Share refunded when a patient cancels late: 10000 = 100%, 5000 = 50%.',
      },
    ],
  },
  {
    title: 'Reminders',
    description: 'One reminder per appointment, by SMS, e-mail and the app (docs/product.md §10).',
    fields: [
      {
        path: 'reminder',
        label: 'Send the reminder',
        kind: 'reminder',
        helper: 'A booking made after this moment gets no reminder.',
      },
    ],
  },
  {
    title: 'Companion app',
    description: 'Where patients book and follow their token on their phone.',
    fields: [
      {
        path: 'companionAppUrl',
        label: 'Companion app link',
        helper:
          'An http:// or https:// link. Waiting-room displays with “Show QR code” on show it as a QR code.',
      },
    ],
  },
  {
    title: 'Sessions and security',
    description: 'When screens lock and sign-ins end (docs/product.md §15).',
    fields: [
      { path: 'screenLockMinutes', label: 'Lock the screen after', unit: 'idle minutes' },
      { path: 'sessionIdleMinutes', label: 'End a session after', unit: 'idle minutes' },
      { path: 'sessionAbsoluteHours', label: 'End every session after', unit: 'hours' },
    ],
  },
];

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The input kind of a settings path, read from the schema (defaults, nullables and pipes unwrapped). */
export function describe(path: string): { kind: FieldKind; nullable: boolean } {
  let schema: z.ZodType = clinicSettingsSchema;
  let nullable = false;
  const unwrap = () => {
    for (;;) {
      const d = def(schema);
      if (d.type === 'nullable') nullable = true;
      if ((d.type === 'default' || d.type === 'nullable' || d.type === 'optional') && d.innerType)
        schema = d.innerType;
      else if (d.type === 'pipe' && d.in) schema = d.in;
      else return d;
    }
  };
  for (const key of path.split('.')) {
    const d = unwrap();
    const next = d.shape?.[key];
    if (!next) throw new Error(`settings schema has no ${path}`);
    schema = next;
  }
  const type = unwrap().type;
  const kind =
    type === 'boolean' ? 'boolean' : type === 'number' ? 'number' : type === 'enum' ? 'choice' : 'text';
  return { kind, nullable };
}

export const SETTINGS_GROUPS = GROUPS.map((g) => ({
  ...g,
  fields: g.fields.map((f): SettingsField => ({
    ...f,
    ...describe(f.path),
    ...(f.kind ? { kind: f.kind } : {}),
  })),
}));

/** Every path the form shows (for mapping the hub's field errors). */
export const SETTINGS_PATHS = SETTINGS_GROUPS.flatMap((g) => g.fields.map((f) => f.path));

/** Where the hub may name a problem: each path, and the parts of the reminder rule. */
export const SETTINGS_ERROR_PATHS = [...SETTINGS_PATHS, 'reminder.at', 'reminder.hours'];
