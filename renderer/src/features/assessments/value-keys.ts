// Picking an item's value from the keyboard: typed characters (digits, "+", "u") select the anchor whose label they
// spell; characters typed within a short pause combine, so 10 on a 0–10 scale and Ashworth "1+" are reachable.
import type { ItemDef, ItemValue } from '../../../../db/contract';

/** Characters typed closer together than this build one entry ("1" then "0" is 10). */
export const COMBINE_MS = 700;

/** What has been typed into one item so far. */
export interface KeyBuffer {
  readonly text: string;
  readonly at: number;
}

export const EMPTY_BUFFER: KeyBuffer = { text: '', at: 0 };

/** Whether a key can spell part of a value: anything printable and single, so "+" and letters reach "1+" and UN. */
export const isValueKey = (key: string): boolean => key.length === 1 && /[0-9a-z+]/i.test(key);

/** The strings that name an anchor: its value and its label ("3" and "III" for House–Brackmann grade III). */
function namesOf(anchor: ItemDef['anchors'][number]): string[] {
  const names = [String(anchor.value).toLowerCase()];
  if (anchor.label) names.push(anchor.label.toLowerCase());
  return names;
}

const exact = (item: ItemDef, text: string) => item.anchors.find((a) => namesOf(a).includes(text));
const extendable = (item: ItemDef, text: string) =>
  item.anchors.filter((a) => namesOf(a).some((n) => n.startsWith(text)));

export interface Picked {
  /** The buffer to keep for the next key. */
  readonly buffer: KeyBuffer;
  /** The value to select now; undefined when the typing so far names nothing yet (e.g. "1" on 0/5/10/15). */
  readonly value: ItemValue | undefined;
}

/**
 * The value a key press picks. The key joins what was typed within COMBINE_MS when together they still name (or
 * begin) an anchor; otherwise it starts afresh. A prefix that fits a single non-numeric label picks it ("u" → UN).
 * Only the item's own anchors can ever be picked: a value out of range cannot be typed.
 */
export function pickValue(item: ItemDef, buffer: KeyBuffer, key: string, now: number): Picked {
  const k = key.toLowerCase();
  const joined = now - buffer.at <= COMBINE_MS ? buffer.text + k : k;
  for (const text of joined === k ? [k] : [joined, k]) {
    const hit = exact(item, text);
    if (hit) return { buffer: { text, at: now }, value: hit.value };
    const begun = extendable(item, text);
    const only = begun.length === 1 ? begun[0] : undefined;
    if (only && typeof only.value === 'string') return { buffer: { text, at: now }, value: only.value };
    if (begun.length > 0) return { buffer: { text, at: now }, value: undefined };
  }
  return { buffer: EMPTY_BUFFER, value: undefined };
}
