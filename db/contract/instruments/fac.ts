// Functional Ambulation Categories: one category 0–5, higher is better.
import { defineSummed, numbered } from './build';
import type { ItemDef } from './types';

const items: ItemDef[] = [
  {
    code: 'category',
    label: 'Functional ambulation category',
    anchors: numbered([
      'Nonfunctional ambulation: patient cannot ambulate, ambulates in parallel bars only, or requires supervision ' +
        'or physical assistance from more than one person to ambulate safely outside of parallel bars.',
      'Ambulator, dependent on physical assistance, level II: patient requires manual contacts of no more than one ' +
        'person during ambulation on level surfaces to prevent falling. Manual contacts are continuous and necessary ' +
        'to support body weight as well as maintain balance and/or assist coordination.',
      'Ambulator, dependent on physical assistance, level I: patient requires manual contact of no more than one ' +
        'person during ambulation on level surfaces to prevent falling. Manual contact consists of continuous or ' +
        'intermittent light touch to assist balance or coordination.',
      'Ambulator, dependent on supervision: patient can physically ambulate on level surfaces without manual contact ' +
        'of another person but requires standby guarding of no more than one person because of poor judgment, ' +
        'questionable cardiac status, or the need for verbal cuing to complete the task.',
      'Ambulator, independent, level surfaces only: patient can ambulate independently on level surfaces but ' +
        'requires supervision or physical assistance to negotiate any of the following: stairs, inclines, or ' +
        'nonlevel surfaces.',
      'Ambulator, independent: patient can ambulate independently on nonlevel and level surfaces, stairs, and ' +
        'inclines.',
    ]),
  },
];

export const FAC_V1 = defineSummed({
  id: 'fac',
  version: 1,
  name: 'Functional Ambulation Categories',
  shortName: 'FAC',
  source: {
    citation:
      'Holden MK et al., Clinical gait assessment in the neurologically impaired: reliability and meaningfulness. ' +
      'Phys Ther 1984;64:35–40.',
  },
  items,
  range: { min: 0, max: 5 },
  better: 'higher',
  mcid: null,
  loinc: null,
});
