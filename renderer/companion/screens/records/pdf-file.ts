import { api } from '@renderer/companion/api/client';

/** How long a PDF's object URL lives: long enough for the viewer tab to load it. */
const URL_LIFETIME_MS = 60_000;

function objectUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  window.setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  return url;
}

/**
 * Opens a PDF in a new tab. The tab is opened at the tap itself (a browser lets a tap open a
 * window, not a later promise), then pointed at the PDF once it has arrived.
 */
export async function openPdf(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = objectUrl(await api.pdf(path));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/** Saves a PDF on the phone under `fileName`. */
export async function downloadPdf(path: string, fileName: string): Promise<void> {
  const link = document.createElement('a');
  link.href = objectUrl(await api.pdf(path));
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
