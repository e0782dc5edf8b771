import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultDataDir } from './data-dir';

const realPlatform = process.platform;
/** env-paths reads the platform at each call; the home folder is this machine's. */
function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

describe('the default data directory', () => {
  const dirs: string[] = [];
  afterEach(() => {
    Object.defineProperty(process, 'platform', { value: realPlatform, configurable: true });
    vi.unstubAllEnvs();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("is the operating system's per-user application data folder", () => {
    onPlatform('linux');
    vi.stubEnv('XDG_DATA_HOME', '');
    expect(defaultDataDir()).toBe(join(homedir(), '.local', 'share', 'clinic-hub'));
    vi.stubEnv('XDG_DATA_HOME', '/data/asha');
    expect(defaultDataDir()).toBe(join('/data/asha', 'clinic-hub'));
    onPlatform('darwin');
    expect(defaultDataDir()).toBe(join(homedir(), 'Library', 'Application Support', 'Clinic Hub'));
  });

  it('is the local application data folder on Windows, or the roaming one a hub already uses', () => {
    const profile = mkdtempSync(join(tmpdir(), 'clinic-profile-'));
    dirs.push(profile);
    const [roaming, local] = [join(profile, 'Roaming'), join(profile, 'Local')];
    vi.stubEnv('APPDATA', roaming);
    vi.stubEnv('LOCALAPPDATA', local);
    onPlatform('win32');
    expect(defaultDataDir()).toBe(join(local, 'Clinic Hub', 'Data'));
    // A hub set up before env-paths: its database stays where it is.
    mkdirSync(join(roaming, 'Clinic Hub'), { recursive: true });
    expect(defaultDataDir()).toBe(join(local, 'Clinic Hub', 'Data'));
    writeFileSync(join(roaming, 'Clinic Hub', 'clinic.db'), '');
    expect(defaultDataDir()).toBe(join(roaming, 'Clinic Hub'));
  });
});
