import { coreMigration } from './001-core.migration';
import { clinicMigration } from './002-clinic.migration';
import { careMigration } from './003-care.migration';
import { replicaReadsMigration } from './004-replica-reads.migration';
import { deviceOutboxMigration } from './005-device-outbox.migration';
import { syncClientBindingMigration } from './006-sync-client-binding.migration';
import { draftConflictsMigration } from './007-draft-conflicts.migration';
import { signingTimesMigration } from './008-signing-times.migration';
import { messagesMigration } from './009-messages.migration';
import { patientFactsMigration } from './010-patient-facts.migration';
import { formularyMigration } from './011-formulary.migration';
import { leaveRequestsMigration } from './012-leave-requests.migration';
import { deviceNamesMigration } from './013-device-names.migration';
import { displaysMigration } from './014-displays.migration';
import { displayRoomsMigration } from './015-display-rooms.migration';
import { displayQrMigration } from './016-display-qr.migration';
import { accountCodesMigration } from './017-account-codes.migration';
import { webPushMigration } from './018-web-push.migration';

export interface Migration {
  name: string;
  sql: string;
}

/** Listed statically and applied in order; a released migration is never edited. */
export const migrations: readonly Migration[] = [
  coreMigration,
  clinicMigration,
  careMigration,
  replicaReadsMigration,
  deviceOutboxMigration,
  syncClientBindingMigration,
  draftConflictsMigration,
  signingTimesMigration,
  messagesMigration,
  patientFactsMigration,
  formularyMigration,
  leaveRequestsMigration,
  deviceNamesMigration,
  displaysMigration,
  displayRoomsMigration,
  displayQrMigration,
  accountCodesMigration,
  webPushMigration,
];
