// House–Brackmann facial nerve grading: one grade I–VI (stored 1–6), lower is better.
import { defineSummed } from './build';
import type { ItemDef } from './types';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const GRADES = [
  'Normal: normal facial function in all areas.',
  'Mild dysfunction. Gross: slight weakness noticeable on close inspection; may have very slight synkinesis. ' +
    'At rest: normal symmetry and tone. Motion: forehead, moderate to good function; eye, complete closure with ' +
    'minimum effort; mouth, slight asymmetry.',
  'Moderate dysfunction. Gross: obvious but not disfiguring difference between two sides; noticeable but not severe ' +
    'synkinesis, contracture, and/or hemifacial spasm. At rest: normal symmetry and tone. Motion: forehead, slight ' +
    'to moderate movement; eye, complete closure with effort; mouth, slightly weak with maximum effort.',
  'Moderately severe dysfunction. Gross: obvious weakness and/or disfiguring asymmetry. At rest: normal symmetry ' +
    'and tone. Motion: forehead, none; eye, incomplete closure; mouth, asymmetric with maximum effort.',
  'Severe dysfunction. Gross: only barely perceptible motion. At rest: asymmetry. Motion: forehead, none; eye, ' +
    'incomplete closure; mouth, slight movement.',
  'Total paralysis: no movement.',
];

const items: ItemDef[] = [
  {
    code: 'grade',
    label: 'House–Brackmann grade',
    anchors: GRADES.map((text, i) => ({ value: i + 1, label: ROMAN[i] ?? String(i + 1), points: i + 1, text })),
  },
];

export const HOUSE_BRACKMANN_V1 = defineSummed({
  id: 'house-brackmann',
  version: 1,
  name: 'House–Brackmann facial nerve grading system',
  shortName: 'House–Brackmann',
  source: {
    citation: 'House JW, Brackmann DE, Facial nerve grading system. Otolaryngol Head Neck Surg 1985;93:146–147.',
    notes: 'Grades I–VI are stored as 1–6 and shown in Roman numerals.',
  },
  items,
  range: { min: 1, max: 6 },
  better: 'lower',
  mcid: null,
  loinc: null,
});
