// The clinic's improvement by domain: a clinician's global impression (1–7) for each of 9 domains; no total.
import { defineProfile, numbered } from './build';
import type { ItemDef } from './types';

export const IMPROVEMENT_DOMAINS = [
  ['muscle-tension', 'Muscle tension'],
  ['muscle-strength', 'Muscle strength'],
  ['peripheral-circulation', 'Peripheral circulation'],
  ['coordination-posture', 'Coordination and posture'],
  ['standing', 'Standing'],
  ['hand-fine-motor', 'Hand and fine motor'],
  ['leg-movement', 'Leg movement'],
  ['speech-facial', 'Speech and facial palsy'],
  ['sensation', 'Sensation'],
] as const;

const anchors = numbered(
  [
    'Very much improved.',
    'Much improved.',
    'Minimally improved.',
    'No change.',
    'Minimally worse.',
    'Much worse.',
    'Very much worse.',
  ],
  1,
);

const items: ItemDef[] = IMPROVEMENT_DOMAINS.map(([code, label]) => ({ code, label, anchors }));

export const IMPROVEMENT_V1 = defineProfile({
  id: 'improvement',
  version: 1,
  name: 'Improvement by domain (clinician’s global impression)',
  shortName: 'Improvement',
  source: {
    citation:
      'Anchors of the Clinical Global Impression, improvement item: Guy W, ECDEU Assessment Manual for ' +
      'Psychopharmacology. Rockville: US DHEW, 1976; domains are the clinic’s own.',
    notes: 'Compared with baseline, per domain; the domains are read one by one and have no total.',
  },
  items,
  better: 'lower',
});
