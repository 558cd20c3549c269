// The staff accounts' query (the Accounts screen, the audit log's actor filter), for the screens and the nav's prefetch.
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

export const accountsKey = ['accounts'] as const;

export const accountsOptions = () => queryOptions({ queryKey: accountsKey, queryFn: () => call('accounts.list', {}) });
