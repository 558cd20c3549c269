// Schema 210 (issue #11, wave 9): each course's signed outcome totals and packed domain ratings, one narrow row per
// course, instrument and time point, kept by triggers at sign/amend time, and each treated patient's onset and age
// bands kept beside their facts, so the outcomes report reads a few numbers per treated patient instead of the wide
// version rows (it never parses an item map nor works out a date on a view).
import type { Migration } from '../migrate';

/** Instruments the report judges by their total (OUTCOME_INSTRUMENTS at schema 210, frozen here). */
const TOTALS = `'nihss', 'mrs', 'barthel', 'fm-ue', 'fm-le', 'berg'`;
/** Time points a report compares (baseline and OUTCOME_TIME_POINTS at schema 210): one assessment per course each. */
const POINTS = `'baseline', 'discharge', 'm1', 'm3', 'm6', 'm12'`;
/**
 * The improvement instrument's domains in packing order (IMPROVEMENT_DOMAINS at schema 210, frozen here): rating r
 * (1–7, the instrument's anchors; signing refuses anything else) of domain k is stored as r·8^k, 0 meaning no rating.
 */
export const PACKED_DOMAINS = [
  'muscle-tension',
  'muscle-strength',
  'peripheral-circulation',
  'coordination-posture',
  'standing',
  'hand-fine-motor',
  'leg-movement',
  'speech-facial',
  'sensation',
] as const;

const PACK = `(SELECT sum(j.value * CASE j.key ${PACKED_DOMAINS.map((d, k) => `WHEN '${d}' THEN ${8 ** k}`).join(' ')} END)
    FROM json_each(v.item_values) j WHERE j.type = 'integer' AND j.value BETWEEN 1 AND 7)`;

/** The row of the assessment `a` with its signed version `v`: the total, or the packed ratings for 'improvement'. */
const VALUES_SELECT = `
  SELECT instrument_id, time_point, course_id, value FROM (
    SELECT a.instrument_id, a.time_point, a.course_id,
           CASE WHEN a.instrument_id = 'improvement' THEN ${PACK} ELSE v.total END AS value
      FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n
     WHERE a.course_id IS NOT NULL AND a.signed_n IS NOT NULL AND a.time_point IN (${POINTS})
       AND a.instrument_id IN (${TOTALS}, 'improvement') AND %WHERE%)
   WHERE value IS NOT NULL`;

const refresh = (id: string) => `
  INSERT OR REPLACE INTO outcome_values (instrument_id, time_point, course_id, value)
  ${VALUES_SELECT.replace('%WHERE%', `a.id = ${id}`)};`;

/** Fills the table from every signed assessment (the migration's backfill; the bulk seed's rebuild after a load):
 * one pass down the assessments_outcomes index (migration 0120) with a keyed read of each signed version. */
export const REBUILD_OUTCOME_VALUES = `
  DELETE FROM outcome_values;
  INSERT OR REPLACE INTO outcome_values (instrument_id, time_point, course_id, value)
  ${VALUES_SELECT.replace('%WHERE%', 'TRUE')};`;

/** Whole months from the partial date `a` to the day `d` (both SQL expressions), as monthsBetween in
 * db/reports/outcomes.ts: `YYYY` read as 1 July, `YYYY-MM` as the 15th. */
const months = (a: string, d: string) => `((substr(${d}, 1, 4) - substr(${a}, 1, 4)) * 12
  + (substr(${d}, 6, 2) - CASE length(${a}) WHEN 4 THEN 7 ELSE substr(${a}, 6, 2) END)
  - (substr(${d}, 9, 2) + 0 < CASE length(${a}) WHEN 4 THEN 1 WHEN 7 THEN 15 ELSE substr(${a}, 9, 2) + 0 END))`;

/**
 * The onset and age bands of a patient whose first transplant fell on the day `d`, packed as onset + 5·age with the
 * band indexes of STRATA_KEYS (onset lt6m 6to12m 1to2y gt2y unknown; age lt40 40to59 60to74 ge75 unknown).
 */
const bands = (d: string) => {
  const onset = months('onset', d);
  const age = months('birth', d);
  return `(CASE WHEN onset IS NULL THEN 4 WHEN ${onset} < 6 THEN 0 WHEN ${onset} < 12 THEN 1 WHEN ${onset} < 24 THEN 2
    ELSE 3 END + 5 * CASE WHEN birth IS NULL THEN 4 WHEN ${age} < 480 THEN 0 WHEN ${age} < 720 THEN 1
    WHEN ${age} < 900 THEN 2 ELSE 3 END)`;
};

/**
 * The bands as of the UTC day of the first transplant and the days either side: the report picks one by the clinic's
 * offset at read time (the minute of the UTC day plus the offset crossing midnight or not), so the stored codes give
 * the same bands as computing them from the clinic-local day on each view. `first_minute` is that minute of day.
 */
export const SET_BANDS = `first_minute = substr(first_at, 12, 2) * 60 + substr(first_at, 15, 2),
  bands_prev = ${bands("date(first_at, '-1 day')")},
  bands_same = ${bands('substr(first_at, 1, 10)')},
  bands_next = ${bands("date(first_at, '+1 day')")}`;

export const m0210: Migration = {
  version: 210,
  name: '0210-outcome-values',
  up(db) {
    // Signing and amending move `signed_n` (after the version got its total), so that update re-reads the row; a seed
    // or an import that writes a signed head before its version is caught by the version's insert. Autosaves touch
    // neither column and never fire these. Assessments are never deleted by the app; the delete trigger keeps the
    // table right should a restore or a repair ever do it.
    db.exec(`
      CREATE TABLE outcome_values (
        instrument_id TEXT NOT NULL,
        time_point TEXT NOT NULL,
        course_id INTEGER NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY (instrument_id, time_point, course_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER outcome_values_assessment
        AFTER UPDATE OF signed_n, course_id, time_point, instrument_id ON assessments
      BEGIN
        DELETE FROM outcome_values
         WHERE instrument_id = OLD.instrument_id AND time_point = OLD.time_point AND course_id = OLD.course_id;
        ${refresh('NEW.id')}
      END;
      CREATE TRIGGER outcome_values_version AFTER INSERT ON assessment_versions WHEN NEW.status = 'signed'
      BEGIN ${refresh('NEW.assessment_id')}
      END;
      CREATE TRIGGER outcome_values_assessment_delete AFTER DELETE ON assessments
      BEGIN
        DELETE FROM outcome_values
         WHERE instrument_id = OLD.instrument_id AND time_point = OLD.time_point AND course_id = OLD.course_id;
      END;
      ${REBUILD_OUTCOME_VALUES}

      ALTER TABLE outcome_treated ADD COLUMN first_minute INTEGER;
      ALTER TABLE outcome_treated ADD COLUMN bands_prev INTEGER;
      ALTER TABLE outcome_treated ADD COLUMN bands_same INTEGER;
      ALTER TABLE outcome_treated ADD COLUMN bands_next INTEGER;
      CREATE TRIGGER outcome_treated_bands_insert AFTER INSERT ON outcome_treated
      BEGIN UPDATE outcome_treated SET ${SET_BANDS} WHERE patient_id = NEW.patient_id;
      END;
      CREATE TRIGGER outcome_treated_bands_update AFTER UPDATE OF first_at, onset, birth ON outcome_treated
      BEGIN UPDATE outcome_treated SET ${SET_BANDS} WHERE patient_id = NEW.patient_id;
      END;
      UPDATE outcome_treated SET ${SET_BANDS};
    `);
  },
};
