import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';

const MAX_PDF_BYTES = 20 * 1024 * 1024;

/**
 * Prints a slip, receipt or prescription the hub made: the PDF opens in a hidden window with
 * Chromium's PDF viewer and the system print dialog is shown. The temp file is removed after.
 */
export async function printPdf(
  base64: string,
  title: string,
): Promise<{ printed: boolean; reason?: string }> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length > MAX_PDF_BYTES || bytes.subarray(0, 5).toString() !== '%PDF-') {
    return { printed: false, reason: 'Not a PDF document.' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'clinic-print-'));
  const file = join(dir, `${title.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'document'}.pdf`);
  writeFileSync(file, bytes);
  const window = new BrowserWindow({
    show: false,
    webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await window.loadURL(pathToFileURL(file).toString());
    return await new Promise((resolve) => {
      window.webContents.print({ silent: false, printBackground: true }, (printed, reason) =>
        resolve(printed ? { printed } : { printed, reason }),
      );
    });
  } finally {
    window.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
