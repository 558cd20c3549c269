// Berg Balance Scale: 14 items scored 0–4, total 0–56, higher is better.
import { defineSummed, numbered } from './build';
import type { ItemDef } from './types';

/** The form prints each item's anchors from 4 down to 0; stored in value order 0–4. */
const item = (code: string, label: string, fourToZero: readonly string[]): ItemDef => ({
  code,
  label,
  anchors: numbered([...fourToZero].reverse()),
});

const items: ItemDef[] = [
  item('sit-to-stand', 'Sitting to standing', [
    'Able to stand without using hands and stabilize independently.',
    'Able to stand independently using hands.',
    'Able to stand using hands after several tries.',
    'Needs minimal aid to stand or stabilize.',
    'Needs moderate or maximal assist to stand.',
  ]),
  item('stand-unsupported', 'Standing unsupported', [
    'Able to stand safely for 2 minutes.',
    'Able to stand 2 minutes with supervision.',
    'Able to stand 30 seconds unsupported.',
    'Needs several tries to stand 30 seconds unsupported.',
    'Unable to stand 30 seconds unsupported.',
  ]),
  item('sit-unsupported', 'Sitting with back unsupported but feet supported on floor or on a stool', [
    'Able to sit safely and securely for 2 minutes.',
    'Able to sit 2 minutes under supervision.',
    'Able to sit 30 seconds.',
    'Able to sit 10 seconds.',
    'Unable to sit without support 10 seconds.',
  ]),
  item('stand-to-sit', 'Standing to sitting', [
    'Sits safely with minimal use of hands.',
    'Controls descent by using hands.',
    'Uses back of legs against chair to control descent.',
    'Sits independently but has uncontrolled descent.',
    'Needs assist to sit.',
  ]),
  item('transfers', 'Transfers', [
    'Able to transfer safely with minor use of hands.',
    'Able to transfer safely with definite need of hands.',
    'Able to transfer with verbal cuing and/or supervision.',
    'Needs one person to assist.',
    'Needs two people to assist or supervise to be safe.',
  ]),
  item('eyes-closed', 'Standing unsupported with eyes closed', [
    'Able to stand 10 seconds safely.',
    'Able to stand 10 seconds with supervision.',
    'Able to stand 3 seconds.',
    'Unable to keep eyes closed 3 seconds but stays steady.',
    'Needs help to keep from falling.',
  ]),
  item('feet-together', 'Standing unsupported with feet together', [
    'Able to place feet together independently and stand 1 minute safely.',
    'Able to place feet together independently and stand 1 minute with supervision.',
    'Able to place feet together independently but unable to hold for 30 seconds.',
    'Needs help to attain position but able to stand 15 seconds with feet together.',
    'Needs help to attain position and unable to hold for 15 seconds.',
  ]),
  item('reach-forward', 'Reaching forward with outstretched arm while standing', [
    'Can reach forward confidently more than 25 cm (10 inches).',
    'Can reach forward more than 12 cm (5 inches) safely.',
    'Can reach forward more than 5 cm (2 inches) safely.',
    'Reaches forward but needs supervision.',
    'Loses balance while trying; requires external support.',
  ]),
  item('pick-up', 'Pick up object from the floor from a standing position', [
    'Able to pick up slipper safely and easily.',
    'Able to pick up slipper but needs supervision.',
    'Unable to pick up but reaches 2–5 cm (1–2 inches) from slipper and keeps balance independently.',
    'Unable to pick up and needs supervision while trying.',
    'Unable to try; needs assist to keep from losing balance or falling.',
  ]),
  item('look-behind', 'Turning to look behind over left and right shoulders while standing', [
    'Looks behind from both sides and weight shifts well.',
    'Looks behind one side only; other side shows less weight shift.',
    'Turns sideways only but maintains balance.',
    'Needs supervision when turning.',
    'Needs assist to keep from losing balance or falling.',
  ]),
  item('turn-360', 'Turn 360 degrees', [
    'Able to turn 360 degrees safely in 4 seconds or less.',
    'Able to turn 360 degrees safely one side only in 4 seconds or less.',
    'Able to turn 360 degrees safely but slowly.',
    'Needs close supervision or verbal cuing.',
    'Needs assistance while turning.',
  ]),
  item('alternate-foot', 'Placing alternate foot on step or stool while standing unsupported', [
    'Able to stand independently and safely and complete 8 steps in 20 seconds.',
    'Able to stand independently and complete 8 steps in more than 20 seconds.',
    'Able to complete 4 steps without aid with supervision.',
    'Able to complete more than 2 steps; needs minimal assist.',
    'Needs assistance to keep from falling; unable to try.',
  ]),
  item('tandem', 'Standing unsupported one foot in front', [
    'Able to place foot tandem independently and hold 30 seconds.',
    'Able to place foot ahead independently and hold 30 seconds.',
    'Able to take small step independently and hold 30 seconds.',
    'Needs help to step but can hold 15 seconds.',
    'Loses balance while stepping or standing.',
  ]),
  item('one-leg', 'Standing on one leg', [
    'Able to lift leg independently and hold more than 10 seconds.',
    'Able to lift leg independently and hold 5–10 seconds.',
    'Able to lift leg independently and hold 3 seconds or more.',
    'Tries to lift leg; unable to hold 3 seconds but remains standing independently.',
    'Unable to try or needs assist to prevent fall.',
  ]),
];

export const BERG_V1 = defineSummed({
  id: 'berg',
  version: 1,
  name: 'Berg Balance Scale',
  shortName: 'Berg',
  source: {
    citation:
      'Berg KO et al., Measuring balance in the elderly: preliminary development of an instrument. ' +
      'Physiother Can 1989;41:304–311; Berg KO et al., Can J Public Health 1992;83 Suppl 2:S7–11.',
  },
  items,
  range: { min: 0, max: 56 },
  better: 'higher',
  mcid: 6,
  loinc: null,
});
