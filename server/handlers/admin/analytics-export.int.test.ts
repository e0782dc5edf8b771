import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfFlatText, pdfInfo, previewPdf } from '@server/testing/pdf-reader';
import { failureOf } from '@server/testing/failure';
import { createTestHub, freshAdmin, type TestHub } from '@server/testing/test-hub';
import { clinicDays, MON, WED } from './clinic-days.testing';

describe('analytics.export', () => {
  let hub: TestHub;
  let world: Awaited<ReturnType<typeof clinicDays>>;

  beforeEach(async () => {
    hub = await createTestHub();
    world = await clinicDays(hub);
  }, 60_000);
  afterEach(() => hub.close());

  it('writes the dashboard as CSV: RFC 4180 lines, exact decimal amounts, doctor names', async () => {
    const csv = await hub.call(await freshAdmin(hub), 'analytics.export', {
      format: 'csv',
      fromDate: MON,
      toDate: WED,
    });
    if (!('text' in csv)) throw new Error('expected CSV');
    expect(csv).toMatchObject({ fileName: `analytics-${MON}-to-${WED}.csv`, mimeType: 'text/csv' });
    expect(csv.text.startsWith('\uFEFFClinic analytics,Sunrise Clinic\r\n')).toBe(true);
    const lines = csv.text.slice(1).split('\r\n');
    // When it was made, in the clinic's time with its offset (not UTC).
    expect(lines.find((line) => line.startsWith('Generated,'))).toMatch(
      /^Generated,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/,
    );
    for (const expected of [
      'Appointments,7',
      'Completed,4',
      'Cancelled,1',
      'No-shows,1',
      'No-show rate,0.2',
      'Revenue (INR),1950.00',
      'Date,Appointments,Completed,Cancelled,No-shows,Revenue (INR)',
      '2026-11-23,4,2,1,1,1100.00',
      '2026-11-24,3,2,0,0,700.00',
      '2026-11-25,0,0,0,0,150.00',
      'Revenue by day',
      'Period,Total (INR),Cash,Card,UPI',
      '2026-11-23,1100.00,300.00,600.00,200.00',
      '2026-11-25,150.00,-50.00,0.00,200.00',
      'Doctor,Consultations,Revenue (INR),No-show rate',
      'Dr Arjun Iyer,2,1000.00,0',
      'Dr Kavita Menon,2,950.00,0.3333',
      '09:00,3',
      'Time,Bookings',
      '10:00,2',
      '2026-11-24,1,1',
    ]) {
      expect(lines).toContain(expected);
    }
  });

  it('writes the dashboard as an A4 PDF report', async () => {
    const pdf = await hub.call(await freshAdmin(hub), 'analytics.export', {
      format: 'pdf',
      fromDate: '2026-11-01',
      toDate: '2026-12-31',
    });
    if (!('base64' in pdf)) throw new Error('expected PDF');
    expect(pdf).toMatchObject({
      fileName: 'analytics-2026-11-01-to-2026-12-31.pdf',
      mimeType: 'application/pdf',
    });
    await previewPdf('analytics-a4', pdf.base64);
    expect(await pdfInfo(pdf.base64)).toMatchObject({ width: 595.28, height: 841.89 });
    const text = await pdfFlatText(pdf.base64);
    for (const expected of [
      'ANALYTICS REPORT',
      '1 Nov 2026 – 31 Dec 2026',
      // Summary tiles, three to a row: labels, then figures.
      'APPOINTMENTS COMPLETED CANCELLED 7 4 1',
      'NO-SHOWS NO-SHOW RATE REVENUE 1 20.0% ₹1,950.00',
      // 61 days: revenue and patients by ISO week.
      'REVENUE BY WEEK',
      '2026-W48 ₹550.00 ₹600.00 ₹800.00 ₹1,950.00',
      'Dr Kavita Menon 2 33.3% ₹950.00',
      'VISITS BY HOUR OF DAY 09:00 3 11:00 1',
      'MOST BOOKED SLOTS 09:00 3 10:00 2 09:30 1 11:00 1',
      '2026-W48 3 0 3',
      'Dr Arjun Iyer 2 0.0% ₹1,000.00',
      // Appointments by week over the 61 days (a daily table only for a month or less).
      'APPOINTMENTS BY WEEK',
      '2026-W48 7 4 1 1 ₹1,950.00',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('lists appointments by day in a report of a month or less', async () => {
    const pdf = await hub.call(await freshAdmin(hub), 'analytics.export', {
      format: 'pdf',
      fromDate: MON,
      toDate: WED,
    });
    if (!('base64' in pdf)) throw new Error('expected PDF');
    await previewPdf('analytics-a4-days', pdf.base64);
    const text = await pdfFlatText(pdf.base64);
    expect(text).toContain('APPOINTMENTS BY DAY');
    expect(text).toContain('Mon, 23 Nov 2026 4 2 1 1 ₹1,100.00');
    expect(text).toContain('Wed, 25 Nov 2026 0 0 0 0 ₹150.00');
    expect(text).toContain('REVENUE BY DAY');
    expect(text).toContain('2026-11-25 -₹50.00 ₹0.00 ₹200.00 ₹150.00');
  });

  it('leaves a month’s empty days out of its daily tables: one page, not pages of zeros', async () => {
    const pdf = await hub.call(await freshAdmin(hub), 'analytics.export', {
      format: 'pdf',
      fromDate: '2026-11-01',
      toDate: '2026-11-30',
    });
    if (!('base64' in pdf)) throw new Error('expected PDF');
    await previewPdf('analytics-a4-month', pdf.base64);
    expect(await pdfInfo(pdf.base64)).toMatchObject({ pages: 1 });
    const text = await pdfFlatText(pdf.base64);
    expect(text).toContain('REVENUE BY DAY');
    expect(text).toContain('2026-11-23 ₹300.00 ₹600.00 ₹200.00 ₹1,100.00');
    expect(text).not.toContain('2026-11-10');
    expect(text).toContain('Days without appointments, payments or patients are left out');
  });

  it('is for the admin only', async () => {
    const error = await failureOf(
      hub.call(world.reception, 'analytics.export', { format: 'csv', fromDate: MON, toDate: WED }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
  });
});
