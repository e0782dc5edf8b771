import type { ShownCall } from './announcer';

/** The called token and room, pulsing slowly (under one flash a second), with the spoken words. */
export function CallBanner({ shown }: { shown: ShownCall }) {
  const { call, text } = shown;
  return (
    <section className="call-banner" role="alert" aria-label="Now calling" data-seq={call.seq}>
      <p className="call-banner-label">{call.kind === 'recall' ? 'Calling again' : 'Now calling'}</p>
      <p className="call-banner-token">{call.token}</p>
      {call.roomName ? <p className="call-banner-room">{call.roomName}</p> : null}
      <p className="call-banner-words">{text}</p>
    </section>
  );
}
