// Sunnybrook facial grading: resting symmetry, voluntary movement, synkinesis; composite 0–100, higher is better.
import { defineInstrument, numbered, sumScorer } from './build';
import type { Anchor, ItemDef, ItemValues, Score } from './types';

const REST = 'Resting symmetry';
const VOLUNTARY = 'Symmetry of voluntary movement';
const SYNKINESIS = 'Synkinesis';

const word = (value: string, points: number, text: string): Anchor => ({ value, points, text });

const restItems: ItemDef[] = [
  {
    code: 'rest-eye',
    section: REST,
    label: 'Eye (palpebral fissure), compared with the normal side',
    anchors: [
      word('normal', 0, 'Normal.'),
      word('narrow', 1, 'Narrow.'),
      word('wide', 1, 'Wide.'),
      word('eyelid-surgery', 1, 'Eyelid surgery.'),
    ],
  },
  {
    code: 'rest-cheek',
    section: REST,
    label: 'Cheek (nasolabial fold), compared with the normal side',
    anchors: [
      word('normal', 0, 'Normal.'),
      word('absent', 2, 'Absent.'),
      word('less', 1, 'Less pronounced.'),
      word('more', 1, 'More pronounced.'),
    ],
  },
  {
    code: 'rest-mouth',
    section: REST,
    label: 'Mouth, compared with the normal side',
    anchors: [
      word('normal', 0, 'Normal.'),
      word('drooped', 1, 'Corner drooped.'),
      word('pulled', 1, 'Corner pulled up or out.'),
    ],
  },
];

const EXPRESSIONS = [
  ['brow', 'Forehead wrinkle (brow lift)'],
  ['eye', 'Gentle eye closure'],
  ['smile', 'Open mouth smile'],
  ['snarl', 'Snarl'],
  ['pucker', 'Lip pucker'],
] as const;

const movement = numbered(
  [
    'Unable to initiate movement.',
    'Initiates slight movement.',
    'Initiated movement with mild excursion.',
    'Movement almost complete.',
    'Movement complete.',
  ],
  1,
);
const synkinesis = numbered([
  'None: no synkinesis or mass movement.',
  'Mild: slight synkinesis of one or several muscles.',
  'Moderate: obvious but not disfiguring synkinesis of one or several muscles.',
  'Severe: disfiguring synkinesis, gross mass movement of several muscles.',
]);

const voluntaryItems: ItemDef[] = EXPRESSIONS.map(([code, label]) => ({
  code: `voluntary-${code}`,
  section: VOLUNTARY,
  label,
  anchors: movement,
}));
const synkinesisItems: ItemDef[] = EXPRESSIONS.map(([code, label]) => ({
  code: `synkinesis-${code}`,
  section: SYNKINESIS,
  label: `Synkinesis with ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
  anchors: synkinesis,
}));

const items = [...restItems, ...voluntaryItems, ...synkinesisItems];
const codes = (list: readonly ItemDef[]) => list.map((i) => i.code);

const parts = sumScorer(items, [
  { code: 'resting', items: codes(restItems), weight: 5 },
  { code: 'voluntary', items: codes(voluntaryItems), weight: 4 },
  { code: 'synkinesis', items: codes(synkinesisItems) },
]);

/** Composite = voluntary movement score − resting symmetry score − synkinesis score. */
function score(values: ItemValues): Score {
  const s = parts(values);
  const { resting, voluntary, synkinesis: synk } = s.subscores;
  const ready = resting != null && voluntary != null && synk != null;
  // The running sum follows the composite's weights so the form shows a meaningful number while typing.
  const running = (weight: number, list: readonly ItemDef[]) => weight * sumScorer(list)(values).sum;
  return {
    ...s,
    sum: running(4, voluntaryItems) - running(5, restItems) - running(1, synkinesisItems),
    total: ready ? voluntary - resting - synk : null,
  };
}

export const SUNNYBROOK_V1 = defineInstrument(
  {
    id: 'sunnybrook',
    version: 1,
    name: 'Sunnybrook Facial Grading System',
    shortName: 'Sunnybrook',
    source: {
      citation:
        'Ross BG, Fradet G, Nedzelski JM, Development of a sensitive clinical facial grading system. ' +
        'Otolaryngol Head Neck Surg 1996;114:380–386.',
      notes:
        'Resting symmetry = (eye + cheek + mouth) × 5 (0–20); voluntary movement = sum of 5 expressions × 4 ' +
        '(20–100); synkinesis = sum of 5 expressions (0–15); composite = voluntary − resting − synkinesis. The ' +
        'publication gives the composite as 0–100; the arithmetic allows down to −15 (no movement with maximal ' +
        'synkinesis and resting asymmetry), which is kept as computed, not clipped.',
    },
    items,
    range: { min: -15, max: 100 },
    subscoreDefs: [
      { code: 'resting', label: REST, range: { min: 0, max: 20 } },
      { code: 'voluntary', label: VOLUNTARY, range: { min: 20, max: 100 } },
      { code: 'synkinesis', label: SYNKINESIS, range: { min: 0, max: 15 } },
    ],
    better: 'higher',
    mcid: null,
    goodOutcome: null,
    loinc: null,
    score,
  },
  { summed: false },
);
