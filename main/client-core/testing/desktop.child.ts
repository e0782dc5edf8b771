/**
 * A desktop in its own process, for tests that kill it: unlocks offline as a user who signed in on
 * this data directory before, registers patients (each committed locally before the next), says
 * "committed" and waits to be killed.
 * Usage: node --import tsx desktop.child.ts DATA_DIR HUB_URL USERNAME PASSWORD COUNT
 */
import { randomUUID } from 'node:crypto';
import { createClientCore } from '@main/client-core/client-core';

const [dataDir, hubUrl, username, password, count] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const core = createClientCore({ dataDir, hubUrl, deviceId: 'killed-desktop', deviceName: 'killed' });
await core.unlock(username, password);
for (let i = 0; i < Number(count); i++) {
  await core.call('patients.register', {
    id: randomUUID(),
    details: { fullName: `Killed Desk ${i}`, sex: 'unknown' },
  });
}
process.stdout.write(`committed ${core.connectionState().pendingCount}\n`);
setInterval(() => undefined, 60_000);
