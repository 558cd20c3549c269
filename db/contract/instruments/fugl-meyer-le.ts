// Fugl-Meyer motor, lower extremity: 17 items in parts E–F, total 0–34, higher is better.
import { defineSummed, numbered } from './build';
import * as fm from './fugl-meyer-common';
import type { ItemDef } from './types';

const E = 'E. Hip, knee, ankle';
const F = 'F. Coordination and speed';

const flexor = (code: string, label: string): ItemDef => ({
  code,
  section: E,
  label: `Flexor synergy (supine): ${label}`,
  anchors: fm.synergyAnchors,
});
const extensor = (code: string, label: string): ItemDef => ({
  code,
  section: E,
  label: `Extensor synergy (side-lying, against resistance): ${label}`,
  anchors: numbered(['No motion.', 'Weak motion.', 'Almost full strength compared with normal.']),
});

const items: ItemDef[] = [
  { code: 'e-reflex-flexors', section: E, label: 'Reflex activity: knee flexors', anchors: fm.reflexAnchors },
  { code: 'e-reflex-extensors', section: E, label: 'Reflex activity: patellar, Achilles', anchors: fm.reflexAnchors },
  flexor('e-flex-hip', 'hip flexion'),
  flexor('e-flex-knee', 'knee flexion'),
  flexor('e-flex-ankle', 'ankle dorsiflexion'),
  extensor('e-ext-hip', 'hip extension'),
  extensor('e-ext-adduction', 'hip adduction'),
  extensor('e-ext-knee', 'knee extension'),
  extensor('e-ext-ankle', 'ankle plantar flexion'),
  {
    code: 'e-mix-knee',
    section: E,
    label: 'Mixing synergies (sitting): knee flexion beyond 90 degrees',
    anchors: numbered([
      'No active motion.',
      'Knee actively flexed up to 90 degrees from a slightly extended position.',
      'Knee flexed beyond 90 degrees.',
    ]),
  },
  {
    code: 'e-mix-ankle',
    section: E,
    label: 'Mixing synergies (sitting): ankle dorsiflexion',
    anchors: numbered(['No active dorsiflexion.', 'Incomplete active dorsiflexion.', 'Normal dorsiflexion.']),
  },
  {
    code: 'e-iso-knee',
    section: E,
    label: 'Little or no synergy (standing, hip at 0): knee flexion to 90 degrees',
    anchors: numbered([
      'Knee cannot flex without hip flexion.',
      'Knee begins flexion without hip flexion but does not reach 90 degrees, or the hip flexes during the motion.',
      'Full motion as described.',
    ]),
  },
  {
    code: 'e-iso-ankle',
    section: E,
    label: 'Little or no synergy (standing): ankle dorsiflexion',
    anchors: numbered(['No active motion.', 'Partial active dorsiflexion.', 'Full dorsiflexion.']),
  },
  {
    code: 'e-normal-reflexes',
    section: E,
    label: 'Normal reflex activity (knee flexors, patellar, Achilles)',
    hint: 'Assessed only if part IV (little or no synergy) scores the full 4; otherwise score 0.',
    anchors: fm.normalReflexAnchors,
  },
  ...fm.coordinationItems(F, 'f'),
];

export const FUGL_MEYER_LE_V1 = defineSummed({
  id: 'fm-le',
  version: 1,
  name: 'Fugl-Meyer Assessment, motor function, lower extremity',
  shortName: 'FM leg',
  source: fm.fuglMeyerSource('E–F', 17, 34),
  items,
  range: { min: 0, max: 34 },
  subscoreDefs: [
    { code: 'E', label: E, range: { min: 0, max: 28 } },
    { code: 'F', label: F, range: { min: 0, max: 6 } },
  ],
  better: 'higher',
  mcid: 6,
  loinc: null,
  check: fm.partVRule(['e-iso-knee', 'e-iso-ankle'], 'e-normal-reflexes'),
});
