import type { ConnectionOptions } from 'node:tls';
import type { createTransport } from 'nodemailer';
import type { ChannelSender, OutgoingMessage, SendOutcome } from './channel-sender';
import type { StoredSmtpSettings } from './mail-settings.repository';

export interface SmtpSenderOptions {
  /** Connections kept open to the mail server (messages sent at once). */
  maxConnections?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  /** Silence on an open connection (e.g. a server not answering DATA) longer than this fails the send. */
  socketTimeoutMs?: number;
  /** Extra TLS options, e.g. `ca` for a mail server with a certificate of the clinic's own CA. */
  tls?: ConnectionOptions;
}

type Transport = ReturnType<typeof createTransport>;
/** What nodemailer's SMTP transports answer for a message the server took. */
interface SentInfo {
  accepted: unknown[];
  response: string;
  messageId: string;
}

/** Mail servers' answers that mean "the message is fine; the clinic's settings are not". */
const SETTINGS_PROBLEMS = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'ECONFIG', 'EREQUIRETLS']);
/** Errors without an SMTP reply that no retry can fix. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS']);

const looksLikeAddress = (address: string) =>
  /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(address);

/**
 * E-mail through the clinic's own mail server (docs/architecture.md, "Messages"), with nodemailer:
 * a pooled SMTP transport built from the stored settings and rebuilt when they change. "Sent"
 * means the server accepted the message (250 to DATA). Every message carries the stable
 * Message-ID `<notificationId@domain>`, so a resend after a crash is recognisable downstream.
 * The password goes to nodemailer only: never into an outcome, an error text or a log.
 */
export class SmtpSender implements ChannelSender {
  private current: { key: string; transport: Transport; settings: StoredSmtpSettings } | null = null;

  constructor(
    private readonly settings: () => StoredSmtpSettings,
    private readonly options: SmtpSenderOptions = {},
  ) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const settings = this.settings();
    if (!settings.enabled || settings.host.trim() === '')
      return { ok: false, permanent: true, error: 'e-mail is not set up at this clinic' };
    const from = settings.fromAddress ?? (looksLikeAddress(settings.username) ? settings.username : null);
    if (!from)
      return {
        ok: false,
        permanent: false,
        error: 'the mail settings have no From address (set one in the mail server settings)',
      };
    if (!looksLikeAddress(message.recipient))
      return {
        ok: false,
        permanent: true,
        error: `invalid e-mail address "${message.recipient.slice(0, 254)}"`,
      };

    const transport = await this.transportFor(settings);
    try {
      const info = (await transport.sendMail({
        from: settings.fromName ? { name: settings.fromName, address: from } : from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.messageId}@${domainOf(from)}>`,
        attachments: message.attachment
          ? [
              {
                filename: message.attachment.fileName,
                contentType: message.attachment.contentType,
                content: message.attachment.content,
              },
            ]
          : [],
      })) as SentInfo;
      if (info.accepted.length === 0)
        return { ok: false, permanent: true, error: redact(`refused: ${info.response}`, settings) };
      return { ok: true, providerMessageId: info.messageId, response: redact(info.response, settings) };
    } catch (error) {
      return classify(error, settings);
    }
  }

  /** Closes the open connections (hub stop). */
  close(): void {
    this.current?.transport.close();
    this.current = null;
  }

  /** nodemailer is loaded on the first e-mail: a hub that never sends one need not carry it. */
  private async transportFor(settings: StoredSmtpSettings): Promise<Transport> {
    const key = `${settings.updatedAt ?? ''}|${settings.host}|${settings.port}|${settings.security}|${settings.username}`;
    if (this.current?.key === key) return this.current.transport;
    const { createTransport } = await import('nodemailer');
    if (this.current?.key === key) return this.current.transport;
    this.current?.transport.close();
    const transport = createTransport({
      pool: true,
      maxConnections: this.options.maxConnections ?? 4,
      maxMessages: 100,
      // A connection that closes mid-send is our retry's business (with backoff), not the pool's.
      maxRequeues: 0,
      idleTimeout: 20_000,
      host: settings.host,
      port: settings.port,
      // 'tls': TLS from the first byte (port 465); 'starttls': upgrade required, never plain text;
      // 'none': plain SMTP (a relay on the clinic's own network), STARTTLS not even tried.
      secure: settings.security === 'tls',
      requireTLS: settings.security === 'starttls',
      ignoreTLS: settings.security === 'none',
      ...(settings.username ? { auth: { user: settings.username, pass: settings.password ?? '' } } : {}),
      connectionTimeout: this.options.connectionTimeoutMs ?? 15_000,
      greetingTimeout: this.options.greetingTimeoutMs ?? 15_000,
      socketTimeout: this.options.socketTimeoutMs ?? 60_000,
      ...(this.options.tls ? { tls: this.options.tls } : {}),
      logger: false,
      debug: false,
    });
    this.current = { key, transport, settings };
    return transport;
  }
}

interface MailError {
  code?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
  message?: string;
}

/**
 * Temporary (retried with backoff): 4xx, 503, connection refused/reset/closed, timeouts, DNS,
 * and the clinic's own settings problems (wrong password, TLS), which an admin can fix before the
 * retries run out. Permanent (failed at once): other 5xx replies and an envelope the server or
 * nodemailer refuses (invalid recipient).
 */
export function classify(error: unknown, settings: Pick<StoredSmtpSettings, 'password'>): SendOutcome {
  const e = (error ?? {}) as MailError;
  const text = redact(e.response ?? e.message ?? String(error), settings);
  const code = e.code ?? '';
  if (SETTINGS_PROBLEMS.has(code))
    return { ok: false, permanent: false, error: `mail server settings: ${text}` };
  if (typeof e.responseCode === 'number') {
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503);
    return { ok: false, permanent, error: text };
  }
  if (PERMANENT_CODES.has(code)) return { ok: false, permanent: true, error: text };
  return { ok: false, permanent: false, error: code ? `${code}: ${text}` : text };
}

/** Belt and braces: whatever a server or library echoes, the stored password is never passed on. */
export function redact(text: string, settings: Pick<StoredSmtpSettings, 'password'>): string {
  const password = settings.password;
  if (!password || password.length < 3) return text;
  return text.split(password).join('***');
}

function domainOf(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1).trim();
  return domain || 'clinic.local';
}
