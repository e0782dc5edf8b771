import { useMemo } from 'react';
import { companionQr } from './companion-qr';

/** The companion app's link as a QR code, in a corner of the display, with what it is for. */
export function CompanionQr({ link }: { link: string }) {
  const qr = useMemo(() => companionQr(link), [link]);
  return (
    <figure className="display-qr" data-link={link}>
      <svg
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        role="img"
        aria-label="QR code of the clinic’s app"
        shapeRendering="crispEdges"
      >
        <rect width={qr.size} height={qr.size} fill="#ffffff" />
        <path d={qr.path} fill="#000000" />
      </svg>
      <figcaption>Book and follow your token on your phone</figcaption>
    </figure>
  );
}
