// Anchors and rules shared by the Fugl-Meyer upper- and lower-extremity motor scales (Fugl-Meyer et al. 1975).
import { numbered, weighted } from './build';
import type { Anchor, ItemDef, ItemIssue, ItemValues } from './types';

export const FUGL_MEYER_CITATION =
  'Fugl-Meyer AR et al., The post-stroke hemiplegic patient. 1. A method for evaluation of physical performance. ' +
  'Scand J Rehabil Med 1975;7:13–31; item wording after the standardized protocol of Sullivan KJ et al., ' +
  'Stroke 2011;42:427–432 (FMA-UE/FMA-LE forms, University of Gothenburg).';

/** The scale's publication, and what this motor-only definition leaves out. */
export function fuglMeyerSource(parts: string, items: number, max: number) {
  return {
    citation: FUGL_MEYER_CITATION,
    notes: `Motor score only (${parts}, ${items} items, 0–${max}); sensation, passive motion and joint pain are not included.`,
  };
}

/** Reflex activity in part I scores 0 or 2, never 1. */
export const reflexAnchors: Anchor[] = weighted([
  [0, 'No reflex activity can be elicited.'],
  [2, 'Reflex activity can be elicited.'],
]);

export const synergyAnchors: Anchor[] = numbered(['None.', 'Partial.', 'Full.']);

export const normalReflexAnchors: Anchor[] = numbered([
  '2 of 3 reflexes markedly hyperactive (or part IV not fully scored).',
  '1 reflex markedly hyperactive or at least 2 reflexes lively.',
  'No more than 1 reflex lively, none hyperactive.',
]);

/** Coordination and speed, scored on 5 fast repetitions (finger-to-nose or heel-to-opposite-knee), eyes closed. */
export function coordinationItems(section: string, prefix: string): ItemDef[] {
  return [
    { code: `${prefix}-tremor`, section, label: 'Tremor', anchors: numbered(['Marked.', 'Slight.', 'None.']) },
    {
      code: `${prefix}-dysmetria`,
      section,
      label: 'Dysmetria',
      anchors: numbered(['Pronounced or unsystematic.', 'Slight and systematic.', 'None.']),
    },
    {
      code: `${prefix}-time`,
      section,
      label: 'Time (compared with the unaffected side)',
      anchors: numbered([
        '6 seconds or more slower than the unaffected side.',
        '2 to 5 seconds slower than the unaffected side.',
        'Less than 2 seconds difference.',
      ]),
    },
  ];
}

/**
 * Part V (normal reflex activity) is assessed only when part IV has its full score; otherwise it is scored 0.
 * Returns an issue when V is above 0 while some part IV item is short of 2.
 */
export function partVRule(partIV: readonly string[], partV: string) {
  return (values: ItemValues): ItemIssue[] => {
    const v = values[partV];
    if (typeof v !== 'number' || v === 0) return [];
    const full = partIV.every((code) => values[code] === 2);
    return full ? [] : [{ item: partV, message: 'Scored only after a full score in part IV; otherwise 0' }];
  };
}
