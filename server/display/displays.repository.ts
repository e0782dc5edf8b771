import { createHash, randomBytes, randomInt } from 'node:crypto';
import { failure } from '@shared/contract/errors';
import {
  type Display,
  type DisplaySettings,
  type DisplayVoice,
  displayVoicesSchema,
} from '@shared/domain/display.schema';
import type { Db } from '@server/db/database';
import type { DisplayRow } from '@server/db/display-tables';

/** A pairing code works this long after the admin made it, once. */
export const PAIRING_MINUTES = 15;
/** No 0/O, 1/I/L: read off a screen and typed with a remote. 8 of 31 symbols ≈ 40 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The TV's credential: 256 random bits, kept by the hub only as a hash. */
export const newCredential = () => randomBytes(32).toString('base64url');

export function displayFromRow(row: DisplayRow): Display {
  return {
    id: row.id,
    name: row.name,
    doctorIds: JSON.parse(row.doctorIds) as string[],
    roomIds: JSON.parse(row.roomIds) as string[],
    message: row.message,
    theme: row.theme,
    language: row.language,
    voice: row.voice,
    voices: displayVoicesSchema.catch([]).parse(JSON.parse(row.voices)),
    showQrCode: row.showQrCode === 1,
    createdAt: row.createdAt,
    pairedAt: row.pairedAt,
    pairingExpiresAt: row.pairingExpiresAt,
    revokedAt: row.revokedAt,
    lastSeenAt: row.lastSeenAt,
  };
}

export function findDisplayRow(db: Db, id: string): DisplayRow | undefined {
  return db.first(db.q.selectFrom('displays').selectAll().where('id', '=', id));
}

export function getDisplayRow(db: Db, id: string): DisplayRow {
  const row = findDisplayRow(db, id);
  if (!row) throw failure('NOT_FOUND', 'No such display.');
  return row;
}

/** The display a credential belongs to (revoked ones included: the caller tells them apart). */
export function displayByCredential(db: Db, credential: string): DisplayRow | undefined {
  return db.first(
    db.q.selectFrom('displays').selectAll().where('credentialHash', '=', hashSecret(credential)),
  );
}

/** Refuses doctors or rooms that do not exist, naming the field. */
export function assertChoicesExist(db: Db, settings: DisplaySettings): void {
  const doctors = [...new Set(settings.doctorIds)];
  const foundDoctors =
    doctors.length === 0 ? [] : db.all(db.q.selectFrom('doctors').select('id').where('id', 'in', doctors));
  const rooms = [...new Set(settings.roomIds)];
  const foundRooms =
    rooms.length === 0 ? [] : db.all(db.q.selectFrom('rooms').select('id').where('id', 'in', rooms));
  const fields = [
    ...(foundDoctors.length === doctors.length
      ? []
      : [{ field: 'settings.doctorIds', message: 'names a doctor who does not exist' }]),
    ...(foundRooms.length === rooms.length
      ? []
      : [{ field: 'settings.roomIds', message: 'names a room that does not exist' }]),
  ];
  if (fields.length > 0) {
    throw failure('VALIDATION', `Please correct: ${fields.map((f) => f.field).join(', ')}`, { fields });
  }
}

export function settingsColumns(settings: DisplaySettings) {
  return {
    name: settings.name,
    doctorIds: JSON.stringify([...new Set(settings.doctorIds)]),
    roomIds: JSON.stringify([...new Set(settings.roomIds)]),
    message: settings.message,
    theme: settings.theme,
    language: settings.language,
    voice: settings.voice,
    showQrCode: settings.showQrCode ? 1 : 0,
  };
}

export function recordSeen(db: Db, displayId: string, at: string): void {
  db.run(db.q.updateTable('displays').set({ lastSeenAt: at }).where('id', '=', displayId));
}

/** The voices the TV's browser offers, as it last reported them (already validated and bounded). */
export function recordVoices(db: Db, displayId: string, voices: readonly DisplayVoice[]): void {
  db.run(
    db.q
      .updateTable('displays')
      .set({ voices: JSON.stringify(voices) })
      .where('id', '=', displayId),
  );
}
