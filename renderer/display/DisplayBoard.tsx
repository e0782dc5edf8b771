import { useEffect, useState } from 'react';
import type { DisplayCard, DisplaySnapshot } from '@shared/domain/display.schema';
import { PAGE_SECONDS, pageOf } from '@shared/rules/display-board';
import { CompanionQr } from './CompanionQr';

const PRESENCE: Record<DisplayCard['presence'], string | null> = {
  in: null,
  break: 'On break',
  out: 'Not in',
};

/** How many cards fit side by side: three on a wide screen, two on a narrower one. */
function cardsPerPage(): number {
  return window.innerWidth / Math.max(1, window.innerHeight) >= 1.5 ? 3 : 2;
}

/** Clinic name, clock, one card per doctor (paged every 10 s when they do not fit), message line. */
export function DisplayBoard({ snapshot, now }: { snapshot: DisplaySnapshot; now: number }) {
  const [page, setPage] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setPage((p) => p + 1), PAGE_SECONDS * 1_000);
    return () => clearInterval(timer);
  }, []);
  const { items, pages } = pageOf(snapshot.cards, cardsPerPage(), page);
  const clock = new Intl.DateTimeFormat('en-IN', {
    timeZone: snapshot.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(now);
  return (
    <>
      <header className="display-header">
        <h1 className="display-clinic">{snapshot.clinicName}</h1>
        <p className="display-clock" aria-label="Time">
          {clock}
        </p>
      </header>
      <section className="display-cards" aria-label="Queues">
        {items.map((card) => (
          <QueueCard key={card.doctorId ?? `room:${card.roomId ?? ''}`} card={card} />
        ))}
      </section>
      <footer className="display-footer">
        <p className="display-message">{snapshot.display.message}</p>
        {pages > 1 ? (
          <p className="display-page">{`${(((page % pages) + pages) % pages) + 1} / ${pages}`}</p>
        ) : null}
        {snapshot.companionAppUrl ? <CompanionQr link={snapshot.companionAppUrl} /> : null}
      </footer>
    </>
  );
}

function QueueCard({ card }: { card: DisplayCard }) {
  const presence = PRESENCE[card.presence];
  return (
    <article
      className="queue-card"
      aria-label={card.doctorName ?? card.roomName ?? undefined}
      data-doctor={card.doctorId ?? undefined}
      data-room={card.roomId ?? undefined}
    >
      {/* A chosen room with nobody in it today: the room's name stands in the doctor's place. */}
      <h2 className="queue-card-doctor">{card.doctorName ?? card.roomName}</h2>
      <p className="queue-card-room">{card.doctorName === null ? '\u00a0' : (card.roomName ?? '\u00a0')}</p>
      {presence && !card.serving ? <p className="queue-card-presence">{presence}</p> : null}
      <p className="queue-card-label">Now</p>
      <p className="queue-card-token" data-testid="serving-token">
        {card.serving?.token ?? '—'}
      </p>
      <p className="queue-card-initials">{card.serving?.initials ?? '\u00a0'}</p>
      <p className="queue-card-label">Next</p>
      {card.next.length === 0 ? <p className="queue-card-room">No one waiting</p> : null}
      <ol className="queue-card-next">
        {card.next.map((n) => (
          <li key={n.token}>
            <span className="next-token">{n.token}</span>
            <span className="next-initials">{n.initials}</span>
            <span className="next-wait">{n.waitMinutes === 0 ? 'next' : `~${n.waitMinutes} min`}</span>
          </li>
        ))}
      </ol>
    </article>
  );
}
