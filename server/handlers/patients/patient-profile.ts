import type { z } from 'zod';
import type { patientProfileSchema } from '@shared/contract/patients.contract';
import type { Bill, BillItem } from '@shared/domain/billing.schema';
import { ageOn } from '@shared/rules/patient-identity';
import { clinicDate } from '@shared/rules/zoned-time';
import { decode } from '@server/db/codecs';
import type { HandlerContext } from '@server/core/handler';
import { appointmentFromRow } from '@server/handlers/clinic/appointment-rows';
import { getPatient } from '@server/repositories/lookups.repository';

export type PatientProfile = z.infer<typeof patientProfileSchema>;

/** docs/product.md §2 profile: demographics with age on the clinic's today, appointments and bills, newest first. */
export function patientProfile(ctx: HandlerContext, patientId: string): PatientProfile {
  const { db } = ctx;
  const patient = getPatient(db, patientId);
  const today = clinicDate(ctx.now, ctx.settings().timeZone);
  const appointments = db
    .all(
      db.q
        .selectFrom('appointments')
        .selectAll()
        .where('patientId', '=', patientId)
        .orderBy('startMs', 'desc'),
    )
    .map(appointmentFromRow);
  return {
    patient,
    ageYears: ageOn(patient.dateOfBirth, today),
    appointments,
    bills: billsOf(ctx, patientId),
  };
}

function billsOf(ctx: HandlerContext, patientId: string): Bill[] {
  const { db } = ctx;
  const rows = db.all(
    db.q
      .selectFrom('bills')
      .selectAll()
      .where('patientId', '=', patientId)
      .orderBy('createdAt', 'desc')
      .orderBy('id'),
  );
  if (rows.length === 0) return [];
  const items = new Map<string, BillItem[]>();
  const itemRows = db.all(
    db.q
      .selectFrom('bill_items')
      .selectAll()
      .where(
        'billId',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('billId')
      .orderBy('position'),
  );
  for (const row of itemRows) {
    const list = items.get(row.billId) ?? [];
    list.push(decode<BillItem>('bill_items', { ...row }));
    items.set(row.billId, list);
  }
  return rows.map((row) => ({
    ...decode<Omit<Bill, 'items'>>('bills', { ...row }),
    items: items.get(row.id) ?? [],
  }));
}
