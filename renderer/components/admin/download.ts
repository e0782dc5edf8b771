/** Saves a generated file (text, or base64 for PDFs) through the browser's download. */
export function downloadFile(
  file: { fileName: string; mimeType: string } & ({ text: string } | { base64: string }),
) {
  const blob =
    'text' in file
      ? new Blob([file.text], { type: file.mimeType })
      : new Blob([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
