import { createContext, useContext } from 'react';
import type { Shift, StaffMember } from '../../../shared/contract/till';

/** The signed-in staff member and the store's open shift, provided by SessionGate. */
export interface Session {
  staff: StaffMember;
  /** The store's open shift (one cash drawer), or null. */
  openShift: Shift | null;
  signOut(): void;
  /** Re-reads the open shift from the core (after opening or closing one). */
  refreshShift(): Promise<Shift | null>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionGate');
  return value;
}

/** The session when there is one (screens rendered outside the gate get null). */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
