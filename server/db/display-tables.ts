import type { Generated, Selectable } from 'kysely';

/** Waiting-room displays (migration 015): hub-only, never synced. */
export interface DisplayTable {
  id: string;
  name: string;
  /** JSON array of doctor ids. */
  doctorIds: string;
  message: string;
  theme: 'dark' | 'light';
  language: string;
  voice: string | null;
  /** 0/1 (migration 016): show the companion app link as a QR code. */
  showQrCode: Generated<number>;
  credentialHash: string | null;
  pairingCodeHash: string | null;
  pairingExpiresAt: string | null;
  pairedAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
  createdAt: string;
  revision: Generated<number>;
}

export interface DisplayCallTable {
  seq: Generated<number>;
  id: string;
  queueEntryId: string;
  doctorId: string;
  clinicDate: string;
  kind: 'call' | 'recall';
  token: string;
  roomName: string | null;
  at: string;
}

/** A `displays` row as read. */
export type DisplayRow = Selectable<DisplayTable>;
