import type { ChangeHint } from '@shared/contract/change-hint';
import type { Clock } from '@server/core/clock';

export interface ClientCoreOptions {
  /** Where the replica lives (`replica.db`). */
  dataDir: string;
  /** The hub's sync URL (from discovery, the last address that worked, or typed by an admin). */
  hubUrl: string;
  deviceId: string;
  deviceName: string;
  clock?: Clock;
  /** Pull this often even without pokes (pokes are hints). Default 15 s. */
  pullIntervalMs?: number;
  /** How long a command waits online for the hub's verdict before returning its local result. Default 5 s. */
  onlineWaitMs?: number;
}

/** `hint`: what a pulled page wrote (tables, ids); null when anything may have changed. */
export type ChangeEvent = { source: 'local' | 'remote'; hint: ChangeHint | null };
