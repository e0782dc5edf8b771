import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { auditKeyFile } from './data-dir';

const KEY_BYTES = 32;

/**
 * The audit chain's HMAC key, kept beside the database but outside it (docs/product.md §11): 32 random
 * bytes created on first start, readable by the hub's user only.
 */
export function loadAuditKey(dataDir: string): { key: Buffer; created: boolean } {
  const file = auditKeyFile(dataDir);
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length !== KEY_BYTES) {
      throw new Error(
        `${file} is damaged (${key.length} bytes instead of ${KEY_BYTES}). Restore it from the hub's backup.`,
      );
    }
    return { key, created: false };
  }
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, key, { flag: 'wx', mode: 0o600 });
  return { key, created: true };
}
