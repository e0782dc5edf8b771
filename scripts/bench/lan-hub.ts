import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnHub } from '@renderer/testing/demo-hub';
import { callOver, connectTo, send } from '@server/testing/socket-hub';

export interface LanHub {
  url: string;
  stop(): Promise<void>;
}

/**
 * A hub in its own process (`npm run hub` on a fresh data folder, 127.0.0.1, mDNS off), set up
 * through its LAN endpoint with an admin and the given receptionists, as a clinic would run it:
 * nothing else shares its event loop or heap.
 */
export async function startLanHub(receptionists: string[], password: string): Promise<LanHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-bench-hub-'));
  const hub = await spawnHub(['--data-dir', dataDir]);
  const socket = await connectTo(hub.url, { deviceId: 'bench-setup' });
  try {
    const setup = await callOver(socket, 'auth.setup', {
      settings: {
        clinicName: 'Bench Clinic',
        timeZone: 'Asia/Kolkata',
        defaultBuffers: { before: 0, after: 0 },
      },
      admin: { username: 'admin', displayName: 'Admin', password },
      deviceId: 'bench-setup',
    });
    const adopted = await send(socket, 'auth', { token: setup.token });
    if (!adopted.ok) throw new Error('the bench admin could not authenticate the socket');
    for (const username of receptionists) {
      await callOver(socket, 'users.create', {
        id: randomUUID(),
        username,
        displayName: username,
        role: 'receptionist',
        password,
      });
    }
  } finally {
    socket.disconnect();
  }
  return {
    url: hub.url,
    async stop() {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
