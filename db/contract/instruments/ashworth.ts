// Modified Ashworth Scale: 0, 1, 1+, 2, 3, 4 per muscle group and side; no total; lower is better.
import { defineProfile, perSide } from './build';
import type { Anchor } from './types';

/** Muscle groups the clinic tests for spasticity after stroke (the scale itself fixes none). */
export const ASHWORTH_MUSCLE_GROUPS = [
  ['shoulder-adductors', 'Shoulder adductors'],
  ['elbow-flexors', 'Elbow flexors'],
  ['elbow-extensors', 'Elbow extensors'],
  ['wrist-flexors', 'Wrist flexors'],
  ['finger-flexors', 'Finger flexors'],
  ['hip-adductors', 'Hip adductors'],
  ['knee-flexors', 'Knee flexors'],
  ['knee-extensors', 'Knee extensors'],
  ['ankle-plantarflexors', 'Ankle plantar flexors'],
] as const;

const anchors: Anchor[] = [
  { value: 0, points: 0, text: 'No increase in muscle tone.' },
  {
    value: 1,
    points: 1,
    text:
      'Slight increase in muscle tone, manifested by a catch and release or by minimal resistance at the end of ' +
      'the range of motion when the affected part(s) is moved in flexion or extension.',
  },
  {
    value: '1+',
    points: null,
    text:
      'Slight increase in muscle tone, manifested by a catch, followed by minimal resistance throughout the ' +
      'remainder (less than half) of the range of motion.',
  },
  {
    value: 2,
    points: 2,
    text: 'More marked increase in muscle tone through most of the range of motion, but affected part(s) easily moved.',
  },
  { value: 3, points: 3, text: 'Considerable increase in muscle tone; passive movement difficult.' },
  { value: 4, points: 4, text: 'Affected part(s) rigid in flexion or extension.' },
];

const items = perSide(ASHWORTH_MUSCLE_GROUPS, anchors);

export const ASHWORTH_V1 = defineProfile({
  id: 'ashworth',
  version: 1,
  name: 'Modified Ashworth Scale',
  shortName: 'MAS',
  source: {
    citation:
      'Bohannon RW, Smith MB, Interrater reliability of a modified Ashworth scale of muscle spasticity. ' +
      'Phys Ther 1987;67:206–207.',
    notes:
      'Read per muscle group and side; the scale has no total. "1+" lies between 1 and 2 and has no arithmetic ' +
      'value: compare visits by position on the scale (ordinalRank). The muscle groups are the clinic’s choice.',
  },
  items,
  better: 'lower',
});
