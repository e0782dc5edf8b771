import { paths } from '@renderer/companion/shell/routes';

const AUTH_PATHS: readonly string[] = [
  paths.welcome,
  paths.signIn,
  paths.signUp,
  paths.activate,
  paths.forgotPassword,
];

/** What the auth screens keep in the history entry while the patient moves between them. */
export interface AuthState {
  /** The signed-in page the patient was sent away from (App.tsx RequireSession). */
  from?: string;
  /** The mobile number or patient code typed on the previous screen. */
  login?: string;
  /** Arrived from sign-up or "send a code": the code is on its way. */
  codeSent?: boolean;
}

export function authState(state: unknown): AuthState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, login, codeSent } = state as Record<string, unknown>;
  return {
    ...(typeof from === 'string' && { from }),
    ...(typeof login === 'string' && { login }),
    ...(codeSent === true && { codeSent }),
  };
}

/**
 * Where to go once signed in: the page the patient came from, if it is one of this app's own
 * signed-in pages (a path, not another site or an auth screen), otherwise home.
 */
export function returnPath(state: unknown): string {
  const { from } = authState(state);
  if (!from || !from.startsWith('/') || from.startsWith('//')) return paths.home;
  const pathname = from.split(/[?#]/)[0]!;
  return AUTH_PATHS.includes(pathname) ? paths.home : from;
}

/** The profile's "Sign out" went to the welcome screen while the session is being ended. */
export function isSigningOut(state: unknown): boolean {
  return (
    typeof state === 'object' && state !== null && (state as { signingOut?: unknown }).signingOut === true
  );
}
