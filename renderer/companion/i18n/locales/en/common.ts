/** The app's frame and the words every screen shares (English). */
export const common = {
  appName: 'Clinic',
  nav: {
    home: 'Home',
    book: 'Book',
    appointments: 'Visits',
    records: 'Records',
    inbox: 'Inbox',
    profile: 'Profile',
  },
  language: { label: 'Language', en: 'English', hi: 'हिन्दी (Hindi)' },
  offline: {
    banner: 'You are offline. What you saw last is shown; booking and cancelling need a connection.',
    asOf: 'As of {{time}}',
    needsConnection: 'This needs a connection to the clinic. Try again when you are online.',
  },
  actions: {
    retry: 'Try again',
    back: 'Back',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    signOut: 'Sign out',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    unreachable: 'The clinic cannot be reached. Check your connection and try again.',
    rateLimited: 'Too many attempts. Please wait {{seconds}} seconds and try again.',
    sessionEnded: 'You were signed out. Please sign in again.',
  },
  loading: 'Loading…',
} as const;
