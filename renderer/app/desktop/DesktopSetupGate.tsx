import { type ReactNode, useEffect, useState } from 'react';
import { LoadingState } from '@renderer/components/StateViews';
import { FirstRunScreen } from './FirstRunScreen';

/** In Electron before the first-run choice, that choice; otherwise (and in browsers) the app. */
export function DesktopSetupGate({ children }: { children: ReactNode }) {
  const setup = window.clinic?.desktopSetup;
  const [needed, setNeeded] = useState<boolean | null>(setup ? null : false);
  useEffect(() => {
    if (setup) void setup.needed().then(setNeeded, () => setNeeded(false));
  }, [setup]);
  if (needed === null) return <LoadingState label="Starting…" />;
  if (needed && setup) return <FirstRunScreen setup={setup} />;
  return children;
}
