import { createServer } from 'node:net';

/**
 * Binds the port for a moment and lets it go: rejects with listen's own error (EADDRINUSE,
 * EACCES) when the hub could not listen there now. For checks before slow start-up work.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
