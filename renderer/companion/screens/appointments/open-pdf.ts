import { api } from '@renderer/companion/api/client';

/**
 * Fetches a PDF with the session (the token never goes in a URL) and opens it: the phone's viewer
 * shows it and offers to save or share. The blob URL is freed once the viewer has had time to load.
 */
export async function openPdf(path: string, fileName: string): Promise<void> {
  const blob = await api.pdf(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener';
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
