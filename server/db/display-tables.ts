import type { Generated, Selectable } from 'kysely';

/** Waiting-room displays (migrations 014, 015): hub-only, never synced. */
export interface DisplayTable {
  id: string;
  name: string;
  /** JSON array of doctor ids. */
  doctorIds: string;
  /** JSON array of room ids (migration 015): the doctors working in them today are shown. */
  roomIds: Generated<string>;
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
  /** JSON array of the voices the TV reported ({ name, lang }), bounded (migration 015). */
  voices: Generated<string>;
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
