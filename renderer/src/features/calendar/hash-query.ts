// The `?key=value` part of a hash address (`#/calendar?course=3`), which the router leaves to the screen to read.

export function hashQuery(hash = window.location.hash): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

/** A positive whole number from the hash query, else null. */
export function hashId(key: string, hash?: string): number | null {
  const v = hashQuery(hash).get(key) ?? '';
  return /^[1-9]\d*$/.test(v) ? Number(v) : null;
}

/** Replaces the query of the current hash address without a new history entry (a chosen day stays on reload). */
export function setHashQuery(params: Record<string, string | null>): void {
  const [path = '#/'] = window.location.hash.split('?');
  const q = hashQuery();
  for (const [k, v] of Object.entries(params)) {
    if (v === null) q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${path}${s ? `?${s}` : ''}`);
}
