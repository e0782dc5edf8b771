import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { seededTemplate } from './demo-template';
import { repoRoot, spawnHub } from './hub-process';

/**
 * The companion app's PWA tests' hub, until renderer/testing/companion-phone.ts (the shared phone
 * harness) lands: a demo hub process with its patient gateway on, and a small server in front of
 * it that serves the built companion (dist/companion, the SPA falling back to companion.html) at
 * its root and forwards /api to the gateway, as the gateway itself will.
 */
export const companionBuild = join(repoRoot, 'dist', 'companion');
const APP_PASSWORD = 'Monsoon-Rains-2026';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PwaHub {
  /** Where the phone opens the app (the companion at the root, the API under /api). */
  url: string;
  dataDir: string;
  /** Signs a new patient up and activates them: their session as the app stores it. */
  signUp(fullName: string, phone: string): Promise<{ token: string; patientId: string }>;
  stop(): Promise<void>;
}

export async function startPwaHub(): Promise<PwaHub> {
  if (!existsSync(join(companionBuild, 'companion.html'))) {
    throw new Error('The companion is not built: run `npm run build:companion` first.');
  }
  const template = await seededTemplate();
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-pwa-hub-'));
  cpSync(template, dataDir, { recursive: true, filter: (src) => !/hub\.pid$|seeded\.ok$/.test(src) });
  const gatewayPort = await freePort();
  const hub = await spawnHub(['--data-dir', dataDir, '--gateway-port', String(gatewayPort)]);
  const gateway = `http://127.0.0.1:${gatewayPort}`;

  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/')) {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers))
          if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
        fetch(`${gateway}${request.url}`, {
          method: request.method ?? 'GET',
          headers,
          ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
        })
          .then(async (answer) => {
            const body = Buffer.from(await answer.arrayBuffer());
            const out: Record<string, string> = {};
            answer.headers.forEach((value, name) => {
              if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
                out[name] = value;
            });
            response.writeHead(answer.status, out).end(body);
          })
          .catch(() => response.writeHead(502).end());
      });
      return;
    }
    const file = normalize(join(companionBuild, path));
    const servable = file.startsWith(companionBuild) && existsSync(file) && extname(file) !== '';
    const target = servable ? file : join(companionBuild, 'companion.html');
    response
      .writeHead(200, {
        'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      })
      .end(readFileSync(target));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  // The gateway opens a moment after the hub's LAN port: wait until it answers (bounded).
  for (let attempt = 0; ; attempt++) {
    const ok = await fetch(`${gateway}/api/v1/clinic`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (attempt > 200) throw new Error(`The gateway on ${gateway} never answered`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const answer = await fetch(`${gateway}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`POST ${path}: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as T;
  };

  return {
    url,
    dataDir,
    async signUp(fullName, phone) {
      await post('/auth/sign-up', { fullName, phone, dateOfBirth: '1991-03-08', email: null });
      const db = new BetterSqlite3(join(dataDir, 'clinic.db'), { readonly: true });
      let row: { patientId: string; body: string } | undefined;
      try {
        row = db
          .prepare(
            `SELECT n.patientId, n.body FROM notifications n JOIN patients p ON p.id = n.patientId
             WHERE p.phoneNormalized = ? AND n.kind = 'activation_code' AND n.channel = 'sms'
             ORDER BY n.rowid DESC LIMIT 1`,
          )
          .get(phone.replace(/\D/g, '').slice(-10)) as typeof row;
      } finally {
        db.close();
      }
      const code = row && /\b(\d{6})\b/.exec(row.body)?.[1];
      if (!row || !code) throw new Error(`No activation code was texted to ${phone}`);
      const { token } = await post<{ token: string }>('/auth/activate', {
        login: phone,
        code,
        password: APP_PASSWORD,
        deviceId: 'patient-phone',
      });
      return { token, patientId: row.patientId };
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
