import { z } from 'zod';
import { idSchema, requiredText } from '@shared/domain/common.schema';
import { prescriptionItemSchema } from '@shared/domain/consultation.schema';
import {
  formularyEntryDetailsSchema,
  formularyEntrySchema,
  prescriptionTemplateSchema,
} from '@shared/domain/formulary.schema';
import { byIdSchema, okSchema } from './common';
import { command, query } from './define';

/** The clinic's formulary additions (shipped data: shared/formulary/) and doctors' prescription templates. */
export const formularyContract = {
  'formulary.list': query(
    'The medicines the clinic added to the shipped formulary (generic, brands, classes).',
    z.strictObject({}),
    z.array(formularyEntrySchema),
    'replica',
  ),
  'formulary.addEntry': command(
    'Add a medicine to the formulary (admin): a generic ("A + B" for a combination), its brands and classes.',
    z.strictObject({ id: idSchema, details: formularyEntryDetailsSchema }),
    formularyEntrySchema,
    'online-only',
  ),
  'prescriptions.templates': query(
    'The signed-in doctor’s prescription templates and favourites, by name.',
    z.strictObject({}),
    z.array(prescriptionTemplateSchema),
    'replica',
  ),
  'prescriptions.saveTemplate': command(
    'Save prescription rows under a name for the signed-in doctor (a template with the same name is replaced).',
    z.strictObject({
      id: idSchema,
      name: requiredText(80),
      items: z.array(prescriptionItemSchema).min(1, { error: 'must hold at least one medicine' }).max(50),
    }),
    prescriptionTemplateSchema,
    'queue',
  ),
  'prescriptions.deleteTemplate': command(
    'Delete one of the signed-in doctor’s prescription templates.',
    byIdSchema,
    okSchema,
    'queue',
  ),
};
