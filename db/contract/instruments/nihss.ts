// NIH Stroke Scale: 15 items (1a–11), total 0–42, lower is better; UN where the published form allows it.
import { defineSummed, numbered, untestable } from './build';
import type { ItemDef, ItemIssue, ItemValues } from './types';

/** The NINDS instructions score a patient in coma (1a = 3) as 2 on sensory (8) and 3 on language (9). */
function comaRule(values: ItemValues): ItemIssue[] {
  if (values['1a'] !== 3) return [];
  const issues: ItemIssue[] = [];
  const expect = (item: string, value: number) => {
    const v = values[item];
    if (v !== undefined && v !== value) issues.push({ item, message: `Scored ${value} when 1a is 3 (coma)` });
  };
  expect('8', 2);
  expect('9', 3);
  return issues;
}

const AMPUTATION = 'Amputation or joint fusion, explain.';

const arm = (code: string, side: 'left' | 'right'): ItemDef => ({
  code,
  side,
  label: `Motor arm, ${side}`,
  hint: 'Extend the arm (palms down) 90 degrees if sitting or 45 degrees if supine; drift is scored if it falls before 10 seconds.',
  untestableNeedsNote: true,
  anchors: [
    ...numbered([
      'No drift; limb holds 90 (or 45) degrees for full 10 seconds.',
      'Drift; limb holds 90 (or 45) degrees, but drifts down before full 10 seconds; does not hit bed or other support.',
      'Some effort against gravity; limb cannot get to or maintain (if cued) 90 (or 45) degrees, drifts down to bed, ' +
        'but has some effort against gravity.',
      'No effort against gravity; limb falls.',
      'No movement.',
    ]),
    untestable(AMPUTATION),
  ],
});

const leg = (code: string, side: 'left' | 'right'): ItemDef => ({
  code,
  side,
  label: `Motor leg, ${side}`,
  hint: 'Hold the leg at 30 degrees (always tested supine); drift is scored if it falls before 5 seconds.',
  untestableNeedsNote: true,
  anchors: [
    ...numbered([
      'No drift; leg holds 30-degree position for full 5 seconds.',
      'Drift; leg falls by the end of the 5-second period but does not hit bed.',
      'Some effort against gravity; leg falls to bed by 5 seconds, but has some effort against gravity.',
      'No effort against gravity; leg falls to bed immediately.',
      'No movement.',
    ]),
    untestable(AMPUTATION),
  ],
});

const items: ItemDef[] = [
  {
    code: '1a',
    label: 'Level of consciousness',
    anchors: numbered([
      'Alert; keenly responsive.',
      'Not alert; but arousable by minor stimulation to obey, answer, or respond.',
      'Not alert; requires repeated stimulation to attend, or is obtunded and requires strong or painful stimulation ' +
        'to make movements (not stereotyped).',
      'Responds only with reflex motor or autonomic effects, or totally unresponsive, flaccid, and areflexic.',
    ]),
  },
  {
    code: '1b',
    label: 'LOC questions',
    hint: 'Ask the month and the patient’s age. Aphasic or stuporous: 2; intubated, trauma, language barrier: 1.',
    anchors: numbered([
      'Answers both questions correctly.',
      'Answers one question correctly.',
      'Answers neither question correctly.',
    ]),
  },
  {
    code: '1c',
    label: 'LOC commands',
    hint: 'Open and close the eyes; grip and release the non-paretic hand.',
    anchors: numbered([
      'Performs both tasks correctly.',
      'Performs one task correctly.',
      'Performs neither task correctly.',
    ]),
  },
  {
    code: '2',
    label: 'Best gaze',
    anchors: numbered([
      'Normal.',
      'Partial gaze palsy; gaze is abnormal in one or both eyes, but forced deviation or total gaze paresis is not ' +
        'present.',
      'Forced deviation, or total gaze paresis not overcome by the oculocephalic maneuver.',
    ]),
  },
  {
    code: '3',
    label: 'Visual',
    anchors: numbered([
      'No visual loss.',
      'Partial hemianopia.',
      'Complete hemianopia.',
      'Bilateral hemianopia (blind including cortical blindness).',
    ]),
  },
  {
    code: '4',
    label: 'Facial palsy',
    anchors: numbered([
      'Normal symmetrical movements.',
      'Minor paralysis (flattened nasolabial fold, asymmetry on smiling).',
      'Partial paralysis (total or near-total paralysis of lower face).',
      'Complete paralysis of one or both sides (absence of facial movement in the upper and lower face).',
    ]),
  },
  arm('5a', 'left'),
  arm('5b', 'right'),
  leg('6a', 'left'),
  leg('6b', 'right'),
  {
    code: '7',
    label: 'Limb ataxia',
    hint: 'Finger-nose-finger and heel-shin on both sides; scored only if out of proportion to weakness.',
    untestableNeedsNote: true,
    anchors: [...numbered(['Absent.', 'Present in one limb.', 'Present in two limbs.']), untestable(AMPUTATION)],
  },
  {
    code: '8',
    label: 'Sensory',
    hint: 'Stuporous or aphasic patients score 1 or 0; coma (1a = 3) scores 2. The scale has no UN for this item.',
    anchors: numbered([
      'Normal; no sensory loss.',
      'Mild-to-moderate sensory loss; patient feels pinprick is less sharp or is dull on the affected side; or there ' +
        'is a loss of superficial pain with pinprick, but patient is aware of being touched.',
      'Severe to total sensory loss; patient is not aware of being touched in the face, arm, and leg.',
    ]),
  },
  {
    code: '9',
    label: 'Best language',
    hint: 'Coma (1a = 3) scores 3. The scale has no UN for this item.',
    anchors: numbered([
      'No aphasia; normal.',
      'Mild-to-moderate aphasia; some obvious loss of fluency or facility of comprehension, without significant ' +
        'limitation on ideas expressed or form of expression. Reduction of speech and/or comprehension, however, ' +
        'makes conversation about provided materials difficult or impossible. For example, in conversation about ' +
        'provided materials, examiner can identify picture or naming card content from patient’s response.',
      'Severe aphasia; all communication is through fragmentary expression; great need for inference, questioning, ' +
        'and guessing by the listener. Range of information that can be exchanged is limited; listener carries ' +
        'burden of communication. Examiner cannot identify materials provided from patient response.',
      'Mute, global aphasia; no usable speech or auditory comprehension.',
    ]),
  },
  {
    code: '10',
    label: 'Dysarthria',
    untestableNeedsNote: true,
    anchors: [
      ...numbered([
        'Normal.',
        'Mild-to-moderate dysarthria; patient slurs at least some words and, at worst, can be understood with some ' +
          'difficulty.',
        'Severe dysarthria; patient’s speech is so slurred as to be unintelligible in the absence of or out of ' +
          'proportion to any dysphasia, or is mute/anarthric.',
      ]),
      untestable('Intubated or other physical barrier, explain.'),
    ],
  },
  {
    code: '11',
    label: 'Extinction and inattention',
    anchors: numbered([
      'No abnormality.',
      'Visual, tactile, auditory, spatial, or personal inattention or extinction to bilateral simultaneous ' +
        'stimulation in one of the sensory modalities.',
      'Profound hemi-inattention or extinction to more than one modality; does not recognize own hand or orients to ' +
        'only one side of space.',
    ]),
  },
];

export const NIHSS_V1 = defineSummed({
  id: 'nihss',
  version: 1,
  name: 'NIH Stroke Scale',
  shortName: 'NIHSS',
  source: {
    citation:
      'National Institute of Neurological Disorders and Stroke, NIH Stroke Scale (rev. 10/1/2003); Brott T et al., ' +
      'Measurements of acute cerebral infarction: a clinical examination scale. Stroke 1989;20:864–870.',
    notes:
      'UN (untestable) exists only for items 5a, 5b, 6a, 6b, 7 (amputation or joint fusion) and 10 (intubation or ' +
      'other physical barrier); items 1a–4, 8, 9 and 11 are always scored. UN adds no points: the total is the ' +
      'sum of the scored items and is marked incomplete.',
  },
  items,
  range: { min: 0, max: 42 },
  better: 'lower',
  mcid: -4,
  loinc: '72089-6',
  check: comaRule,
});
