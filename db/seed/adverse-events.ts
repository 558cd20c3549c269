// The demo clinic's adverse events at plausible rates after its completed procedures: headache after about one lumbar
// puncture in ten, fever after about one procedure in twenty, infection and seizure rarely; mostly grade 1–2 and
// resolved, a few grade 3 with a follow-up date, the recent ones still open. Deterministic from the seed.
import type { AeCategory, AeOutcome, AeRelatedness } from '../contract';
import type { WritableDB } from '../sqlite/handles';
import { dayInZone } from '../services/clinic-time';
import { Random } from './random';

const DAY = 86_400_000;

export interface AdverseEventSeedResult {
  events: number;
  open: number;
  /** Grade 3 or serious: each has a follow-up date. */
  severe: number;
  byCategory: Record<AeCategory, number>;
}

export interface AdverseEventSeedSetup {
  w: WritableDB;
  timeZone: string;
  /** The clinic's today (YYYY-MM-DD): nothing starts after it, and what would resolve after it is still open. */
  today: string;
  doctorIds: readonly number[];
  seed: number;
}

interface Kind {
  category: Exclude<AeCategory, 'other'>;
  /** Chance per completed procedure (`lpOnly`: per lumbar puncture). */
  rate: number;
  lpOnly: boolean;
  grades: readonly (readonly [number, number])[];
  /** Onset, days after the procedure. */
  onset: readonly [number, number];
  /** Days from onset to resolution. */
  lasts: readonly [number, number];
  relatedness: readonly (readonly [AeRelatedness, number])[];
  description: readonly string[];
  action: (grade: number) => string;
}

/** Rates from the intrathecal cell-therapy literature, rounded: post-LP headache is by far the commonest event. */
const KINDS: readonly Kind[] = [
  {
    category: 'post_lp_headache',
    rate: 0.1,
    lpOnly: true,
    grades: [
      [1, 60],
      [2, 34],
      [3, 6],
    ],
    onset: [0, 2],
    lasts: [2, 7],
    relatedness: [
      ['probable', 40],
      ['definite', 60],
    ],
    description: [
      'Postural headache, worse upright, relieved lying flat.',
      'Frontal headache on sitting up, with mild nausea.',
      'Occipital headache and neck stiffness on standing.',
    ],
    action: (g) =>
      g >= 3 ? 'Epidural blood patch; IV fluids and analgesia.' : 'Bed rest, oral fluids, paracetamol, caffeine.',
  },
  {
    category: 'fever',
    rate: 0.05,
    lpOnly: false,
    grades: [
      [1, 70],
      [2, 27],
      [3, 3],
    ],
    onset: [0, 1],
    lasts: [1, 3],
    relatedness: [
      ['possible', 60],
      ['probable', 40],
    ],
    description: ['Fever 38.2 °C the evening after the procedure.', 'Fever to 38.6 °C with chills, no focus found.'],
    action: (g) => (g >= 3 ? 'Blood cultures; IV fluids; antipyretics.' : 'Antipyretics; observation.'),
  },
  {
    category: 'infection',
    rate: 0.008,
    lpOnly: false,
    grades: [
      [2, 55],
      [3, 45],
    ],
    onset: [2, 6],
    lasts: [7, 21],
    relatedness: [
      ['unlikely', 40],
      ['possible', 60],
    ],
    description: ['Urinary tract infection during the stay.', 'Puncture-site redness and tenderness; swab taken.'],
    action: (g) => (g >= 3 ? 'IV antibiotics; stay extended.' : 'Oral antibiotics.'),
  },
  {
    category: 'seizure',
    rate: 0.004,
    lpOnly: false,
    grades: [
      [2, 60],
      [3, 40],
    ],
    onset: [0, 3],
    lasts: [1, 4],
    relatedness: [
      ['unlikely', 50],
      ['possible', 50],
    ],
    description: [
      'Brief focal seizure of the weak arm, self-limiting.',
      'Generalised seizure lasting about 2 minutes.',
    ],
    action: (g) => (g >= 3 ? 'IV levetiracetam; EEG; neurology review.' : 'Levetiracetam started.'),
  },
];

interface ProcedureRow {
  id: number;
  patient_id: number;
  starts_at: string;
  code: string | null;
}

export function seedDemoAdverseEvents(s: AdverseEventSeedSetup): AdverseEventSeedResult {
  const rng = new Random(s.seed * 104_729 + 7);
  const result: AdverseEventSeedResult = {
    events: 0,
    open: 0,
    severe: 0,
    byCategory: { post_lp_headache: 0, fever: 0, infection: 0, seizure: 0, other: 0 },
  };
  const procedures = s.w
    .prepare(
      `SELECT p.id, p.patient_id, p.starts_at, t.code FROM procedures p JOIN procedure_types t ON t.id = p.type_id
        WHERE p.status = 'completed' ORDER BY p.id`,
    )
    .all() as ProcedureRow[];
  const insert = s.w.prepare(
    `INSERT INTO adverse_events (patient_id, procedure_id, onset_on, description, category, grade, serious, relatedness,
       action_taken, outcome, follow_up_on, status, resolved_on, reported_by, reported_at, updated_at)
     VALUES (@patient, @procedure, @onset, @description, @category, @grade, @serious, @relatedness, @action, @outcome,
       @followUp, @status, @resolved, @by, @reportedAt, @updatedAt)`,
  );
  const shift = (day: string, days: number) => new Date(Date.parse(day) + days * DAY).toISOString().slice(0, 10);
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:15:00.000Z`;
  for (const p of procedures) {
    const day = dayInZone(new Date(p.starts_at), s.timeZone);
    for (const k of KINDS) {
      if (k.lpOnly && p.code !== 'lumbar_puncture') continue;
      if (!rng.chance(k.rate)) continue;
      const onset = shift(day, rng.int(...k.onset));
      if (onset > s.today) continue;
      const grade = rng.weighted(k.grades);
      const serious = grade >= 3 && k.category !== 'post_lp_headache' && rng.chance(0.5);
      const ends = shift(onset, rng.int(...k.lasts) + (grade >= 3 ? 5 : 0));
      // Recent events are still going on; now and then an older one stays open, not yet recovered.
      const open = ends > s.today || rng.chance(0.04);
      const outcome: AeOutcome = open
        ? rng.chance(0.7)
          ? 'recovering'
          : 'not_recovered'
        : rng.chance(0.95)
          ? 'recovered'
          : 'recovered_with_sequelae';
      const severe = grade >= 3 || serious;
      const resolved = open ? null : ends;
      const reportedAt = at(onset, 8 + rng.int(0, 9));
      insert.run({
        patient: p.patient_id,
        procedure: p.id,
        onset,
        description: rng.pick(k.description),
        category: k.category,
        grade,
        serious: serious ? 1 : 0,
        relatedness: rng.weighted(k.relatedness),
        action: k.action(grade),
        outcome,
        followUp: severe ? shift(onset, 7) : null,
        status: open ? 'open' : 'resolved',
        resolved,
        by: rng.pick(s.doctorIds),
        reportedAt,
        updatedAt: resolved === null ? reportedAt : at(resolved, 16),
      });
      result.events += 1;
      result.byCategory[k.category] += 1;
      if (open) result.open += 1;
      if (severe) result.severe += 1;
    }
  }
  return result;
}
