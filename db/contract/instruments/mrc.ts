// MRC muscle power: 0–5 per muscle group and side; no total; higher is better.
import { defineProfile, numbered, perSide } from './build';

/** The six groups of the MRC sum score (Kleyweg 1991) plus those a stroke clinic adds for hand, elbow and ankle. */
export const MRC_MUSCLE_GROUPS = [
  ['shoulder-abductors', 'Shoulder abductors'],
  ['elbow-flexors', 'Elbow flexors'],
  ['elbow-extensors', 'Elbow extensors'],
  ['wrist-extensors', 'Wrist extensors'],
  ['finger-flexors', 'Finger flexors'],
  ['hip-flexors', 'Hip flexors'],
  ['knee-extensors', 'Knee extensors'],
  ['knee-flexors', 'Knee flexors'],
  ['ankle-dorsiflexors', 'Ankle dorsiflexors'],
  ['ankle-plantarflexors', 'Ankle plantar flexors'],
] as const;

const anchors = numbered([
  'No contraction.',
  'Flicker or trace of contraction.',
  'Active movement, with gravity eliminated.',
  'Active movement against gravity.',
  'Active movement against gravity and resistance.',
  'Normal power.',
]);

const items = perSide(MRC_MUSCLE_GROUPS, anchors);

export const MRC_V1 = defineProfile({
  id: 'mrc',
  version: 1,
  name: 'Medical Research Council scale for muscle power',
  shortName: 'MRC',
  source: {
    citation:
      'Medical Research Council, Aids to the examination of the peripheral nervous system. ' +
      'Memorandum no. 45. London: HMSO, 1976.',
    notes: 'Read per muscle group and side; no total is computed. The muscle groups are the clinic’s choice.',
  },
  items,
  better: 'higher',
});
