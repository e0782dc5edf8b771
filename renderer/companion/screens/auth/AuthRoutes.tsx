import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from '@renderer/companion/api/session';
import { paths } from '@renderer/companion/shell/routes';
import { ScreenSkeleton } from '@renderer/companion/shell/ScreenSkeleton';
import { ActivateScreen } from './ActivateScreen';
import { ForgotPasswordScreen } from './ForgotPasswordScreen';
import { authState, isSigningOut, returnPath } from './return-path';
import { SignInScreen } from './SignInScreen';
import { SignUpScreen } from './SignUpScreen';
import { WelcomeScreen } from './WelcomeScreen';

/**
 * The signed-out screens (mounted at "*"): welcome, sign-up, activation, sign-in, forgotten
 * password. Once a session exists (activation, reset or sign-in) the patient goes on to the page
 * they came for (location.state.from, kept from screen to screen) or home.
 */
export default function AuthRoutes() {
  const { session } = useSession();
  const location = useLocation();
  if (session) {
    return isSigningOut(location.state) ? (
      <ScreenSkeleton />
    ) : (
      <Navigate to={returnPath(location.state)} replace />
    );
  }
  return (
    <Routes>
      <Route path={paths.welcome} element={<WelcomeScreen />} />
      <Route path={paths.signUp} element={<SignUpScreen />} />
      <Route path={paths.activate} element={<ActivateScreen />} />
      <Route path={paths.signIn} element={<SignInScreen />} />
      <Route path={paths.forgotPassword} element={<ForgotPasswordScreen />} />
      <Route path="*" element={<Navigate to={paths.welcome} replace state={authState(location.state)} />} />
    </Routes>
  );
}
