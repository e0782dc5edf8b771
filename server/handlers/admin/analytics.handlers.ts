import { failure } from '@shared/contract/errors';
import { type HandlerMap, handler } from '@server/core/handler';
import type { AnalyticsExport } from '@server/documents/analytics.document';
import { documentHandler, pdfResult } from '@server/documents/document-handler';
import { analyticsCsv } from './analytics-csv';
import { buildDashboard, MAX_RANGE_DAYS, summaryByPeriod } from './analytics-dashboard';
import { datesBetween, type Granularity } from './analytics-periods';

function checkRange(range: { fromDate: string; toDate: string }): void {
  if (datesBetween(range.fromDate, range.toDate).length > MAX_RANGE_DAYS) {
    throw failure('VALIDATION', `Choose a range of at most ${MAX_RANGE_DAYS} days.`, {
      fields: [{ field: 'toDate', message: `must be at most ${MAX_RANGE_DAYS} days after fromDate` }],
    });
  }
}

/** Exports pick the period by the range's length: days up to a month, weeks up to half a year. */
function exportGranularity(range: { fromDate: string; toDate: string }): Granularity {
  const days = datesBetween(range.fromDate, range.toDate).length;
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

/** Analytics for the admin (docs/product.md §11): the dashboard, and its export as CSV or PDF. */
export const analyticsHandlers: HandlerMap = {
  'analytics.dashboard': handler('analytics.dashboard', {
    run: (input, ctx) => {
      checkRange(input);
      const range = { fromDate: input.fromDate, toDate: input.toDate, zone: ctx.settings().timeZone };
      const { doctorNames: _names, ...dashboard } = buildDashboard(ctx.db, range, input.granularity);
      return dashboard;
    },
  }),

  'analytics.export': documentHandler('analytics.export', {
    load: (input, ctx): AnalyticsExport => {
      checkRange(input);
      const clinic = ctx.settings();
      const granularity = exportGranularity(input);
      const { fromDate, toDate } = input;
      const { doctorNames, ...dashboard } = buildDashboard(
        ctx.db,
        { fromDate, toDate, zone: clinic.timeZone },
        granularity,
      );
      return {
        clinic,
        fromDate,
        toDate,
        granularity,
        generatedAt: ctx.now,
        dashboard,
        doctorNames,
        byPeriod: summaryByPeriod(dashboard.days, granularity),
      };
    },
    render: async (data, input) => {
      if (input.format === 'pdf')
        return pdfResult(
          await (await import('@server/documents/analytics.document')).renderAnalytics(data, 'A4'),
        );
      return {
        fileName: `analytics-${data.fromDate}-to-${data.toDate}.csv`,
        mimeType: 'text/csv' as const,
        text: analyticsCsv(data),
      };
    },
  }),
};
