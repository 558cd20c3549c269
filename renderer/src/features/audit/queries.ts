// The audit log's queries: a page of entries, the actions to filter by and the chain's last verification, for the
// screen and the nav's prefetch alike (one definition of each key and call).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AuditQuery } from '../../../../db/contract';
import { call } from '../../api/client';

export const PAGE_SIZE = 50;

export const auditStatusKey = ['audit', 'status'] as const;

/** Nothing filtered: what a query the filters cannot make yet (a half-typed patient number) would have asked. */
const NO_QUERY: AuditQuery = { actorId: null, patientId: null, action: null, from: null, to: null };

/** One page of entries, newest first, before `beforeId` (null: the newest); null query = nothing asked. */
export const auditPageOptions = (query: AuditQuery | null, beforeId: number | null) =>
  queryOptions({
    queryKey: ['audit', 'list', query, beforeId],
    queryFn: () => call('audit.list', { ...(query ?? NO_QUERY), beforeId, limit: PAGE_SIZE }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

export const auditActionsOptions = () =>
  queryOptions({ queryKey: ['audit', 'actions'], queryFn: () => call('audit.actions', {}) });

export const auditStatusOptions = () =>
  queryOptions({ queryKey: auditStatusKey, queryFn: () => call('audit.status', {}) });
