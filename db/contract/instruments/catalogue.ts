// Translation keys for instrument text: the English catalogue is generated from the definitions, so it cannot drift.
import type { InstrumentDef, ItemDef, ItemValue } from './types';

/** Catalogue root of one definition: wording belongs to a version (`nihss_v1`), like the scoring. */
export const defKey = (def: InstrumentDef) => `${def.id}_v${def.version}`;

/** Items taken per side share their group's text; the side is added by the screen. */
export const itemKey = (def: InstrumentDef, item: ItemDef) => `${defKey(def)}.items.${item.group?.code ?? item.code}`;

const sameAnchors = (a: ItemDef, b: ItemDef) =>
  a.anchors.length === b.anchors.length &&
  a.anchors.every((x, i) => x.value === b.anchors[i]?.value && x.text === b.anchors[i]?.text);

/** True when every item has the same anchors (Ashworth, MRC, improvement): their text is kept once. */
export const sharesAnchors = (def: InstrumentDef) =>
  def.items.length > 1 && def.items.every((i) => def.items[0] !== undefined && sameAnchors(i, def.items[0]));

export function anchorKey(def: InstrumentDef, item: ItemDef, value: ItemValue): string {
  return sharesAnchors(def) ? `${defKey(def)}.anchors.${value}` : `${itemKey(def, item)}.anchors.${value}`;
}

type Tree = { [key: string]: string | Tree };

function put(tree: Tree, path: string, text: string) {
  const parts = path.split('.');
  let node = tree;
  for (const p of parts.slice(0, -1)) {
    const next = node[p];
    if (typeof next === 'string') throw new Error(`Key ${path} crosses a text`);
    node = next ?? (node[p] = {});
  }
  const last = parts[parts.length - 1] ?? '';
  const prior = node[last];
  if (prior !== undefined && prior !== text) throw new Error(`Key ${path} has two texts`);
  node[last] = text;
}

/**
 * The English catalogue (`renderer/src/i18n/en/instruments.json`) for these definitions; after a change, rewrite the
 * file with `JSON.stringify(englishCatalogue(INSTRUMENTS.all()), null, 2)` and translate the new keys in zh-CN.
 */
export function englishCatalogue(defs: readonly InstrumentDef[]): Tree {
  const tree: Tree = {};
  for (const def of defs) {
    const root = defKey(def);
    put(tree, `${root}.name`, def.name);
    put(tree, `${root}.shortName`, def.shortName);
    for (const s of def.subscoreDefs) put(tree, `${root}.subscores.${s.code}`, s.label);
    for (const item of def.items) {
      const key = itemKey(def, item);
      put(tree, `${key}.label`, item.group?.label ?? item.label);
      if (item.hint) put(tree, `${key}.hint`, item.hint);
      for (const a of item.anchors) put(tree, anchorKey(def, item, a.value), a.text);
    }
  }
  return tree;
}
