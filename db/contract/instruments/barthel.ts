// Barthel Index: 10 activities of daily living weighted as in Mahoney & Barthel 1965, total 0–100 in steps of 5.
import { defineSummed, weighted } from './build';
import type { ItemDef } from './types';

const items: ItemDef[] = [
  {
    code: 'feeding',
    label: 'Feeding',
    anchors: weighted([
      [
        10,
        'Independent. The patient can feed himself a meal from a tray or table when someone puts the food within his ' +
          'reach. He must put on an assistive device if this is needed, cut up the food, use salt and pepper, ' +
          'spread butter, etc. He must accomplish this in a reasonable time.',
      ],
      [5, 'Some help is necessary (with cutting up food, etc., as listed above).'],
      [0, 'Unable; dependent on another person to be fed.'],
    ]),
  },
  {
    code: 'transfers',
    label: 'Moving from wheelchair to bed and return',
    anchors: weighted([
      [
        15,
        'Independent in all phases of this activity. Patient can safely approach the bed in his wheelchair, lock ' +
          'brakes, lift footrests, move safely to bed, lie down, come to a sitting position on the side of the bed, ' +
          'change the position of the wheelchair, if necessary, to transfer back into it safely, and return to the ' +
          'wheelchair.',
      ],
      [
        10,
        'Either some minimal help is needed in some step of this activity or the patient needs to be reminded or ' +
          'supervised for safety of one or more parts of this activity.',
      ],
      [
        5,
        'Patient can come to a sitting position without the help of a second person but needs to be lifted out of ' +
          'bed, or if he transfers, with a great deal of help.',
      ],
      [0, 'Unable; no sitting balance.'],
    ]),
  },
  {
    code: 'grooming',
    label: 'Doing personal toilet',
    anchors: weighted([
      [
        5,
        'Patient can wash hands and face, comb hair, clean teeth, and shave. He may use any kind of razor but must ' +
          'put in blade or plug in razor without help as well as get it from drawer or cabinet. Female patients must ' +
          'put on own make-up, if used, but need not braid or style hair.',
      ],
      [0, 'Needs help with personal care.'],
    ]),
  },
  {
    code: 'toilet',
    label: 'Getting on and off toilet',
    anchors: weighted([
      [
        10,
        'Patient is able to get on and off toilet, fasten and unfasten clothes, prevent soiling of clothes, and use ' +
          'toilet paper without help. He may use a wall bar or other stable object for support if needed. If it is ' +
          'necessary to use a bed pan instead of a toilet, he must be able to place it on a chair, empty it, and ' +
          'clean it.',
      ],
      [5, 'Patient needs help because of imbalance or in handling clothes or in using toilet paper.'],
      [0, 'Dependent.'],
    ]),
  },
  {
    code: 'bathing',
    label: 'Bathing self',
    anchors: weighted([
      [
        5,
        'Patient may use a bathtub, a shower, or take a complete sponge bath. He must be able to do all the steps ' +
          'involved in whichever method is employed without another person being present.',
      ],
      [0, 'Dependent.'],
    ]),
  },
  {
    code: 'mobility',
    label: 'Walking on a level surface (or propelling a wheelchair)',
    anchors: weighted([
      [
        15,
        'Patient can walk at least 50 yards without help or supervision. He may wear braces or prostheses and use ' +
          'crutches, canes, or a walkerette but not a rolling walker. He must be able to lock and unlock braces if ' +
          'used, assume the standing position and sit down, get the necessary mechanical aids into position for use, ' +
          'and dispose of them when he sits. (Putting on and taking off braces is scored under dressing.)',
      ],
      [10, 'Patient needs help or supervision in any of the above but can walk at least 50 yards with a little help.'],
      [
        5,
        'Propelling a wheelchair: patient cannot ambulate but can propel a wheelchair independently. He must be able ' +
          'to go around corners, turn around, maneuver the chair to a table, bed, toilet, etc. He must be able to ' +
          'push a chair at least 50 yards. Do not score this if the patient gets a score for walking.',
      ],
      [0, 'Immobile; can neither walk nor propel a wheelchair.'],
    ]),
  },
  {
    code: 'stairs',
    label: 'Ascending and descending stairs',
    anchors: weighted([
      [
        10,
        'Patient is able to go up and down a flight of stairs safely without help or supervision. He may and should ' +
          'use handrails, canes, or crutches when needed. He must be able to carry canes or crutches as he ascends ' +
          'or descends stairs.',
      ],
      [5, 'Patient needs help with or supervision of any one of the above items.'],
      [0, 'Unable.'],
    ]),
  },
  {
    code: 'dressing',
    label: 'Dressing and undressing',
    anchors: weighted([
      [
        10,
        'Patient is able to put on and remove and fasten all clothing, and tie shoe laces (unless it is necessary to ' +
          'use adaptations for this). The activity includes putting on and removing and fastening corset or braces ' +
          'when these are prescribed. Such special clothing as suspenders, loafer shoes, dresses that open down the ' +
          'front may be used when necessary.',
      ],
      [
        5,
        'Patient needs help in putting on and removing or fastening any clothing. He must do at least half the work ' +
          'himself. He must accomplish this in a reasonable time.',
      ],
      [0, 'Dependent.'],
    ]),
  },
  {
    code: 'bowels',
    label: 'Continence of bowels',
    anchors: weighted([
      [
        10,
        'Patient is able to control his bowels and have no accidents. He can use a suppository or take an enema ' +
          'when necessary (as for spinal cord injury patients who have had bowel training).',
      ],
      [5, 'Patient needs help in using a suppository or taking an enema or has occasional accidents.'],
      [0, 'Incontinent.'],
    ]),
  },
  {
    code: 'bladder',
    label: 'Controlling bladder',
    anchors: weighted([
      [
        10,
        'Patient is able to control his bladder day and night. Spinal cord injury patients who wear an external ' +
          'device and leg bag must put them on independently, clean and empty bag, and stay dry day and night.',
      ],
      [
        5,
        'Patient has occasional accidents or cannot wait for the bed pan or get to the toilet in time or needs help ' +
          'with an external device.',
      ],
      [0, 'Incontinent, or catheterized and unable to manage.'],
    ]),
  },
];

export const BARTHEL_V1 = defineSummed({
  id: 'barthel',
  version: 1,
  name: 'Barthel Index',
  shortName: 'Barthel',
  source: {
    citation: 'Mahoney FI, Barthel DW, Functional evaluation: the Barthel Index. Md State Med J 1965;14:61–65.',
    notes:
      'Weights and definitions as published (feeding 10, transfers 15, personal toilet 5, toilet 10, bathing 5, ' +
      'walking 15 or wheelchair 5, stairs 10, dressing 10, bowels 10, bladder 10). The publication defines the ' +
      'scoring levels only; the 0 ("unable/dependent") wording follows the usual scoring form.',
  },
  items,
  range: { min: 0, max: 100 },
  better: 'higher',
  mcid: 10,
  loinc: null,
});
