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
  // A new session is never locked (another person signing in at a locked desk ends the first one).
  client.setQueryData<AuthStatus>(sessionKey, (old) =>
    old ? { ...old, needsSetup: false, user, locked: false } : old,
  );
  void client.invalidateQueries({ queryKey: sessionKey });
}

/**
 * The desk's lock as the app shows it: the `locked` flag of the cached `auth.status`, the one place the shell reads it
 * from (after a reload the core's answer says so). When locking, a status answer already on its way was asked before
 * the core heard of the lock and would lift it on screen: it is dropped (an unlock comes after the core's own answer).
 */
export function setScreenLocked(client: QueryClient, locked: boolean): void {
  if (locked) void client.cancelQueries({ queryKey: sessionKey });
  client.setQueryData<AuthStatus>(sessionKey, (old) => (old ? { ...old, locked } : old));
}
