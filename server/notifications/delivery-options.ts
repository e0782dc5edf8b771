import type { ChannelSender } from './channel-sender';
import type { RetryPolicy } from './delivery-policy';
import type { SmsGateway } from './sms-gateway';
import type { SmtpSenderOptions } from './smtp-sender';

/** How the hub's delivery worker runs (`StartHubOptions.delivery`); every field has a default. */
export interface DeliveryOptions {
  /** Looks for due messages this often (ms; default 5 s). Committed messages also wake it at once. */
  pollMs?: number;
  /** Messages sent at the same time per channel (default e-mail 4, SMS 16). */
  concurrency?: { email?: number; sms?: number };
  /** Messages claimed per claim transaction (default 100). */
  batchSize?: number;
  /** How long a claimed message is held for its sender (default 10 min; cleared on start). */
  leaseMs?: number;
  retry?: RetryPolicy;
  /** Outcomes are collected this long, or up to flushSize of them, per write (default 20 ms, 200). */
  flushDelayMs?: number;
  flushSize?: number;
  /** How long stop waits for sends in flight (default 10 s). */
  stopTimeoutMs?: number;
  /** The SMS gateway (default: the simulated LocalSmsOutbox). */
  sms?: SmsGateway;
  /** The e-mail sender (default: SMTP with the clinic's stored mail settings). */
  email?: ChannelSender;
  /** Timeouts and connections of the default SMTP sender. */
  smtp?: SmtpSenderOptions;
}

/** Counts since start, for logs and benchmarks. */
export interface DeliveryStats {
  sent: number;
  retried: number;
  failed: number;
}
