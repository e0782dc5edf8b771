/** The inbox: the clinic's messages to the patient (English). */
export const inbox = {
  title: 'Inbox',
  empty: 'No messages yet. Reminders and news from the clinic appear here.',
  unreadCount_one: '{{count}} unread message',
  unreadCount_other: '{{count}} unread messages',
  allRead: 'All messages read.',
  unread: 'Unread',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  received: 'Received {{when}}',
} as const;
