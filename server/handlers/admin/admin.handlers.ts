import type { AuditEvent } from '@shared/domain/audit.schema';
import { type HandlerMap, handler } from '@server/core/handler';
import { analyticsHandlers } from './analytics.handlers';
import { auditCsv, auditFileName } from './audit-export';

/** Analytics and the audit log (docs/product.md §11). */
export const adminHandlers: HandlerMap = {
  ...analyticsHandlers,
  'audit.list': handler('audit.list', {
    run: (input, ctx) => {
      let query = ctx.db.q.selectFrom('audit_log');
      if (input.from) query = query.where('at', '>=', input.from);
      if (input.to) query = query.where('at', '<', input.to);
      if (input.userId) query = query.where('actorUserId', '=', input.userId);
      if (input.patientId) query = query.where('patientId', '=', input.patientId);
      const total = ctx.db.first(query.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
      const rows = ctx.db.all(
        query.selectAll().orderBy('seq', 'desc').limit(input.limit).offset(input.offset),
      );
      const items = rows.map((row): AuditEvent => ({
        ...row,
        actorRole: row.actorRole as AuditEvent['actorRole'],
        details: JSON.parse(row.details) as Record<string, unknown>,
      }));
      return { items, total };
    },
  }),

  'audit.export': handler('audit.export', {
    run: (input, ctx) => {
      const zone = ctx.settings().timeZone;
      return {
        fileName: auditFileName(input, zone, ctx.now),
        mimeType: 'text/csv' as const,
        text: auditCsv(ctx.db, input, zone),
      };
    },
  }),

  'audit.verify': handler('audit.verify', {
    // Years of entries take seconds: walked before the transaction, letting other work in between.
    prepare: async (_input, ctx) => (await ctx.hub.auditGuard?.checkNow()) ?? ctx.hub.audit.verify(),
    run: (_input, _ctx, { ok, checked, firstBadSeq, problem }) => ({ ok, checked, firstBadSeq, problem }),
  }),
  'audit.status': handler('audit.status', {
    run: (_input, ctx) => ctx.hub.auditGuard?.status() ?? { lastCheck: null, alarm: null },
  }),
};
