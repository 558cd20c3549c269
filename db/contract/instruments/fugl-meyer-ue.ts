// Fugl-Meyer motor, upper extremity: 33 items in parts A–D, total 0–66, higher is better.
import { defineSummed, numbered } from './build';
import * as fm from './fugl-meyer-common';
import type { ItemDef } from './types';

const A = 'A. Shoulder, elbow, forearm';
const B = 'B. Wrist';
const C = 'C. Hand';
const D = 'D. Coordination and speed';

const syn = (code: string, label: string): ItemDef => ({ code, section: A, label, anchors: fm.synergyAnchors });
const grasp = (code: string, label: string): ItemDef => ({
  code,
  section: C,
  label,
  anchors: numbered([
    'Cannot be performed.',
    'Can hold position or object but not against a slight tug.',
    'Can hold position or object against a tug (relatively great resistance).',
  ]),
});
const wristStability = (code: string, label: string): ItemDef => ({
  code,
  section: B,
  label,
  anchors: numbered([
    'Cannot dorsiflex the wrist to the required 15 degrees.',
    'Dorsiflexion is accomplished, but no resistance is tolerated.',
    'Position can be maintained against slight resistance.',
  ]),
});
const wristMotion = (code: string, label: string): ItemDef => ({
  code,
  section: B,
  label,
  anchors: numbered([
    'Volitional movement does not occur.',
    'Cannot actively move the wrist joint through the full range of motion.',
    'Faultless, smooth movement through the full range of motion.',
  ]),
});

const items: ItemDef[] = [
  {
    code: 'a-reflex-flexors',
    section: A,
    label: 'Reflex activity: flexors (biceps, finger flexors)',
    anchors: fm.reflexAnchors,
  },
  { code: 'a-reflex-extensors', section: A, label: 'Reflex activity: extensors (triceps)', anchors: fm.reflexAnchors },
  syn('a-flex-retraction', 'Flexor synergy: shoulder retraction'),
  syn('a-flex-elevation', 'Flexor synergy: shoulder elevation'),
  syn('a-flex-abduction', 'Flexor synergy: shoulder abduction (90 degrees)'),
  syn('a-flex-outward-rotation', 'Flexor synergy: shoulder outward rotation'),
  syn('a-flex-elbow', 'Flexor synergy: elbow flexion'),
  syn('a-flex-supination', 'Flexor synergy: forearm supination'),
  syn('a-ext-adduction', 'Extensor synergy: shoulder adduction and internal rotation'),
  syn('a-ext-elbow', 'Extensor synergy: elbow extension'),
  syn('a-ext-pronation', 'Extensor synergy: forearm pronation'),
  {
    code: 'a-mix-hand-spine',
    section: A,
    label: 'Mixing synergies: hand to lumbar spine',
    anchors: numbered([
      'No specific action performed.',
      'Hand must pass the anterior superior iliac spine.',
      'Performed faultlessly.',
    ]),
  },
  {
    code: 'a-mix-flexion-90',
    section: A,
    label: 'Mixing synergies: shoulder flexion 0–90 degrees (elbow at 0, forearm neutral)',
    anchors: numbered([
      'Arm is immediately abducted or the elbow flexes at the start of the motion.',
      'Abduction or elbow flexion occurs in the later phase of the motion.',
      'Faultless.',
    ]),
  },
  {
    code: 'a-mix-pro-supination',
    section: A,
    label: 'Mixing synergies: pronation–supination (elbow at 90 degrees, shoulder at 0)',
    anchors: numbered([
      'Correct position of shoulder and elbow cannot be attained, and/or pronation or supination cannot be ' +
        'performed at all.',
      'Active pronation or supination within a limited range, with shoulder and elbow correctly positioned.',
      'Complete pronation and supination with correct positions at elbow and shoulder.',
    ]),
  },
  {
    code: 'a-iso-abduction-90',
    section: A,
    label: 'Little or no synergy: shoulder abduction 0–90 degrees (elbow at 0, forearm pronated)',
    anchors: numbered([
      'Initial elbow flexion or any deviation from the pronated forearm occurs.',
      'Motion performed partly, or the elbow flexes or the forearm cannot be kept pronated during the motion.',
      'Faultless motion.',
    ]),
  },
  {
    code: 'a-iso-flexion-180',
    section: A,
    label: 'Little or no synergy: shoulder flexion 90–180 degrees (elbow at 0, forearm neutral)',
    anchors: numbered([
      'Initial flexion of the elbow or shoulder abduction occurs.',
      'Elbow flexion or shoulder abduction occurs during shoulder flexion.',
      'Faultless motion.',
    ]),
  },
  {
    code: 'a-iso-pro-supination',
    section: A,
    label: 'Little or no synergy: pronation–supination (elbow at 0, shoulder flexed 30–90 degrees)',
    anchors: numbered([
      'Supination and pronation cannot be performed at all, or elbow and shoulder positions cannot be attained.',
      'Elbow and shoulder properly positioned and pronation–supination performed within a limited range.',
      'Faultless motion.',
    ]),
  },
  {
    code: 'a-normal-reflexes',
    section: A,
    label: 'Normal reflex activity (biceps, triceps, finger flexors)',
    hint: 'Assessed only if part IV (little or no synergy) scores the full 6; otherwise score 0.',
    anchors: fm.normalReflexAnchors,
  },
  wristStability('b-stability-elbow-90', 'Stability at 15 degrees dorsiflexion (elbow at 90 degrees)'),
  wristMotion('b-motion-elbow-90', 'Repeated dorsiflexion–volar flexion (elbow at 90 degrees)'),
  wristStability('b-stability-elbow-0', 'Stability at 15 degrees dorsiflexion (elbow at 0 degrees)'),
  wristMotion('b-motion-elbow-0', 'Repeated dorsiflexion–volar flexion (elbow at 0 degrees)'),
  {
    code: 'b-circumduction',
    section: B,
    label: 'Circumduction',
    anchors: numbered([
      'Cannot be performed.',
      'Jerky movement or incomplete circumduction.',
      'Complete circumduction with smoothness.',
    ]),
  },
  {
    code: 'c-mass-flexion',
    section: C,
    label: 'Finger mass flexion',
    anchors: numbered(['No flexion.', 'Partial flexion.', 'Full active flexion (compared with the unaffected hand).']),
  },
  {
    code: 'c-mass-extension',
    section: C,
    label: 'Finger mass extension',
    anchors: numbered([
      'No extension.',
      'Partial extension, or can release an active mass flexion grasp.',
      'Full active extension (compared with the unaffected hand).',
    ]),
  },
  grasp('c-grasp-hook', 'Grasp a: hook grasp (MCP joints extended, PIP and DIP joints flexed)'),
  grasp('c-grasp-thumb', 'Grasp b: thumb adduction (scrap of paper between thumb and index finger)'),
  grasp('c-grasp-pincer', 'Grasp c: pincer grasp, opposition (pencil between pulps of thumb and index finger)'),
  grasp('c-grasp-cylinder', 'Grasp d: cylinder grasp (small can or cup)'),
  grasp('c-grasp-spherical', 'Grasp e: spherical grasp (tennis ball)'),
  ...fm.coordinationItems(D, 'd'),
];

const PART_IV = ['a-iso-abduction-90', 'a-iso-flexion-180', 'a-iso-pro-supination'];

export const FUGL_MEYER_UE_V1 = defineSummed({
  id: 'fm-ue',
  version: 1,
  name: 'Fugl-Meyer Assessment, motor function, upper extremity',
  shortName: 'FM arm',
  source: fm.fuglMeyerSource('A–D', 33, 66),
  items,
  range: { min: 0, max: 66 },
  subscoreDefs: [
    { code: 'A', label: A, range: { min: 0, max: 36 } },
    { code: 'B', label: B, range: { min: 0, max: 10 } },
    { code: 'C', label: C, range: { min: 0, max: 14 } },
    { code: 'D', label: D, range: { min: 0, max: 6 } },
  ],
  better: 'higher',
  mcid: 9,
  loinc: null,
  check: fm.partVRule(PART_IV, 'a-normal-reflexes'),
});
