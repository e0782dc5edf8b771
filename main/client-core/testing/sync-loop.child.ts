/**
 * A desktop in a plain Node process of its own, signed in and left to its sync loop (reconnects,
 * pokes, timers: nobody awaits them). Prints `state {json}` at every change of its connection
 * state and answers each line on stdin with `alive {json}`, which proves the process still runs.
 * Usage: node --import tsx sync-loop.child.ts DATA_DIR HUB_URL USERNAME PASSWORD
 */
import { createInterface } from 'node:readline';
import { createClientCore } from '@main/client-core/client-core';

const [dataDir, hubUrl, username, password] = process.argv.slice(2) as [string, string, string, string];
const core = createClientCore({ dataDir, hubUrl, deviceId: 'sync-process', deviceName: 'sync process' });
core.onStateChange((state) => process.stdout.write(`state ${JSON.stringify(state)}\n`));
createInterface({ input: process.stdin }).on('line', () =>
  process.stdout.write(`alive ${JSON.stringify(core.connectionState())}\n`),
);
await core.signIn(username, password);
