import { useEffect, useMemo, useState } from 'react';
import { Announcer, lastAnnounced, rememberAnnounced, type ShownCall } from './announcer';
import { CallBanner } from './CallBanner';
import { DisplayBoard } from './DisplayBoard';
import { connectDisplay, type LinkState, pairWithCode, storedCredential } from './display-link';
import { PairingScreen } from './PairingScreen';

/** The "reconnecting" marker shows after this long without the hub; the last state stays. */
const RECONNECTING_AFTER_MS = 10_000;

/**
 * The waiting-room display (docs/product.md §7), served by the hub at /display: paired once with a code
 * (or a link carrying it, `/display?code=…`), then fed by the hub over Socket.IO.
 */
export function DisplayApp() {
  const [link, setLink] = useState<LinkState>({ status: 'connecting', offlineSince: null, snapshot: null });
  const [generation, setGeneration] = useState(0);
  const [pairError, setPairError] = useState<string | null>(null);
  const [banner, setBanner] = useState<ShownCall | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const announcer = useMemo(() => new Announcer(setBanner), []);

  useEffect(() => connectDisplay(setLink, () => announcer.test()), [generation, announcer]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const pair = async (code: string) => {
    setPairError(null);
    try {
      await pairWithCode(code);
      window.history.replaceState(null, '', '/display');
      setGeneration((g) => g + 1);
    } catch (error) {
      setPairError((error as Error).message);
    }
  };
  useEffect(() => {
    const code = new URLSearchParams(window.location.search).get('code');
    if (code && !storedCredential()) void pair(code);
  }, []);

  // New calls are announced once: what this TV announced last is remembered per hub and epoch.
  const snapshot = link.snapshot;
  useEffect(() => {
    if (!snapshot) return;
    announcer.setVoice({ language: snapshot.display.language, voice: snapshot.display.voice });
    const newest = snapshot.calls.at(-1)?.seq ?? 0;
    const last = lastAnnounced(snapshot.hubId, snapshot.epoch);
    if (last === null) {
      // Just paired (or storage lost): what was called before is not news.
      rememberAnnounced(snapshot.hubId, snapshot.epoch, newest);
      return;
    }
    const fresh = snapshot.calls.filter((call) => call.seq > last);
    if (fresh.length === 0) return;
    rememberAnnounced(snapshot.hubId, snapshot.epoch, newest);
    announcer.enqueue(fresh);
  }, [snapshot, announcer]);

  const theme = snapshot?.display.theme ?? 'dark';
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  if (link.status === 'unpaired') return <PairingScreen onPair={pair} error={pairError} />;
  const reconnecting =
    link.status !== 'live' && link.offlineSince !== null && now - link.offlineSince >= RECONNECTING_AFTER_MS;
  return (
    <main
      className="display"
      aria-label="Waiting room"
      data-version={snapshot?.version ?? ''}
      data-generated={snapshot?.generatedAt ?? ''}
    >
      {snapshot ? (
        <DisplayBoard snapshot={snapshot} now={now} />
      ) : (
        <p className="display-waiting">Connecting…</p>
      )}
      {reconnecting ? (
        <p className="display-reconnecting" role="status">
          Reconnecting…
        </p>
      ) : null}
      {banner ? <CallBanner shown={banner} /> : null}
    </main>
  );
}
