// The synthetic clinic: staff accounts and inquiries across the whole pipeline, deterministic from a seed. No real people.
import {
  CONDITIONS,
  OPEN_STATUSES,
  SYMPTOMS,
  type ActivityKind,
  type Channel,
  type InquiryFields,
  type InquiryStatus,
  type PatientFields,
  type Role,
} from '../contract';
import { countAccounts, insertAccount, listAccounts } from '../repos/accounts';
import { findInquiry, insertActivity, insertInquiry, insertStatusChange, setInquiryPatient } from '../repos/inquiries';
import { insertPatient } from '../repos/patients';
import { getSetting, putSetting } from '../repos/settings';
import { insertAudit } from '../repos/audit';
import { type WritableDB, bulkWritable } from '../sqlite/handles';
import { type Core, clinicTimeZone, clinicToday, nowIso } from '../services/core';
import { nextMrn } from '../services/mrn';
import { hashPassword } from '../services/passwords';
import { fieldsFromInquiry } from '../services/patients';
import {
  ACTIVITY_SUMMARIES,
  CLOSE_REASONS,
  COUNTRIES,
  DECLINE_REASONS,
  EMAIL_DOMAINS,
  MESSAGES,
  REFERRAL_SOURCES,
  type CountryProfile,
} from './names';
import { type AdverseEventSeedResult, seedDemoAdverseEvents } from './adverse-events';
import { type AssessmentSeedResult, seedBenchAssessments, seedDemoAssessments } from './assessments';
import { type BulkLoadOptions, bulkLoad } from './bulk';
import { isoDate, isoInstant } from './iso';
import { Random } from './random';
import {
  DEMO_ROOMS,
  type TreatmentSeedResult,
  type WardSetup,
  benchLanes,
  seedBenchWard,
  seedDemoWard,
} from './treatment';

export interface SeedAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}
export interface SeedResult {
  accounts: SeedAccount[];
  inquiries: number;
  patients: number;
  /** The demo ward (rooms, courses, consents, procedures); null for a clinic too large for it (see seedTreatmentBenchmark). */
  treatment: TreatmentSeedResult | null;
  /** The demo ward's assessments on their schedule; null when there is no demo ward. */
  assessments: AssessmentSeedResult | null;
  /** The demo ward's adverse events after its completed procedures; null when there is no demo ward. */
  adverseEvents: AdverseEventSeedResult | null;
}
export interface SeedOptions {
  inquiries: number;
  /** Patients in all: converted inquiries become patients, and the rest are registered directly. Default: a third of the inquiries. */
  patients?: number;
  seed?: number;
  /**
   * Load a fresh file in bulk (bulk.ts: indexes and search index built after the rows; same rows either way). Default:
   * for a clinic of BULK_FROM inquiries or more, the sizes of `npm run seed` and `npm run bench`.
   */
  bulk?: boolean;
  /** Called on a bulk load once the rows are in, before their indexes are built (parallel.ts). */
  afterLoad?: () => void;
  /** Derived tables a bulk load leaves for the next one to rebuild (parallel.ts; bulk.ts's putBack). */
  rebuildLater?: readonly string[];
  /** false: a bulk load leaves the file's flush to the next one (parallel.ts; bulk.ts's BulkLoadOptions). */
  flush?: boolean;
}

/** From this size a fresh clinic is loaded in bulk; the demo clinic and the tests' small clinics go row by row. */
export const BULK_FROM = 5_000;
/** The tables the clinic seed fills in bulk: its big ones (the demo ward's are small). */
const CLINIC_TABLES = ['inquiries', 'inquiry_activities', 'inquiry_status_changes', 'patients'] as const;

export const DEMO_SIZE: SeedOptions = { inquiries: 400, patients: 90 };

/** `demo`, a number of inquiries (`300000`), or inquiries and patients (`300000:100000`). */
export function parseSeedSize(arg: string): SeedOptions {
  if (arg === 'demo') return DEMO_SIZE;
  const [inq = '', pat] = arg.split(':');
  const count = (s: string) => Number(s.replace(/[_,]/g, ''));
  const n = count(inq);
  const p = pat === undefined ? Math.round(n / 3) : count(pat);
  if (!Number.isInteger(n) || n <= 0 || n > 5_000_000 || !Number.isInteger(p) || p < 0 || p > 5_000_000) {
    throw new Error(`--seed takes 'demo', a number of inquiries (1 to 5,000,000) or inquiries:patients, not '${arg}'.`);
  }
  return { inquiries: n, patients: p };
}

export const DEMO_ACCOUNTS: readonly SeedAccount[] = [
  { username: 'admin', password: 'demo-admin-2026', role: 'admin', displayName: 'Clinic Administrator' },
  { username: 'coord.li', password: 'demo-coord-2026', role: 'coordinator', displayName: 'Li Xiaoyan' },
  { username: 'coord.anna', password: 'demo-coord-2026', role: 'coordinator', displayName: 'Anna Volkova' },
  { username: 'coord.omar', password: 'demo-coord-2026', role: 'coordinator', displayName: 'Omar Haddad' },
  { username: 'dr.zhang', password: 'demo-doctor-2026', role: 'doctor', displayName: 'Dr. Zhang Wei' },
  { username: 'dr.petrova', password: 'demo-doctor-2026', role: 'doctor', displayName: 'Dr. Elena Petrova' },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The steps an inquiry took to reach its status (after `new`). */
const PATHS: Record<InquiryStatus, readonly (readonly InquiryStatus[])[]> = {
  new: [[]],
  contacted: [['contacted']],
  awaiting_records: [['contacted', 'awaiting_records']],
  under_review: [
    ['contacted', 'awaiting_records', 'under_review'],
    ['contacted', 'under_review'],
  ],
  accepted: [['contacted', 'awaiting_records', 'under_review', 'accepted']],
  converted: [['contacted', 'awaiting_records', 'under_review', 'accepted', 'converted']],
  declined: [
    ['contacted', 'awaiting_records', 'under_review', 'declined'],
    ['contacted', 'under_review', 'declined'],
  ],
  closed: [['closed'], ['contacted', 'closed'], ['contacted', 'awaiting_records', 'closed']],
};

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\p{ASCII}]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
const isoDay = isoDate;

function personName(rng: Random, c: CountryProfile, sex: 'female' | 'male', family = rng.pick(c.family)) {
  const given = rng.pick(c.given[sex]);
  return { given, family, full: c.familyFirst ? `${family} ${given}` : `${given} ${family}` };
}

function phone(rng: Random, c: CountryProfile): string {
  const digits = Array.from({ length: 9 }, () => rng.int(0, 9)).join('');
  return `+${c.callingCode} ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

function statusFor(rng: Random, ageDays: number): InquiryStatus {
  if (ageDays < 2)
    return rng.weighted([
      ['new', 55],
      ['contacted', 35],
      ['closed', 2],
      ['awaiting_records', 8],
    ]);
  if (ageDays < 21)
    return rng.weighted([
      ['new', 2],
      ['contacted', 25],
      ['awaiting_records', 30],
      ['under_review', 18],
      ['accepted', 6],
      ['declined', 4],
      ['closed', 9],
    ]);
  if (ageDays < 120)
    return rng.weighted([
      ['contacted', 6],
      ['awaiting_records', 18],
      ['under_review', 12],
      ['accepted', 10],
      ['converted', 14],
      ['declined', 14],
      ['closed', 26],
    ]);
  return rng.weighted([
    ['awaiting_records', 3],
    ['accepted', 2],
    ['converted', 22],
    ['declined', 20],
    ['closed', 53],
  ]);
}

type StatusChange = Parameters<typeof insertStatusChange>[1];
type Activity = Parameters<typeof insertActivity>[1];

interface Staff {
  id: number;
  role: Role;
}

export async function seedClinic(core: Core, options: SeedOptions): Promise<SeedResult> {
  const rng = new Random(options.seed ?? 1);
  const created: SeedAccount[] = [];
  let hashes: string[] = [];
  const needAccounts = countAccounts(core.db) === 0;
  if (needAccounts) hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password, core.passwordLog2N)));

  const now = core.clock.now().getTime();
  // A benchmark-sized clinic outgrows the everyday page cache (open.ts) many times over; while it is built, every
  // insert touches some twenty indexes at random places, so give it room and put the everyday size back afterwards.
  const cacheSize = core.db.pragma('cache_size', { simple: true }) as number;
  core.db.pragma('cache_size = -1048576');
  try {
    const seed = () => seedInChunks(core, options, rng, needAccounts, hashes, created, now);
    return (options.bulk ?? options.inquiries >= BULK_FROM)
      ? bulkLoad(core.db, CLINIC_TABLES, seed, {
          afterLoad: options.afterLoad,
          rebuildLater: options.rebuildLater,
          flush: options.flush,
        })
      : seed();
  } finally {
    core.db.pragma('foreign_keys = ON');
    core.db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Commits every CHUNK inquiries: one giant transaction slows down as it grows (pending index pages and search terms). */
const CHUNK = 20_000;

function inChunks<T>(core: Core, body: (commitChunk: () => void) => T): T {
  const { db } = core;
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = body(() => {
      db.exec('COMMIT');
      db.exec('BEGIN IMMEDIATE');
    });
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

function seedInChunks(
  core: Core,
  options: SeedOptions,
  rng: Random,
  needAccounts: boolean,
  hashes: string[],
  created: SeedAccount[],
  now: number,
): SeedResult {
  // The seed is no command: it writes thousands of rows in its own chunked transactions, through the named escape.
  const w = bulkWritable(core.db);
  return inChunks(core, (commitChunk) => {
    const at = nowIso(core);
    if (needAccounts && countAccounts(w) === 0) {
      DEMO_ACCOUNTS.forEach((a, i) => {
        insertAccount(w, {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          passwordHash: hashes[i] ?? '',
          createdAt: at,
        });
        created.push(a);
      });
    }
    if (getSetting(w, 'clinic.name') === null) putSetting(w, 'clinic.name', 'Demo Neuro-Regeneration Clinic');
    const staff: Staff[] = listAccounts(w)
      .filter((a) => a.active && a.role !== 'admin')
      .map((a) => ({ id: a.id, role: a.role }));
    if (staff.length === 0) throw new Error('The seed needs at least one active coordinator or doctor.');
    const coordinators = staff.filter((s) => s.role === 'coordinator');
    const doctors = staff.filter((s) => s.role === 'doctor');
    const today = Date.parse(`${clinicToday(core)}T00:00:00Z`);
    const countryWeights = COUNTRIES.map((c) => [c, c.weight] as const);
    const patientTarget = options.patients ?? Math.round(options.inquiries / 3);
    const timeZone = clinicTimeZone(core);
    let patients = 0;

    for (let n = 0; n < options.inquiries; n++) {
      if (n > 0 && n % CHUNK === 0) commitChunk();
      // Recent inquiries are denser: the program grows, and old ones are mostly finished.
      const ageMs = n % 50 === 0 ? rng.next() * 3 * DAY : 730 * DAY * rng.next() ** 2;
      const received = now - ageMs;
      const status = statusFor(rng, ageMs / DAY);
      const c = rng.weighted(countryWeights);
      const sex = rng.chance(0.45) ? 'female' : 'male';
      const patient = personName(rng, c, sex);
      const relation = rng.weighted([
        ['child', 45],
        ['spouse', 25],
        ['self', 15],
        ['other', 10],
        ['parent', 5],
      ] as const);
      const contact =
        relation === 'self'
          ? patient
          : personName(
              rng,
              c,
              rng.chance(0.5) ? 'female' : 'male',
              relation === 'other' ? rng.pick(c.family) : patient.family,
            );
      const ageYears = rng.int(35, 85);
      const birth = received - ageYears * 365.25 * DAY - rng.int(0, 364) * DAY;
      const onset = received - (21 + 2200 * rng.next() ** 2) * DAY;
      const channel: Channel = rng.weighted([
        ['web_form', 45],
        ['email', 18],
        ['messaging', 14],
        ['phone', 12],
        ['referral', 8],
        ['walk_in', 3],
      ]);
      const conditions = rng.chance(0.35) ? [] : rng.some(CONDITIONS, 1, 3);
      const owner =
        rng.chance(0.75) || doctors.length === 0
          ? rng.pick(coordinators.length > 0 ? coordinators : staff)
          : rng.pick(doctors);
      const open = OPEN_STATUSES.includes(status);
      const unowned = status === 'new' && channel === 'web_form' && rng.chance(0.6);
      const followUpOffset =
        rng.weighted([
          [-12, 1],
          [-4, 2],
          [-1, 2],
          [0, 3],
          [1, 3],
          [3, 4],
          [7, 4],
          [14, 2],
        ] as const) + (rng.chance(0.5) ? 0 : rng.int(0, 2));
      const emailUser = `${ascii(contact.given)}.${ascii(contact.family)}${rng.int(1, 999)}`;

      const fields: InquiryFields = {
        receivedAt: isoInstant(received),
        channel,
        contactName: contact.full,
        contactRelation: relation,
        contactEmail: rng.chance(0.85) ? `${emailUser}@${rng.pick(EMAIL_DOMAINS)}` : null,
        contactPhone: rng.chance(0.8) ? phone(rng, c) : null,
        messagingHandle: rng.chance(0.3) ? `@${ascii(contact.given)}_${rng.int(10, 99)}` : null,
        country: c.code,
        preferredLanguage: rng.chance(0.8) ? c.language : 'en',
        patientName: patient.full,
        patientSex: sex,
        patientBirthDate: rng.chance(0.8) ? isoDay(birth) : null,
        patientBirthDateApprox: false,
        patientAge: null,
        diagnosis: rng.weighted([
          ['ischemic', 70],
          ['hemorrhagic', 25],
          ['unknown', 5],
        ] as const),
        strokeOnsetDate: rng.chance(0.9) ? isoDay(onset) : null,
        strokeOnsetDateApprox: false,
        weaknessSide: rng.weighted([
          ['left', 40],
          ['right', 38],
          ['both', 4],
          ['unknown', 8],
        ] as const),
        symptoms: rng.some(SYMPTOMS, 1, 4),
        conditions,
        conditionsOther: conditions.includes('other') ? 'Atrial fibrillation' : null,
        message: rng.chance(0.8) ? rng.pick(MESSAGES) : null,
        heardAbout: rng.chance(0.7) ? rng.pick(REFERRAL_SOURCES) : null,
        consentContact: rng.chance(0.97),
        consentDataProcessing: rng.chance(0.92),
        ownerId: unowned ? null : owner.id,
        nextFollowUp: open && !unowned ? isoDay(today + followUpOffset * DAY) : null,
      };
      if (fields.patientBirthDate === null) fields.patientAge = ageYears;
      // A phone call often gives the onset as "about 8 months ago": the month only, marked as an estimate.
      if (fields.strokeOnsetDate !== null && rng.chance(0.2)) {
        fields.strokeOnsetDate = fields.strokeOnsetDate.slice(0, 7);
        fields.strokeOnsetDateApprox = true;
      }
      if (fields.contactEmail === null && fields.contactPhone === null && fields.messagingHandle === null)
        fields.contactPhone = phone(rng, c);

      // The inquiry's history is drawn first and written after the inquiry, which goes in once in its final state
      // (as if its status had been set afterwards): one INSERT instead of an INSERT and an UPDATE per inquiry.
      const steps = rng.pick(PATHS[status]);
      const receivedIso = fields.receivedAt;
      const changes: Omit<StatusChange, 'inquiryId'>[] = [
        { at: receivedIso, from: null, to: 'new', reason: null, authorId: null },
      ];
      const activities: Omit<Activity, 'inquiryId'>[] = [];

      // Step times: the first answer within hours, later steps spread over what time is left.
      let t = received;
      const span = Math.max(HOUR, now - received);
      let prev: InquiryStatus = 'new';
      let firstContact: number | null = null;
      let reason: string | null = null;
      const authorFor = (to: InquiryStatus) =>
        to === 'accepted' || to === 'declined' ? (doctors.length > 0 ? rng.pick(doctors).id : owner.id) : owner.id;
      steps.forEach((to, i) => {
        t =
          i === 0
            ? received + Math.min(span * 0.3, (0.3 + rng.next() * 20) * HOUR)
            : t + (span - (t - received)) * (0.15 + rng.next() * 0.35);
        if (to === 'contacted') {
          firstContact = t;
          const kind: ActivityKind = rng.weighted([
            ['call', 3],
            ['email', 3],
            ['message', 2],
          ] as const);
          activities.push({
            at: isoInstant(t),
            kind,
            summary: rng.pick(ACTIVITY_SUMMARIES[kind]),
            authorId: owner.id,
            createdAt: isoInstant(t),
          });
        }
        if (to === 'declined') reason = rng.pick(DECLINE_REASONS);
        if (to === 'closed') reason = rng.pick(CLOSE_REASONS);
        changes.push({
          at: isoInstant(t),
          from: prev,
          to,
          reason: to === 'declined' || to === 'closed' ? reason : null,
          authorId: authorFor(to),
        });
        if (to === 'awaiting_records' || (to === 'under_review' && rng.chance(0.7))) {
          const docAt = t + (span - (t - received)) * rng.next() * 0.1;
          activities.push({
            at: isoInstant(docAt),
            kind: 'document',
            summary: rng.pick(ACTIVITY_SUMMARIES.document),
            authorId: owner.id,
            createdAt: isoInstant(docAt),
          });
        }
        prev = to;
      });
      // A note or two; notes never count as a first contact.
      if (rng.chance(0.3)) {
        const noteAt = received + (t - received) * rng.next();
        activities.push({
          at: isoInstant(noteAt),
          kind: 'note',
          summary: rng.pick(ACTIVITY_SUMMARIES.note),
          authorId: owner.id,
          createdAt: isoInstant(noteAt),
        });
      }
      const statusSet =
        firstContact !== null || reason !== null
          ? { reason, firstContactAt: firstContact === null ? null : isoInstant(firstContact), at: isoInstant(t) }
          : undefined;
      const id = insertInquiry(w, fields, {
        at: fields.receivedAt,
        by: channel === 'web_form' ? null : owner.id,
        status,
        ...(statusSet ? { statusSet } : {}),
      });
      for (const change of changes) insertStatusChange(w, { inquiryId: id, ...change });
      for (const activity of activities) insertActivity(w, { inquiryId: id, ...activity });
      if (status === 'converted' && patients < patientTarget) {
        const inquiry = findInquiry(w, id);
        if (inquiry) {
          const at = isoInstant(t);
          const patientId = addPatient(core, w, rng, fieldsFromInquiry(inquiry, timeZone), c, patient, {
            at,
            by: owner.id,
          });
          setInquiryPatient(w, id, { patientId, status: 'converted', at });
          patients += 1;
        }
      }
    }
    // Patients registered without an inquiry (referrals from partner hospitals, returning patients), and a few
    // registered twice under slightly different spellings, so the duplicate finder has real work.
    while (patients < patientTarget) {
      const c = rng.weighted(countryWeights);
      const sex = rng.chance(0.45) ? 'female' : 'male';
      const person = personName(rng, c, sex);
      const registered = now - 900 * DAY * rng.next() ** 2;
      const fields = standalonePatient(rng, c, person, sex, registered);
      const at = isoInstant(registered);
      const by = rng.pick(staff).id;
      addPatient(core, w, rng, fields, c, person, { at, by });
      patients += 1;
      if (patients < patientTarget && patients % 40 === 1) {
        addPatient(
          core,
          w,
          rng,
          { ...fields, givenName: fields.givenName.replace(/i/, 'y'), passportNumber: null, address: null },
          c,
          person,
          { at, by },
        );
        patients += 1;
      }
    }
    const treatment = patients <= DEMO_WARD_MAX_PATIENTS ? seedDemoTreatment(core, w, options.seed ?? 1) : null;
    const setup = treatment ? assessmentSetup(core, w, options.seed ?? 1) : null;
    const assessments = setup ? seedDemoAssessments(setup) : null;
    const adverseEvents = setup ? seedDemoAdverseEvents(setup) : null;
    const after = {
      accounts: created.length,
      inquiries: options.inquiries,
      patients,
      seed: options.seed ?? 1,
      ...(treatment ? { treatment } : {}),
      ...(assessments ? { assessments } : {}),
      ...(adverseEvents ? { adverseEvents } : {}),
    };
    insertAudit(w, {
      at: nowIso(core),
      actorId: null,
      action: 'seed.generate',
      entity: 'clinic',
      entityId: null,
      before: null,
      after,
    });
    return { accounts: created, inquiries: options.inquiries, patients, treatment, assessments, adverseEvents };
  });
}

/** The demo ward's four active rooms and two doctors hold a small clinic's stays; a larger one is seeded on purpose. */
export const DEMO_WARD_MAX_PATIENTS = 1000;

const procedureTypes = (db: WritableDB | Core['db']): WardSetup['types'] =>
  db
    .prepare(
      'SELECT id, code, default_minutes AS minutes, route FROM procedure_types WHERE code IS NOT NULL ORDER BY id',
    )
    .all() as WardSetup['types'];

function wardSetup(core: Core, w: WritableDB, rooms: readonly number[], doctors: readonly number[]): WardSetup {
  const accounts = listAccounts(w).filter((a) => a.active && a.role !== 'admin');
  const types = procedureTypes(w);
  const names = w.prepare('SELECT id, name FROM rooms').all() as { id: number; name: string }[];
  const prefers: Record<string, number> = {};
  for (const r of DEMO_ROOMS) {
    const index = rooms.indexOf(names.find((n) => n.name === r.name)?.id ?? -1);
    if (r.prefers && index >= 0) prefers[r.prefers] = index;
  }
  const patients = w.prepare('SELECT id, created_at FROM patients WHERE merged_into_id IS NULL ORDER BY id').all() as {
    id: number;
    created_at: string;
  }[];
  return {
    w,
    timeZone: clinicTimeZone(core),
    today: Math.round(Date.parse(`${clinicToday(core)}T00:00:00Z`) / DAY),
    now: nowIso(core),
    patients: patients.map((p) => p.id),
    registered: patients.map((p) => Math.floor(Date.parse(p.created_at) / DAY)),
    roomIds: rooms,
    prefers,
    doctorIds: doctors,
    takerIds: accounts.map((a) => a.id),
    types,
  };
}

/** The demo clinic's rooms (one retired) and ward, once: a database that has courses already keeps them. */
function seedDemoTreatment(core: Core, w: WritableDB, seed: number): TreatmentSeedResult | null {
  if ((w.prepare('SELECT count(*) AS n FROM courses').get() as { n: number }).n > 0) return null;
  if ((w.prepare('SELECT count(*) AS n FROM rooms').get() as { n: number }).n === 0) {
    const add = w.prepare('INSERT INTO rooms (name, active) VALUES (?, ?)');
    for (const r of DEMO_ROOMS) add.run(r.name, r.active ? 1 : 0);
  }
  const rooms = (w.prepare('SELECT id FROM rooms WHERE active = 1 ORDER BY id').all() as { id: number }[]).map(
    (r) => r.id,
  );
  const doctors = listAccounts(w)
    .filter((a) => a.active && a.role === 'doctor')
    .map((a) => a.id);
  if (rooms.length === 0 || doctors.length === 0) return null;
  return seedDemoWard(wardSetup(core, w, rooms, doctors), seed);
}

export interface TreatmentBenchOptions {
  /** Bookings in all (default 1,000,000). */
  procedures?: number;
  /** Spread over this many years up to today, plus the coming two weeks (default 10). */
  years?: number;
  seed?: number;
  /** Load the ward's tables in bulk when they are empty (bulk.ts); default true. */
  bulk?: boolean;
}

/**
 * A benchmark-size ward on a clinic that already has its patients (seedClinic first): enough bench rooms and doctors
 * for the bookings to fit without a clash, then courses, consents and `procedures` bookings, written with prepared
 * statements in a few large transactions.
 */
export function seedTreatmentBenchmark(core: Core, o: TreatmentBenchOptions = {}): TreatmentSeedResult {
  const procedures = o.procedures ?? 1_000_000;
  const years = o.years ?? 10;
  const lanes = benchLanes(procedures, years);
  // Every reference is built from rows just read or written; checking five parents per booking would double the time.
  const tables = o.bulk === false ? [] : ['courses', 'consents', 'procedures'];
  return benchLoad(core, 'seed.treatmentBenchmark', tables, (w, commitChunk) => {
    const setup = benchWardSetup(core, w, lanes);
    return seedBenchWard(setup, { procedures, years, ...(o.seed ? { seed: o.seed } : {}) }, commitChunk);
  });
}

/** The display name of the bench ward's doctor `i` (from 0). */
export const benchDoctorName = (i: number): string => `Dr. Bench ${i + 1}`;

/** The bench ward's rooms and doctors (`lanes` of each, added now), and what its generator reads of the clinic. */
export function benchWardSetup(core: Core, w: WritableDB, lanes: number): WardSetup {
  const at = nowIso(core);
  const addRoom = w.prepare('INSERT INTO rooms (name) VALUES (?)');
  const rooms = Array.from({ length: lanes }, (_, i) =>
    Number(addRoom.run(`Bench room ${String(i + 1).padStart(2, '0')}`).lastInsertRowid),
  );
  const template = listAccounts(w).find((a) => a.active);
  if (!template) throw new Error('The treatment benchmark needs the seeded clinic (seedClinic) first.');
  // Bench doctors share an existing account's password hash: they exist to be booked, not to sign in.
  const doctors = Array.from({ length: lanes }, (_, i) =>
    insertAccount(w, {
      username: `bench.dr.${String(i + 1).padStart(2, '0')}`,
      displayName: benchDoctorName(i),
      role: 'doctor',
      passwordHash: template.passwordHash,
      createdAt: at,
    }),
  );
  const setup = wardSetup(core, w, rooms, doctors);
  if (setup.patients.length === 0) throw new Error('The treatment benchmark needs patients (seedClinic first).');
  return setup;
}

/** What the bench ward's and its assessments' generators read of the clinic, without the handle. */
export interface BenchSetups {
  ward: Omit<WardSetup, 'w'>;
  assessments: Omit<ReturnType<typeof assessmentSetup>, 'w'>;
}

/**
 * The setups benchWardSetup and assessmentSetup will read once seedClinic has filled a FRESH file (no accounts, no
 * patients, no rooms) with more patients than the demo ward takes: patients 1 to `patients`, the demo accounts 1 to
 * 6 and then the bench doctors, rooms 1 to `lanes`. Known before the clinic is generated, so parallel.ts's second
 * thread can generate the ward while the main thread generates the clinic; parallel.ts compares them with the setups
 * read afterwards (sameBenchSetups) and refuses the rows if they differ. Each patient's registration day is not known
 * before: `registered` is left empty (the demo ward reads it; the bench ward, seedBenchWard, does not).
 */
export function predictBenchSetups(core: Core, lanes: number, patients: number, seed: number): BenchSetups {
  const accounts = [
    ...DEMO_ACCOUNTS.map((a, i) => ({ id: i + 1, role: a.role, name: a.displayName })),
    ...Array.from({ length: lanes }, (_, i) => ({
      id: DEMO_ACCOUNTS.length + 1 + i,
      role: 'doctor' as Role,
      name: benchDoctorName(i),
    })),
  ];
  // listAccounts' order (all are active), by SQLite's own collation.
  const ordered = core.db
    .prepare(
      `SELECT value ->> '$.id' AS id, value ->> '$.role' AS role FROM json_each(?)
        ORDER BY value ->> '$.name' COLLATE NOCASE`,
    )
    .all(JSON.stringify(accounts)) as { id: number; role: Role }[];
  const roomIds = Array.from({ length: lanes }, (_, i) => i + 1);
  return {
    ward: {
      timeZone: clinicTimeZone(core),
      today: Math.round(Date.parse(`${clinicToday(core)}T00:00:00Z`) / DAY),
      now: nowIso(core),
      patients: Array.from({ length: patients }, (_, i) => i + 1),
      registered: [],
      roomIds,
      prefers: {},
      // The ward books its own doctors (benchWardSetup adds them); every doctor assesses.
      doctorIds: accounts.slice(DEMO_ACCOUNTS.length).map((a) => a.id),
      takerIds: ordered.filter((a) => a.role !== 'admin').map((a) => a.id),
      types: procedureTypes(core.db),
    },
    assessments: {
      timeZone: clinicTimeZone(core),
      today: clinicToday(core),
      doctorIds: ordered.filter((a) => a.role === 'doctor').map((a) => a.id),
      seed,
    },
  };
}

/** True when two setups give the same rows (the time they were read at and the registration days aside). */
export function sameBenchSetups(a: BenchSetups, b: BenchSetups): boolean {
  const key = (s: BenchSetups) =>
    JSON.stringify([
      s.ward.timeZone,
      s.ward.today,
      s.ward.patients,
      s.ward.roomIds,
      s.ward.prefers,
      s.ward.doctorIds,
      s.ward.takerIds,
      s.ward.types,
      s.assessments,
    ]);
  return key(a) === key(b);
}

/**
 * A bulk load for a benchmark: a large page cache and no foreign-key checks while it runs (every reference comes from
 * rows just read or written), chunked commits, and one audit entry with what was added; `tables` are loaded with
 * their indexes built afterwards (bulk.ts) when they start empty.
 */
export function benchLoad<T>(
  core: Core,
  action: string,
  tables: readonly string[],
  body: (w: WritableDB, commitChunk: () => void) => T,
  o: Pick<BulkLoadOptions, 'rebuildLater' | 'keepIndexes' | 'flush' | 'arriving'> = {},
): T {
  const w = bulkWritable(core.db);
  const cacheSize = core.db.pragma('cache_size', { simple: true }) as number;
  core.db.pragma('cache_size = -1048576');
  core.db.pragma('foreign_keys = OFF');
  try {
    return bulkLoad(
      core.db,
      tables,
      () =>
        inChunks(core, (commitChunk) => {
          const result = body(w, commitChunk);
          const entry = { at: nowIso(core), actorId: null, action, entity: 'clinic', entityId: null, before: null };
          insertAudit(w, { ...entry, after: result });
          return result;
        }),
      o,
    );
  } finally {
    core.db.pragma('foreign_keys = ON');
    core.db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** Who assesses: the clinic's active doctors (the demo's two, or the bench doctors too). */
export function assessmentSetup(core: Core, w: WritableDB, seed: number) {
  const doctorIds = listAccounts(w)
    .filter((a) => a.active && a.role === 'doctor')
    .map((a) => a.id);
  if (doctorIds.length === 0) throw new Error('Assessments need at least one active doctor.');
  return { w, timeZone: clinicTimeZone(core), today: clinicToday(core), doctorIds, seed };
}

export interface AssessmentBenchOptions {
  /** Item values to reach (default 5,000,000). */
  itemScores?: number;
  seed?: number;
  /** Load the assessment tables in bulk when they are empty (bulk.ts); default true. */
  bulk?: boolean;
}

/**
 * Benchmark-size assessments on a clinic that has its bench ward (seedTreatmentBenchmark first): signed NIHSS, mRS,
 * Barthel and Fugl-Meyer on each course's schedule, course after course, until `itemScores` item values are stored.
 */
export function seedAssessmentBenchmark(core: Core, o: AssessmentBenchOptions = {}): AssessmentSeedResult {
  const tables = o.bulk === false ? [] : ['assessments', 'assessment_versions'];
  return benchLoad(core, 'seed.assessmentBenchmark', tables, (w, commitChunk) =>
    seedBenchAssessments(assessmentSetup(core, w, o.seed ?? 1), o.itemScores ?? 5_000_000, commitChunk),
  );
}

type Person = ReturnType<typeof personName>;

/** Adds what a registration desk learns beyond the inquiry: native-script name, passport, lesion, general health. */
function addPatient(
  core: Core,
  w: WritableDB,
  rng: Random,
  base: PatientFields,
  c: CountryProfile,
  person: Person,
  meta: { at: string; by: number },
): number {
  const nativeFamily = c.native?.[person.family];
  const nativeGiven = c.native?.[person.given];
  const nativeName =
    nativeFamily && nativeGiven
      ? c.code === 'CN'
        ? `${nativeFamily}${nativeGiven}`
        : `${nativeGiven} ${nativeFamily}`
      : null;
  const lesionSide = rng.weighted([
    ['left', 45],
    ['right', 40],
    ['bilateral', 8],
    ['unknown', 7],
  ] as const);
  const fields: PatientFields = {
    ...base,
    familyName: person.family,
    givenName: person.given,
    nativeName,
    passportNumber: rng.chance(0.6)
      ? `${String.fromCharCode(65 + rng.int(0, 25))}${rng.int(10_000_000, 99_999_999)}`
      : null,
    lesionSide,
    lesionSite: rng.pick(LESION_SITES),
    priorTreatments: rng.chance(0.5) ? rng.pick(PRIOR_TREATMENTS) : null,
    ecog: rng.int(1, 4),
    asa: rng.int(1, 3),
  };
  return insertPatient(w, fields, { mrn: nextMrn(core, w, meta.at.slice(0, 10)), at: meta.at, by: meta.by });
}

function standalonePatient(
  rng: Random,
  c: CountryProfile,
  person: Person,
  sex: 'female' | 'male',
  registered: number,
): PatientFields {
  const birth = registered - rng.int(35, 85) * 365.25 * DAY;
  const conditions = rng.chance(0.35) ? [] : rng.some(CONDITIONS, 1, 3);
  return {
    familyName: person.family,
    givenName: person.given,
    nativeName: null,
    sex,
    // Some families know only the year: an estimated birth year.
    ...(rng.chance(0.1)
      ? { birthDate: isoDay(birth).slice(0, 4), birthDateApprox: true }
      : { birthDate: isoDay(birth), birthDateApprox: false }),
    nationality: c.code,
    languages: c.language === 'en' ? ['en'] : [c.language, ...(rng.chance(0.3) ? ['en'] : [])],
    email: rng.chance(0.7)
      ? `${ascii(person.given)}.${ascii(person.family)}${rng.int(1, 9999)}@${rng.pick(EMAIL_DOMAINS)}`
      : null,
    phone: rng.chance(0.9) ? phone(rng, c) : null,
    messagingHandle: null,
    address: null,
    emergencyName: null,
    emergencyRelation: null,
    emergencyPhone: null,
    passportNumber: null,
    strokeType: rng.weighted([
      ['ischemic', 70],
      ['hemorrhagic', 27],
      ['unknown', 3],
    ] as const),
    strokeOnsetDate: isoDay(registered - (30 + 1500 * rng.next() ** 2) * DAY),
    strokeOnsetDateApprox: false,
    weaknessSide: null,
    lesionSide: null,
    lesionSite: null,
    priorTreatments: null,
    comorbidities: conditions,
    comorbiditiesOther: conditions.includes('other') ? 'Atrial fibrillation' : null,
    ecog: null,
    asa: null,
    healthNotes: null,
  };
}

const LESION_SITES = [
  'Left MCA territory, basal ganglia',
  'Right MCA territory, frontoparietal cortex',
  'Internal capsule',
  'Thalamus',
  'Pons',
  'Cerebellum',
  'Left temporal lobe',
  'Right putamen (hemorrhage)',
] as const;
const PRIOR_TREATMENTS = [
  'Intravenous thrombolysis at onset',
  'Mechanical thrombectomy',
  'Hematoma evacuation',
  'Rehabilitation 6 months (physio, speech therapy)',
  'Acupuncture and rehabilitation',
] as const;
