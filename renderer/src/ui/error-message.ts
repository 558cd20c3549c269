// Turns a core refusal into the friendly sentence for its code, composed from its details where they say more.
import type { TFunction } from 'i18next';
import { ApiCallError } from '../api/client';

export function errorMessage(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiCallError)) return t('errors:INTERNAL');
  const d = err.details ?? {};
  if (err.code === 'INVALID_TRANSITION' && typeof d.from === 'string' && typeof d.to === 'string') {
    if (d.to === 'converted') return t('errors:transitionConverted');
    const status = (s: string) => t(`inquiries:status.${s}`);
    const allowed = (d.allowed ?? []).map(status).join(', ');
    const first = t('errors:transition', { from: status(d.from), to: status(d.to) });
    const second = allowed ? t('errors:transitionAllowed', { from: status(d.from), allowed }) : t('errors:transitionFinished', { from: status(d.from) });
    return `${first} ${second}`;
  }
  if (err.code === 'FORBIDDEN' && (d.to === 'accepted' || d.to === 'declined')) return t('errors:doctorOnly');
  return t(`errors:${err.code}`);
}
