import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron binary, or null where its runtime was never downloaded (electron's install script
 * is not run by this project's allowScripts; it cannot reach its host on the CI machines).
 */
export function electronRuntime(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
