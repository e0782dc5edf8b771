import type { ScreenDef } from '@renderer/app/screens';
import { MessagesScreen } from './MessagesScreen';

/** The message outbox, in the receptionist's and the admin's navigation. */
export const messagesScreen: ScreenDef = {
  path: 'messages',
  label: 'Messages',
  element: <MessagesScreen />,
};
