// Schema 270 (issues #11, #13): the clinic's numbers without reading every procedure, course or month point — small
// tables kept by triggers (procedure counts per quarter hour, type and status; each patient's first and last completed
// procedure; month points per target day) and covering indexes for the inquiry funnel and the course counts.
import type { Migration } from '../migrate';

/**
 * The UTC quarter hour an instant falls in, `YYYY-MM-DDTHH:MM` (`x` an ISO instant). Every zone's offset is a multiple
 * of 15 minutes, so a clinic-local day or month starts on a quarter hour: the quarter's month is the instant's month.
 */
const slotOf = (x: string) =>
  `substr(${x}, 1, 14) || CASE WHEN substr(${x}, 15, 2) < '15' THEN '00' WHEN substr(${x}, 15, 2) < '30' THEN '15'
    WHEN substr(${x}, 15, 2) < '45' THEN '30' ELSE '45' END`;

const addTally = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
  delta === 1
    ? `INSERT INTO procedure_tallies (slot, type_id, status, n)
         VALUES (${slotOf(`${row}.starts_at`)}, ${row}.type_id, ${row}.status, 1) ON CONFLICT DO UPDATE SET n = n + 1;`
    : `UPDATE procedure_tallies SET n = n - 1
        WHERE slot = ${slotOf(`${row}.starts_at`)} AND type_id = ${row}.type_id AND status = ${row}.status;
       DELETE FROM procedure_tallies
        WHERE slot = ${slotOf(`${row}.starts_at`)} AND type_id = ${row}.type_id AND status = ${row}.status AND n = 0;`;

/** Drops the patient's span and puts it back from their completed procedures (none: no row). */
const recomputeSpan = (pid: string, onlyIf = 'TRUE') => `
  DELETE FROM treated_spans WHERE patient_id = ${pid} AND ${onlyIf};
  INSERT INTO treated_spans (patient_id, first_at, last_at)
    SELECT ${pid}, min(starts_at), max(starts_at) FROM procedures
     WHERE patient_id = ${pid} AND status = 'completed' AND ${onlyIf} HAVING count(*) > 0;`;

const addDay = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
  delta === 1
    ? `INSERT INTO follow_up_point_days (time_point, target, to_day, n, done)
         VALUES (NEW.time_point, NEW.target, NEW.to_day, 1, NEW.done)
         ON CONFLICT DO UPDATE SET n = n + 1, done = done + excluded.done;`
    : `UPDATE follow_up_point_days SET n = n - 1, done = done - ${row}.done
        WHERE time_point = ${row}.time_point AND target = ${row}.target AND to_day = ${row}.to_day;
       DELETE FROM follow_up_point_days
        WHERE time_point = ${row}.time_point AND target = ${row}.target AND to_day = ${row}.to_day AND n = 0;`;

/** Procedure counts from every procedure (the migration's backfill; the bulk seed's rebuild after a load). */
export const REBUILD_PROCEDURE_TALLIES = `
  DELETE FROM procedure_tallies;
  INSERT INTO procedure_tallies (slot, type_id, status, n)
    SELECT ${slotOf('starts_at')}, type_id, status, count(*) FROM procedures GROUP BY 1, 2, 3;`;

/** Each patient's first and last completed procedure, from every procedure (backfill; bulk seed rebuild). */
export const REBUILD_TREATED_SPANS = `
  DELETE FROM treated_spans;
  INSERT INTO treated_spans (patient_id, first_at, last_at)
    SELECT patient_id, min(starts_at), max(starts_at) FROM procedures WHERE status = 'completed' GROUP BY patient_id;`;

/** Month points per target day, from follow_up_points (backfill; the bulk seed rebuilds it after follow_up_points). */
export const REBUILD_FOLLOW_UP_POINT_DAYS = `
  DELETE FROM follow_up_point_days;
  INSERT INTO follow_up_point_days (time_point, target, to_day, n, done)
    SELECT time_point, target, to_day, count(*), sum(done) FROM follow_up_points GROUP BY 1, 2, 3;`;

export const m0270: Migration = {
  version: 270,
  name: '0270-clinic-numbers',
  up(db) {
    // Kept in the transaction of whatever writes the source row (commands, imports, merges, restores alike). A booking
    // adds one to one small row; only a change that involves a completed procedure re-reads that patient's completed
    // procedures (one short covering range). Rows that fall to zero are dropped, so a rebuild gives the same rows.
    db.exec(`
      CREATE TABLE procedure_tallies (
        slot TEXT NOT NULL,
        type_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (slot, type_id, status)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER procedure_tallies_insert AFTER INSERT ON procedures
      BEGIN ${addTally('NEW', 1)}
      END;
      CREATE TRIGGER procedure_tallies_update AFTER UPDATE OF starts_at, type_id, status ON procedures
        WHEN OLD.starts_at IS NOT NEW.starts_at OR OLD.type_id IS NOT NEW.type_id OR OLD.status IS NOT NEW.status
      BEGIN ${addTally('OLD', -1)} ${addTally('NEW', 1)}
      END;
      CREATE TRIGGER procedure_tallies_delete AFTER DELETE ON procedures
      BEGIN ${addTally('OLD', -1)}
      END;

      CREATE TABLE treated_spans (
        patient_id INTEGER PRIMARY KEY,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER treated_spans_insert AFTER INSERT ON procedures WHEN NEW.status = 'completed'
      BEGIN ${recomputeSpan('NEW.patient_id')}
      END;
      CREATE TRIGGER treated_spans_update AFTER UPDATE OF status, starts_at, patient_id ON procedures
        WHEN (OLD.status = 'completed' OR NEW.status = 'completed')
         AND (OLD.status IS NOT NEW.status OR OLD.starts_at IS NOT NEW.starts_at
              OR OLD.patient_id IS NOT NEW.patient_id)
      BEGIN ${recomputeSpan('OLD.patient_id')}
        ${recomputeSpan('NEW.patient_id', 'NEW.patient_id <> OLD.patient_id')}
      END;
      CREATE TRIGGER treated_spans_delete AFTER DELETE ON procedures WHEN OLD.status = 'completed'
      BEGIN ${recomputeSpan('OLD.patient_id')}
      END;

      CREATE TABLE follow_up_point_days (
        time_point TEXT NOT NULL,
        target TEXT NOT NULL,
        to_day TEXT NOT NULL,
        n INTEGER NOT NULL,
        done INTEGER NOT NULL,
        PRIMARY KEY (time_point, target, to_day)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER follow_up_point_days_insert AFTER INSERT ON follow_up_points
      BEGIN ${addDay('NEW', 1)}
      END;
      CREATE TRIGGER follow_up_point_days_update AFTER UPDATE OF time_point, target, to_day, done ON follow_up_points
        WHEN OLD.time_point IS NOT NEW.time_point OR OLD.target IS NOT NEW.target OR OLD.to_day IS NOT NEW.to_day
          OR OLD.done IS NOT NEW.done
      BEGIN ${addDay('OLD', -1)} ${addDay('NEW', 1)}
      END;
      CREATE TRIGGER follow_up_point_days_delete AFTER DELETE ON follow_up_points
      BEGIN ${addDay('OLD', -1)}
      END;

      -- The funnel reads the period's inquiries from this index alone (the rows carry long messages).
      CREATE INDEX inquiries_funnel
        ON inquiries (received_at, channel, country, status, first_contact_at, patient_id);
      -- Whether an inquiry was ever accepted: one probe into the few such changes.
      CREATE INDEX inquiry_status_changes_accepted ON inquiry_status_changes (inquiry_id)
        WHERE to_status IN ('accepted', 'converted');
      -- Courses by status in a period of admission days, from the index alone.
      CREATE INDEX courses_admitted_status ON courses (status, coalesce(admitted_on, planned_admission));
      ${REBUILD_PROCEDURE_TALLIES}
      ${REBUILD_TREATED_SPANS}
      ${REBUILD_FOLLOW_UP_POINT_DAYS}
    `);
  },
};
