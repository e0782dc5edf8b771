import type { HandlerMap } from '@server/core/handler';
import { completeHandlers } from './complete.handlers';
import { readHandlers } from './reads.handlers';
import { recordHandlers } from './records.handlers';

/**
 * Consultation records, signing, addenda, completion (SPEC §8). consultations.prescriptionPdf is
 * not implemented here yet (documents, SPEC §12).
 */
export const consultationHandlers: HandlerMap = {
  ...recordHandlers,
  ...readHandlers,
  ...completeHandlers,
};
