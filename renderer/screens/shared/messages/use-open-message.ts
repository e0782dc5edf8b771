import { useState } from 'react';
import type { Notification } from '@shared/domain/notification.schema';

/**
 * The message open in the drawer: the list's copy while the list holds it (it refreshes), else
 * the one last seen (a retried message may leave a "Failed" filter, and stays open).
 */
export function useOpenMessage(items: readonly Notification[] | undefined) {
  const [opened, setOpened] = useState<Notification | null>(null);
  const message = opened ? (items?.find((m) => m.id === opened.id) ?? opened) : null;
  return { message, open: setOpened, close: () => setOpened(null), retried: setOpened };
}
