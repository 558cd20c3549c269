// The signed-in user (or the need to set up or sign in), shared by every screen through TanStack Query.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SessionUser } from '../../../../db/contract';
import { call, onUnauthenticated } from '../../api/client';

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
