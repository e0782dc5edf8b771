import { z } from 'zod';
import {
  idSchema,
  instantSchema,
  isoDateSchema,
  minorUnitsSchema,
  pageSchema,
} from '@shared/domain/common.schema';
import { auditEventSchema } from '@shared/domain/audit.schema';
import { dateRangeSchema, documentSchema, pageOf } from './common';
import { query } from './define';

const modeSplitSchema = z.strictObject({
  cash: minorUnitsSchema,
  card: minorUnitsSchema,
  upi: minorUnitsSchema,
});

export const analyticsDashboardSchema = z.strictObject({
  days: z.array(
    z.strictObject({
      date: isoDateSchema,
      total: z.number().int(),
      completed: z.number().int(),
      cancelled: z.number().int(),
      noShow: z.number().int(),
      revenue: minorUnitsSchema,
    }),
  ),
  revenue: z.array(
    z.strictObject({
      period: z.string(),
      granularity: z.enum(['day', 'week', 'month']),
      total: minorUnitsSchema,
      byMode: modeSplitSchema,
    }),
  ),
  doctors: z.array(
    z.strictObject({
      doctorId: idSchema,
      consultations: z.number().int(),
      revenue: minorUnitsSchema,
      noShowRate: z.number().min(0).max(1),
    }),
  ),
  noShowRate: z.number().min(0).max(1),
  /** Visits by local hour of day (0–23). */
  peakHours: z.array(z.strictObject({ hour: z.number().int().min(0).max(23), visits: z.number().int() })),
  /** Most booked local slot times, e.g. 10:00. */
  popularSlots: z.array(z.strictObject({ localTime: z.string(), bookings: z.number().int() })),
  patientTrends: z.array(
    z.strictObject({
      period: z.string(),
      newPatients: z.number().int(),
      returningPatients: z.number().int(),
    }),
  ),
});

/** Analytics, reports and the audit log (admin; docs/product.md §11). */
export const adminContract = {
  'analytics.dashboard': query(
    'Daily summary, revenue (day/week/month with payment-mode split), doctor-wise figures, no-show ' +
      'rate, peak hours, popular slots and patient visit trends for a date range.',
    z.strictObject({ granularity: z.enum(['day', 'week', 'month']).default('day') }).and(dateRangeSchema),
    analyticsDashboardSchema,
    'online-only',
  ),
  'analytics.export': query(
    'The dashboard as CSV (text) or PDF (base64).',
    z.strictObject({ format: z.enum(['csv', 'pdf']) }).and(dateRangeSchema),
    z.union([
      z.strictObject({ fileName: z.string(), mimeType: z.literal('text/csv'), text: z.string() }),
      documentSchema,
    ]),
    'online-only',
  ),
  'audit.list': query(
    'Audit entries filtered by date range, user and patient, newest first.',
    z.strictObject({
      from: instantSchema.optional(),
      to: instantSchema.optional(),
      userId: idSchema.optional(),
      patientId: idSchema.optional(),
      ...pageSchema.shape,
    }),
    pageOf(auditEventSchema),
    'online-only',
  ),
  'audit.export': query(
    'The audit entries of the filters as CSV: when (clinic time), who (name, role), what (in words), ' +
      'which record and patient, which device; oldest first, at most 100,000 entries.',
    z.strictObject({
      from: instantSchema.optional(),
      to: instantSchema.optional(),
      userId: idSchema.optional(),
      patientId: idSchema.optional(),
    }),
    z.strictObject({ fileName: z.string(), mimeType: z.literal('text/csv'), text: z.string() }),
    'online-only',
  ),
  'audit.verify': query(
    'Re-walk the hash chain: reports the first entry that was edited, removed or reordered.',
    z.strictObject({}),
    z.strictObject({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBadSeq: z.number().int().nullable(),
      problem: z.string().nullable(),
    }),
    'online-only',
  ),
  'audit.status': query(
    'The last check of the audit chain (at start, daily or on demand) and the alarm kept since ' +
      'a check first found it edited, cut short or wiped (with the first bad entry).',
    z.strictObject({}),
    z.strictObject({
      lastCheck: z
        .strictObject({
          kind: z.enum(['start', 'daily', 'manual']),
          at: instantSchema,
          ok: z.boolean(),
          checked: z.number().int(),
          firstBadSeq: z.number().int().nullable(),
          problem: z.string().nullable(),
        })
        .nullable(),
      alarm: z
        .strictObject({
          firstBadSeq: z.number().int().nullable(),
          problem: z.string(),
          detectedAt: instantSchema,
        })
        .nullable(),
    }),
    'online-only',
  ),
} as const;
