// Who is signed in (host mode, docs/rules.md §12), for the header and the screens; sign-in off → signInRequired false.
import { createContext, useContext } from 'react';
import type { SignedInUser } from '../../../shared/contract/auth';

export interface AuthState {
  signInRequired: boolean;
  user: SignedInUser | null;
  signOut(): Promise<void>;
}
export const AuthContext = createContext<AuthState>({
  signInRequired: false,
  user: null,
  signOut: async () => undefined,
});
export const useAuth = (): AuthState => useContext(AuthContext);
