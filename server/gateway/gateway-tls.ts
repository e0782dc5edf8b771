import { X509Certificate, createPrivateKey } from 'node:crypto';
import { type FSWatcher, readFileSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Server } from 'node:https';
import type { FastifyBaseLogger } from 'fastify';

/** `--gateway-tls-cert FILE --gateway-tls-key FILE`: the certificate (chain) and its key, PEM. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsPair {
  cert: string;
  key: string;
}

/**
 * Reads and checks a PEM pair: both parse, and the key is the certificate's. Throws a message
 * naming the file, so a bad pair is refused at start-up and kept out at a renewal.
 */
export function readTlsPair(files: TlsFiles): TlsPair {
  const cert = readPem(files.certFile, 'certificate');
  const key = readPem(files.keyFile, 'key');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw new Error(`${files.certFile} is not a PEM certificate: ${(error as Error).message}`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new Error(`${files.keyFile} is not a PEM private key: ${(error as Error).message}`);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new Error(`${files.keyFile} is not the key of the certificate in ${files.certFile}`);
  }
  return { cert, key };
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the TLS ${what} ${file}: ${(error as Error).message}`);
  }
}

export interface TlsWatchOptions {
  logger: FastifyBaseLogger;
  /** Events closer than this are one change (a renewal writes two files). */
  settleMs?: number;
  /** A re-read on a timer too, for file systems whose change events get lost. */
  recheckMs?: number;
}

/**
 * Certificate renewals without a restart (issue 19, item 5): when either file changes, the pair is
 * read again and, if it is whole and matching, used for new connections (server.setSecureContext);
 * connections already open keep theirs. The folders are watched, not the files, so a renewal that
 * replaces a file by a rename (or re-points a symlink, as certbot's live/ folder does) is seen
 * too; a timer re-reads the pair as a backstop. A bad or half-written pair keeps the current one
 * and logs a warning (the next change is tried again).
 */
export function watchTlsFiles(
  server: Server,
  files: TlsFiles,
  current: TlsPair,
  options: TlsWatchOptions,
): { close(): void } {
  const { logger } = options;
  let inUse = current;
  let lastFailure: string | null = null;
  const reload = () => {
    let next: TlsPair;
    try {
      next = readTlsPair(files);
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastFailure) {
        logger.warn(
          { ...files, reason: message },
          'gateway TLS: the new certificate was not used; keeping the current one',
        );
      }
      lastFailure = message;
      return;
    }
    lastFailure = null;
    if (next.cert === inUse.cert && next.key === inUse.key) return;
    server.setSecureContext(next);
    inUse = next;
    const certificate = new X509Certificate(next.cert);
    logger.info(
      { subject: certificate.subject, validTo: certificate.validTo, fingerprint: certificate.fingerprint256 },
      'gateway TLS: new certificate in use for new connections',
    );
  };

  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, options.settleMs ?? 500);
  };
  const names = new Set([basename(files.certFile), basename(files.keyFile)]);
  const watchers: FSWatcher[] = [...new Set([dirname(files.certFile), dirname(files.keyFile)])].map((dir) =>
    watch(dir, { persistent: false }, (_event, name) => {
      if (name === null || names.has(name.toString())) changed();
    }).on('error', (error) =>
      logger.warn({ err: error, dir }, 'gateway TLS: cannot watch the folder; re-reading on a timer only'),
    ),
  );
  const recheck = setInterval(reload, options.recheckMs ?? 600_000).unref();
  return {
    close() {
      clearTimeout(timer);
      clearInterval(recheck);
      for (const watcher of watchers) watcher.close();
    },
  };
}
