/**
 * The app's paths, one place (links, the bottom bar, redirects). Each area's screens live under
 * its own path; screens are loaded on first visit (App.tsx), so the first screen stays small.
 */
export const paths = {
  welcome: '/welcome',
  signIn: '/sign-in',
  signUp: '/sign-up',
  activate: '/activate',
  forgotPassword: '/forgot-password',
  home: '/',
  book: '/book',
  appointments: '/appointments',
  records: '/records',
  inbox: '/inbox',
  profile: '/profile',
  waitlist: '/waitlist',
} as const;
