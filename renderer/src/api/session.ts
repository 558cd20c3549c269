// The signed-in user (or the need to set up or sign in), shared by every screen through TanStack Query.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { AuthStatus, SessionUser } from '../../../db/contract';
import { call, onUnauthenticated } from './client';

export const sessionKey = ['auth', 'status'] as const;

export function useAuthStatus() {
  const client = useQueryClient();
  useEffect(
    () =>
      onUnauthenticated(() => {
        void client.invalidateQueries({ queryKey: sessionKey });
      }),
    [client],
  );
  return useQuery({ queryKey: sessionKey, queryFn: () => call('auth.status', {}), staleTime: Infinity });
}

/** Only for screens inside the signed-in shell. */
export function useCurrentUser(): SessionUser {
  const status = useQueryClient().getQueryData<{ user: SessionUser | null }>(sessionKey);
  if (!status?.user) throw new Error('useCurrentUser outside a session');
  return status.user;
}

/**
 * After sign-in, setup or sign-out: drop every cached record of the previous person, and put the new
 * session in place directly (clearing the whole cache would orphan the status query the app is watching).
 */
export function switchSession(client: QueryClient, user: SessionUser | null): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  client.setQueryData<AuthStatus>(sessionKey, (old) => (old ? { ...old, needsSetup: false, user } : old));
  void client.invalidateQueries({ queryKey: sessionKey });
}
