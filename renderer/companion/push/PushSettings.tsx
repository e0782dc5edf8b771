import { useEffect, useState } from 'react';
import { Heading, Stack, Switch, Text } from '@chakra-ui/react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '@renderer/companion/shell/ErrorNote';
import { forgetSubscription, hubPushKey, saveSubscription } from './push-api';
import { Notice } from '@renderer/companion/shell/Notice';

type Support = 'checking' | 'unsupported' | 'needs-install' | 'ready';

const pushSupported = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

/** iPhone and iPad offer Web Push only to an app added to the Home Screen (iOS 16.4 and later). */
function needsInstall(): boolean {
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent);
  const standalone = window.matchMedia?.('(display-mode: standalone)').matches;
  return ios && !standalone;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

/**
 * "Notifications on this phone": the patient's consent to Web Push. Permission is asked only when
 * the patient turns the switch on; off unsubscribes the browser and tells the hub. The inbox keeps
 * every message either way, and SMS still goes where the patient gets it.
 */
export function PushSettings() {
  const { t } = useTranslation('push');
  const [support, setSupport] = useState<Support>('checking');
  const [on, setOn] = useState(false);
  const [busy, setBusy] = useState(false);
  const [denied, setDenied] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!pushSupported()) {
      setSupport(needsInstall() ? 'needs-install' : 'unsupported');
      return;
    }
    setSupport('ready');
    setDenied(Notification.permission === 'denied');
    let live = true;
    void currentSubscription()
      .then((sub) => live && setOn(Boolean(sub) && Notification.permission === 'granted'))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const turnOn = async () => {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      setDenied(permission === 'denied');
      return;
    }
    const registration = await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: await hubPushKey(),
      }));
    await saveSubscription(subscription);
    setOn(true);
  };

  const turnOff = async () => {
    const subscription = await currentSubscription();
    if (subscription) {
      const { endpoint } = subscription;
      await subscription.unsubscribe();
      setOn(false);
      await forgetSubscription(endpoint);
    }
    setOn(false);
  };

  const change = (next: boolean) => {
    setBusy(true);
    setError(null);
    void (next ? turnOn() : turnOff()).catch(setError).finally(() => setBusy(false));
  };

  if (support === 'checking') return null;
  return (
    <Stack gap="2" as="section" aria-labelledby="push-heading">
      <Heading as="h2" size="lg" id="push-heading">
        {t('heading')}
      </Heading>
      {support === 'ready' ? (
        <Switch.Root
          checked={on}
          disabled={busy}
          onCheckedChange={(e) => change(e.checked)}
          size="lg"
          minH="44px"
          alignItems="center"
        >
          <Switch.HiddenInput />
          <Switch.Control />
          <Switch.Label>{t('switch')}</Switch.Label>
        </Switch.Root>
      ) : null}
      <Text color="fg.muted">{t('explain')}</Text>
      {support === 'needs-install' && <Notice status="info" text={t('iosInstall')} />}
      {support === 'unsupported' && <Notice status="info" text={t('unsupported')} />}
      {denied && !on && <Notice status="info" text={t('denied')} />}
      <ErrorNote error={error} />
    </Stack>
  );
}
