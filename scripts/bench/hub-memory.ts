import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { spawnHub } from '@renderer/testing/demo-hub';
import { callOver, connectTo, send } from '@server/testing/socket-hub';

/**
 * The resident memory of a real hub process (`npm run hub`) serving a data folder: it opens the
 * database, a receptionist signs in over the LAN endpoint and runs the month-of-slots and
 * search queries, then the hub process's RSS is read from the operating system. Measured apart
 * from the bench process, whose heap still holds the data it generated.
 */
export async function hubProcessRssMb(
  dataDir: string,
  login: { username: string; password: string },
  queries: { month: { doctorId: string; fromDate: string; toDate: string }; searches: string[] },
): Promise<number> {
  const hub = await spawnHub(['--data-dir', dataDir]);
  const socket = await connectTo(hub.url, { deviceId: 'bench-memory' });
  try {
    const session = await callOver(socket, 'auth.login', { ...login, deviceId: 'bench-memory' });
    const adopted = await send(socket, 'auth', { token: session.token });
    if (!adopted.ok) throw new Error('the bench receptionist could not authenticate the socket');
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 8; i++) await callOver(socket, 'slots.list', queries.month);
      for (const text of queries.searches) await callOver(socket, 'patients.search', { text });
    }
    return Math.round(residentKb(hub.pid) / 1024);
  } finally {
    socket.disconnect();
    await hub.stop();
  }
}

function residentKb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const line = readFileSync(status, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
    if (line) return Number(line[1]);
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}
