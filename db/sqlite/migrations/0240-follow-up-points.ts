// Schema 240 (issue #13): the follow-up worklist's month points kept in a table (one row per discharged course and
// month point, with its window, whether an assessment holds it and the latest contact attempt), so listing the missed
// points reads one index range instead of computing every patient's schedule on each call; and when each inquiry
// last changed status, kept on the inquiry, so reception's review queue (longest waiting first) reads in order.
import type { Migration } from '../migrate';

/**
 * The month points and their windows as this migration knows them (assessment-schedule.ts is the live source; a test
 * checks they agree, and a change to the windows is a new migration that rebuilds the table).
 */
export const POINTS_AT_240 = [
  ['m1', 1, 7, 7],
  ['m3', 3, 14, 14],
  ['m6', 6, 30, 30],
  ['m12', 12, 30, 30],
] as const;

const POINTS = `(VALUES ${POINTS_AT_240.map(([tp, m, b, a]) => `('${tp}', ${m}, ${b}, ${a})`).join(', ')})`;

const COLUMNS = 'course_id, time_point, target, from_day, to_day, done, last_contact_id, lost, next_try_on';

/** The latest month-point attempt for the point `x` (ORDER as the worklist always read it: newest, then highest id). */
const LATEST = `(SELECT f.id FROM follow_up_contacts f
    WHERE f.course_id = x.course_id AND f.time_point = x.time_point AND ifnull(f.procedure_id, 0) = 0
    ORDER BY f.at DESC, f.id DESC LIMIT 1)`;

/**
 * The rows for the courses `source` yields as (id, discharged_on) — the month arithmetic of `addMonths` (a day the
 * month lacks falls on its last day), the window, whether any assessment holds the point, the latest attempt.
 */
const pointRows = (source: string) => `
  INSERT INTO follow_up_points (${COLUMNS})
  SELECT x.course_id, x.time_point, x.target, date(x.target, '-' || x.bef || ' days'),
         date(x.target, '+' || x.aft || ' days'),
         EXISTS (SELECT 1 FROM assessments a WHERE a.course_id = x.course_id AND a.time_point = x.time_point),
         lc.id, ifnull(lc.outcome = 'lost_to_follow_up', 0), lc.next_try_on
    FROM (SELECT c.id AS course_id, p.column1 AS time_point, p.column3 AS bef, p.column4 AS aft,
                 min(date(c.discharged_on, '+' || p.column2 || ' months'),
                     date(c.discharged_on, 'start of month', '+' || (p.column2 + 1) || ' months', '-1 day')) AS target
            FROM ${source} CROSS JOIN ${POINTS} p) x
    LEFT JOIN follow_up_contacts lc ON lc.id = ${LATEST};`;

/** Fills the table from every discharged course (the migration's backfill; the bulk seed's rebuild after a load). */
export const REBUILD_FOLLOW_UP_POINTS = `
  DELETE FROM follow_up_points;
  ${pointRows(`(SELECT id, discharged_on FROM courses WHERE status = 'discharged' AND discharged_on IS NOT NULL) c`)}`;

/** When each inquiry last changed status (the migration's backfill; the bulk seed's rebuild after a load). */
export const REBUILD_STATUS_CHANGED_AT = `
  UPDATE inquiries SET status_changed_at = (SELECT max(s.at) FROM inquiry_status_changes s WHERE s.inquiry_id = inquiries.id);`;

/** Whether an assessment holds the point (course `cid`, point `tp`): after an assessment is added, moved or removed. */
const recheckDone = (cid: string, tp: string) => `
  UPDATE follow_up_points SET done = EXISTS (SELECT 1 FROM assessments a WHERE a.course_id = ${cid}
                                                AND a.time_point = ${tp})
   WHERE course_id = ${cid} AND time_point = ${tp};`;

export const m0240: Migration = {
  version: 240,
  name: '0240-follow-up-points',
  up(db) {
    // Kept by triggers, in the transaction of whatever changes a course's discharge, an assessment or an attempt
    // (commands, imports, merges, restores alike). The state (upcoming … missed) depends on today and is decided at
    // read time from the kept window; `lost` is the latest attempt's outcome, which does not.
    db.exec(`
      CREATE TABLE follow_up_points (
        course_id INTEGER NOT NULL REFERENCES courses (id),
        time_point TEXT NOT NULL,
        target TEXT NOT NULL,
        from_day TEXT NOT NULL,
        to_day TEXT NOT NULL,
        done INTEGER NOT NULL,
        last_contact_id INTEGER,
        lost INTEGER NOT NULL,
        next_try_on TEXT,
        PRIMARY KEY (course_id, time_point)
      ) STRICT, WITHOUT ROWID;
      -- The points still to arrange: by window end, newest first (the missed and lost lists' order, read as is).
      CREATE INDEX follow_up_points_pending ON follow_up_points (lost, to_day DESC, course_id, target) WHERE done = 0;
      -- An open state's count: one exact range of window ends per month point (the list reads the index above).
      CREATE INDEX follow_up_points_point ON follow_up_points (lost, time_point, to_day) WHERE done = 0;
      -- The few points whose latest attempt promised a later call (they wait behind the rest of their state).
      CREATE INDEX follow_up_points_next_try ON follow_up_points (next_try_on)
        WHERE done = 0 AND next_try_on IS NOT NULL;

      CREATE TRIGGER follow_up_points_course_insert AFTER INSERT ON courses
        WHEN NEW.status = 'discharged' AND NEW.discharged_on IS NOT NULL
      BEGIN ${pointRows('(SELECT NEW.id AS id, NEW.discharged_on AS discharged_on) c')}
      END;
      CREATE TRIGGER follow_up_points_course_update AFTER UPDATE OF status, discharged_on ON courses
        WHEN OLD.status IS NOT NEW.status OR OLD.discharged_on IS NOT NEW.discharged_on
      BEGIN
        DELETE FROM follow_up_points WHERE course_id = OLD.id;
        ${pointRows(`(SELECT NEW.id AS id, NEW.discharged_on AS discharged_on
                       WHERE NEW.status = 'discharged' AND NEW.discharged_on IS NOT NULL) c`)}
      END;
      CREATE TRIGGER follow_up_points_course_delete AFTER DELETE ON courses
      BEGIN DELETE FROM follow_up_points WHERE course_id = OLD.id; END;

      CREATE TRIGGER follow_up_points_assessment_insert AFTER INSERT ON assessments WHEN NEW.course_id IS NOT NULL
      BEGIN UPDATE follow_up_points SET done = 1 WHERE course_id = NEW.course_id AND time_point = NEW.time_point; END;
      CREATE TRIGGER follow_up_points_assessment_update AFTER UPDATE OF course_id, time_point ON assessments
      BEGIN ${recheckDone('OLD.course_id', 'OLD.time_point')} ${recheckDone('NEW.course_id', 'NEW.time_point')}
      END;
      CREATE TRIGGER follow_up_points_assessment_delete AFTER DELETE ON assessments WHEN OLD.course_id IS NOT NULL
      BEGIN ${recheckDone('OLD.course_id', 'OLD.time_point')}
      END;

      -- Attempts are appended only (0100 refuses edits and deletes); one may be dated before the latest, so the
      -- latest is looked up again rather than assumed to be the new one.
      CREATE TRIGGER follow_up_points_attempt AFTER INSERT ON follow_up_contacts
        WHEN ifnull(NEW.procedure_id, 0) = 0
      BEGIN
        UPDATE follow_up_points
           SET (last_contact_id, lost, next_try_on) = (
                 SELECT lc.id, ifnull(lc.outcome = 'lost_to_follow_up', 0), lc.next_try_on
                   FROM (SELECT NEW.course_id AS course_id, NEW.time_point AS time_point) x
                   LEFT JOIN follow_up_contacts lc ON lc.id = ${LATEST})
         WHERE course_id = NEW.course_id AND time_point = NEW.time_point;
      END;
      ${REBUILD_FOLLOW_UP_POINTS}

      -- Reception's review queue: everyone under review, longest in that state first (NULL: never changed status,
      -- in it since the inquiry was created). Status changes are appended with the status itself, in one command.
      ALTER TABLE inquiries ADD COLUMN status_changed_at TEXT;
      CREATE TRIGGER inquiries_status_changed_at AFTER INSERT ON inquiry_status_changes
      BEGIN
        UPDATE inquiries SET status_changed_at = (SELECT max(s.at) FROM inquiry_status_changes s
                                                   WHERE s.inquiry_id = NEW.inquiry_id)
         WHERE id = NEW.inquiry_id;
      END;
      ${REBUILD_STATUS_CHANGED_AT}
      CREATE INDEX inquiries_review_since ON inquiries (coalesce(status_changed_at, created_at), id)
        WHERE status = 'under_review';
    `);
  },
};
