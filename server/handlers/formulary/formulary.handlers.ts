import { failure } from '@shared/contract/errors';
import { notFound } from '@shared/contract/not-found';
import type { FormularyEntry, PrescriptionTemplate } from '@shared/domain/formulary.schema';
import { shippedFormulary } from '@shared/formulary/formulary';
import { foldName } from '@shared/rules/patient-identity';
import type { HandlerContext, HandlerMap } from '@server/core/handler';
import { handler } from '@server/core/handler';
import { encodeRow } from '@server/db/codecs';
import { formularyEntries, templatesOf } from './formulary.repository';

function myDoctorId(ctx: HandlerContext): string {
  const doctorId = ctx.actor?.doctorId;
  if (!doctorId) throw failure('FORBIDDEN', 'Only a doctor’s account has prescription templates.');
  return doctorId;
}

/** A brand the formulary already gives to another generic would make allergy checks ambiguous. */
function assertBrandsFree(ctx: HandlerContext, entry: FormularyEntry) {
  const shipped = shippedFormulary();
  const generic = foldName(entry.generic);
  const fields: { field: string; message: string }[] = [];
  entry.brands.forEach((brand, index) => {
    const known = shipped.exact(brand);
    if (known && !(known.generics.length === 1 && foldName(known.generics[0]!) === generic)) {
      fields.push({
        field: `details.brands.${index}`,
        message: `is already ${known.name} (${known.generics.join(' + ')})`,
      });
    }
  });
  const taken = new Set(formularyEntries(ctx.db).flatMap((e) => e.brands.map(foldName)));
  entry.brands.forEach((brand, index) => {
    if (taken.has(foldName(brand)))
      fields.push({ field: `details.brands.${index}`, message: 'is already in the formulary' });
  });
  if (fields.length > 0) throw failure('CONFLICT', 'A brand name is already in the formulary.', { fields });
}

/** The clinic's formulary additions (admin) and each doctor's prescription templates. */
export const formularyHandlers: HandlerMap = {
  'formulary.list': handler('formulary.list', { run: (_input, ctx) => formularyEntries(ctx.db) }),

  'formulary.addEntry': handler('formulary.addEntry', {
    run: (input, ctx) => {
      if (ctx.db.first(ctx.db.q.selectFrom('formulary_entries').select('id').where('id', '=', input.id))) {
        throw failure('CONFLICT', 'This formulary entry already exists.');
      }
      const entry: FormularyEntry = {
        id: input.id,
        generic: input.details.generic,
        brands: [...new Set(input.details.brands)],
        classes: [...new Set(input.details.classes)],
        createdBy: ctx.actor!.userId,
        createdAt: ctx.now,
      };
      assertBrandsFree(ctx, entry);
      ctx.db.run(ctx.db.q.insertInto('formulary_entries').values(encodeRow('formulary_entries', entry)));
      ctx.changed('formulary_entries', entry.id);
      return entry;
    },
  }),

  'prescriptions.templates': handler('prescriptions.templates', {
    run: (_input, ctx) => templatesOf(ctx.db, myDoctorId(ctx)),
  }),

  'prescriptions.saveTemplate': handler('prescriptions.saveTemplate', {
    run: (input, ctx) => {
      const doctorId = myDoctorId(ctx);
      const mine = templatesOf(ctx.db, doctorId);
      const sameId = ctx.db.first(
        ctx.db.q.selectFrom('prescription_templates').select('doctorId').where('id', '=', input.id),
      );
      if (sameId && sameId.doctorId !== doctorId) throw notFound('prescriptionTemplate');
      // Saving under a name already used replaces that template (its id stays).
      const previous =
        mine.find((t) => t.id === input.id) ?? mine.find((t) => foldName(t.name) === foldName(input.name));
      const template: PrescriptionTemplate = {
        id: previous?.id ?? input.id,
        doctorId,
        name: input.name,
        items: input.items,
        createdAt: previous?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      };
      const row = encodeRow('prescription_templates', template);
      if (previous) {
        ctx.db.run(ctx.db.q.updateTable('prescription_templates').set(row).where('id', '=', previous.id));
      } else {
        ctx.db.run(ctx.db.q.insertInto('prescription_templates').values(row));
      }
      ctx.changed('prescription_templates', template.id);
      return template;
    },
  }),

  'prescriptions.deleteTemplate': handler('prescriptions.deleteTemplate', {
    run: (input, ctx) => {
      const doctorId = myDoctorId(ctx);
      const found = templatesOf(ctx.db, doctorId).find((t) => t.id === input.id);
      if (!found) throw notFound('prescriptionTemplate');
      ctx.db.run(ctx.db.q.deleteFrom('prescription_templates').where('id', '=', input.id));
      ctx.changed('prescription_templates', input.id, 'delete');
      return { ok: true as const };
    },
  }),
};
