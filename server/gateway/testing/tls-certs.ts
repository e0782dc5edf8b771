import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ThrowawayCert {
  cert: string;
  key: string;
  /** SHA-256 fingerprint as node:tls reports it (getPeerCertificate().fingerprint256). */
  fingerprint: string;
}

/**
 * A self-signed certificate for 127.0.0.1 (a P-256 key, valid a day), made with the openssl CLI
 * (.ci/run installs it) in `dir`: tests trust it with a custom CA list.
 */
export function throwawayCert(dir: string, name: string): ThrowawayCert {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(certFile, 'utf8');
  return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: new X509Certificate(cert).fingerprint256 };
}

/** Replaces a file the way renewal tools do: written aside, then renamed over the old one. */
export function replaceByRename(file: string, content: string): void {
  writeFileSync(`${file}.new`, content);
  renameSync(`${file}.new`, file);
}
