/** Web Push (migration 018): hub-only, never synced. */
export interface PushVapidKeyTable {
  id: number;
  publicKey: string;
  /** Never leaves the hub: no answer, stream or synced table carries it. */
  privateKey: string;
  createdAt: string;
}

export interface PushSubscriptionTable {
  id: string;
  patientId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: string;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailure: string | null;
}
