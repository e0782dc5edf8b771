/** What a device is called when nobody has named it and it gave no name ("Browser 34cc3a39"). */
export function unnamedDeviceLabel(deviceId: string, kind: string | null = null): string {
  const short = deviceId.replace(/^(browser|desktop|device)-/, '').slice(0, 8);
  const what = kind === 'browser' ? 'Browser' : kind === 'desktop' ? 'Desktop' : 'Device';
  return `${what} ${short}`;
}

/**
 * A browser's name for itself from its user agent, e.g. "Chrome on Windows" (until the admin
 * names it). Edge and Chrome both say "Chrome"; Edge adds "Edg/".
 */
export function browserNameOf(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS/.test(userAgent)
          ? 'macOS'
          : /Linux|CrOS/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}
