// The list's filters and sort, kept in the hash's query (`#/inquiries?status=new&q=li`) so reload and Back keep them.
import {
  CHANNELS,
  FOLLOW_UP_FILTERS,
  INQUIRY_SORTS,
  INQUIRY_STATUSES,
  OPEN_STATUSES,
  type Channel,
  type InquiryQueryInput,
  type InquiryStatus,
} from '../../../../db/contract';

export interface ListState {
  text: string;
  /** 'open' stands for every open status. */
  status: InquiryStatus | 'open' | null;
  ownerId: number | null;
  channel: Channel | null;
  country: string | null;
  followUp: (typeof FOLLOW_UP_FILTERS)[number];
  sort: (typeof INQUIRY_SORTS)[number];
  direction: 'asc' | 'desc';
  page: number;
}

export const PAGE_SIZE = 50;

export const DEFAULT_LIST_STATE: ListState = {
  text: '',
  status: null,
  ownerId: null,
  channel: null,
  country: null,
  followUp: 'any',
  sort: 'receivedAt',
  direction: 'desc',
  page: 0,
};

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

export function parseListState(hash: string): ListState {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const p = new URLSearchParams(query);
  const owner = Number(p.get('owner'));
  const page = Number(p.get('page'));
  const country = p.get('country');
  return {
    text: p.get('q') ?? '',
    status: p.get('status') === 'open' ? 'open' : oneOf(INQUIRY_STATUSES, p.get('status')),
    ownerId: Number.isInteger(owner) && owner > 0 ? owner : null,
    channel: oneOf(CHANNELS, p.get('channel')),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    followUp: oneOf(FOLLOW_UP_FILTERS, p.get('followUp')) ?? 'any',
    sort: oneOf(INQUIRY_SORTS, p.get('sort')) ?? DEFAULT_LIST_STATE.sort,
    direction: p.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 0,
  };
}

/** Only what differs from the defaults, so a plain list has a plain address. */
export function serializeListState(s: ListState): string {
  const p = new URLSearchParams();
  if (s.text) p.set('q', s.text);
  if (s.status) p.set('status', s.status);
  if (s.ownerId !== null) p.set('owner', String(s.ownerId));
  if (s.channel) p.set('channel', s.channel);
  if (s.country) p.set('country', s.country);
  if (s.followUp !== 'any') p.set('followUp', s.followUp);
  if (s.sort !== DEFAULT_LIST_STATE.sort) p.set('sort', s.sort);
  if (s.direction !== DEFAULT_LIST_STATE.direction) p.set('dir', s.direction);
  if (s.page > 0) p.set('page', String(s.page));
  const q = p.toString();
  return q ? `#/inquiries?${q}` : '#/inquiries';
}

export function toQuery(s: ListState): InquiryQueryInput {
  return {
    text: s.text.trim(),
    statuses: s.status === 'open' ? [...OPEN_STATUSES] : s.status ? [s.status] : [],
    ownerId: s.ownerId,
    channel: s.channel,
    country: s.country,
    followUp: s.followUp,
    sort: s.sort,
    direction: s.direction,
    offset: s.page * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}
