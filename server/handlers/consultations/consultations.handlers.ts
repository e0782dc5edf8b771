import type { HandlerMap } from '@server/core/handler';
import { completeHandlers } from './complete.handlers';
import { prescriptionHandlers } from './prescription.handlers';
import { readHandlers } from './reads.handlers';
import { recordHandlers } from './records.handlers';

/** Consultation records, signing, addenda, completion and the prescription PDF (docs/product.md §8, §12). */
export const consultationHandlers: HandlerMap = {
  ...recordHandlers,
  ...readHandlers,
  ...completeHandlers,
  ...prescriptionHandlers,
};
