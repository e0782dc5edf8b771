import { failure } from '@shared/contract/errors';
import type { ClinicSettings } from '@shared/domain/settings.schema';
import { type HandlerMap, handler } from '@server/core/handler';

/** Clinic settings and policies (docs/product.md §3–5, §9). */
export const settingsHandlers: HandlerMap = {
  'settings.get': handler('settings.get', { run: (_input, ctx) => ctx.settings() }),

  'settings.update': handler('settings.update', {
    run: (input, ctx) => {
      const before = ctx.settings();
      // Bookings keep their clinic date and wall-clock times in the zone they were made in.
      if (
        input.timeZone !== before.timeZone &&
        ctx.db.first(ctx.db.q.selectFrom('appointments').select('id'))
      ) {
        throw failure(
          'POLICY',
          `The time zone cannot be changed from ${before.timeZone} once appointments exist: ` +
            'their dates and times were fixed in that zone.',
          { fields: [{ field: 'timeZone', message: 'cannot change once appointments exist' }] },
        );
      }
      ctx.hub.saveSettings(input);
      ctx.changed('settings', '1');
      const changed = (Object.keys(input) as (keyof ClinicSettings)[]).filter(
        (key) => JSON.stringify(input[key]) !== JSON.stringify(before[key]),
      );
      ctx.audit({
        kind: 'change',
        action: 'settings.update',
        entity: 'settings',
        entityId: '1',
        patientId: null,
        details: { fields: changed },
      });
      return ctx.settings();
    },
  }),
};
