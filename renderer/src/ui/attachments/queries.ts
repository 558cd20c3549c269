// TanStack Query hooks for attachments: one list per owner (an inquiry or a patient), refreshed after every change.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentOwner } from '../../../../db/contract';
import { call } from '../../api/client';

export const attachmentKeys = {
  all: ['attachments'] as const,
  list: (owner: AttachmentOwner) => ['attachments', owner.kind, owner.id] as const,
};

export const useAttachments = (owner: AttachmentOwner) =>
  useQuery({ queryKey: attachmentKeys.list(owner), queryFn: () => call('attachments.list', { owner }) });

export function useInvalidateAttachments(owner: AttachmentOwner) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: attachmentKeys.list(owner) });
}
