// Modified Rankin Scale: one grade 0–6 (6 = dead), lower is better; 0–2 counts as a good outcome.
import { defineSummed, numbered } from './build';
import type { ItemDef } from './types';

const items: ItemDef[] = [
  {
    code: 'grade',
    label: 'Modified Rankin Scale grade',
    anchors: numbered([
      'No symptoms at all.',
      'No significant disability despite symptoms; able to carry out all usual duties and activities.',
      'Slight disability; unable to carry out all previous activities, but able to look after own affairs without ' +
        'assistance.',
      'Moderate disability; requiring some help, but able to walk without assistance.',
      'Moderately severe disability; unable to walk without assistance and unable to attend to own bodily needs ' +
        'without assistance.',
      'Severe disability; bedridden, incontinent and requiring constant nursing care and attention.',
      'Dead.',
    ]),
  },
];

export const MRS_V1 = defineSummed({
  id: 'mrs',
  version: 1,
  name: 'Modified Rankin Scale',
  shortName: 'mRS',
  source: {
    citation:
      'van Swieten JC et al., Interobserver agreement for the assessment of handicap in stroke patients. ' +
      'Stroke 1988;19:604–607 (after Rankin J, Scott Med J 1957;2:200–215); grade 6 (dead) as used in outcome trials.',
  },
  items,
  range: { min: 0, max: 6 },
  better: 'lower',
  mcid: -1,
  goodOutcome: { min: 0, max: 2 },
  loinc: '75859-9',
});
