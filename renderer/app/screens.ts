import type { ReactNode } from 'react';
import type { KeyCombo } from './shortcuts/keys';

/**
 * One main screen of the staff app: its URL (`/<path>`, with any sub-routes below it), its
 * navigation label, and optionally a global shortcut that opens it. Each role's navigation is an
 * ordered list of these (renderer/screens/<role>/<role>.screens.tsx); see renderer/README.md.
 */
export interface ScreenDef {
  /** URL segment without slashes, e.g. 'appointments'; the screen owns `/<path>/*`. */
  path: string;
  label: string;
  element: ReactNode;
  /** Opens this screen from anywhere, e.g. `{ keys: ['alt+n'], description: 'New booking' }`. */
  shortcut?: { keys: KeyCombo[]; description: string };
  /** Beside the navigation item, outside its link (e.g. a count of what waits there). */
  navBadge?: ReactNode;
  /** A route without a navigation item (e.g. a workspace opened from another screen). */
  hideInNav?: boolean;
}
