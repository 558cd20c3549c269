// Schema 310 (issues #11, #13): the clinic numbers' inquiry funnel without reading the inquiries, their status history
// and the treated spans row by row — one narrow row per inquiry kept by triggers (when it was received, its channel
// and country, the stages it reached, its first-response time in hours exactly as the report computes it), with a
// covering index for the period's counts and one per dimension for the medians (read in order of hours, so a median
// is an index walk to the middle row, not a sort).
import type { Migration } from '../migrate';

const ACCEPTED = `(i.status IN ('accepted', 'converted') OR EXISTS (
    SELECT 1 FROM inquiry_status_changes s WHERE s.inquiry_id = i.id AND s.to_status IN ('accepted', 'converted')))`;

/** The inquiry's funnel row from the inquiry `i`: the same expressions the report's by-row funnel used. */
const FUNNEL_ROW = `
  SELECT i.id, i.received_at, i.channel, ifnull(i.country, ''),
         (i.first_contact_at IS NOT NULL OR ${ACCEPTED} OR i.status IN ('contacted', 'awaiting_records', 'under_review')),
         ${ACCEPTED},
         (i.patient_id IS NOT NULL AND EXISTS (SELECT 1 FROM treated_spans t WHERE t.patient_id = i.patient_id)),
         CASE WHEN i.first_contact_at IS NOT NULL
              THEN max(0, (julianday(i.first_contact_at) - julianday(i.received_at)) * 24) END
    FROM inquiries i`;

const COLUMNS = 'inquiry_id, received_at, channel, country, contacted, accepted, treated, hours';

/** Puts an inquiry's row back from the inquiry (none when it is gone). */
const refresh = (id: string) => `
  DELETE FROM inquiry_funnel WHERE inquiry_id = ${id};
  INSERT INTO inquiry_funnel (${COLUMNS}) ${FUNNEL_ROW} WHERE i.id = ${id};`;

const SUMS = 'n, contacted, accepted, treated, answered, within24h';

/** Adds (+1) or takes away (-1) a funnel row from its UTC month's counts; a month cell that falls to zero goes. */
const addMonth = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
  delta === 1
    ? `INSERT INTO inquiry_funnel_months (month, channel, country, ${SUMS})
         VALUES (substr(NEW.received_at, 1, 7), NEW.channel, NEW.country, 1, NEW.contacted, NEW.accepted, NEW.treated,
                 NEW.hours IS NOT NULL, ifnull(NEW.hours <= 24, 0))
         ON CONFLICT DO UPDATE SET n = n + 1, contacted = contacted + excluded.contacted,
           accepted = accepted + excluded.accepted, treated = treated + excluded.treated,
           answered = answered + excluded.answered, within24h = within24h + excluded.within24h;`
    : `UPDATE inquiry_funnel_months SET n = n - 1, contacted = contacted - OLD.contacted,
           accepted = accepted - OLD.accepted, treated = treated - OLD.treated,
           answered = answered - (OLD.hours IS NOT NULL), within24h = within24h - ifnull(OLD.hours <= 24, 0)
        WHERE month = substr(OLD.received_at, 1, 7) AND channel = OLD.channel AND country = OLD.country;
       DELETE FROM inquiry_funnel_months
        WHERE month = substr(OLD.received_at, 1, 7) AND channel = OLD.channel AND country = OLD.country AND n = 0;`;

/** The UTC month counts from the funnel rows (backfill; the bulk seed's rebuild after inquiry_funnel). */
export const REBUILD_INQUIRY_FUNNEL_MONTHS = `
  DELETE FROM inquiry_funnel_months;
  INSERT INTO inquiry_funnel_months (month, channel, country, ${SUMS})
    SELECT substr(received_at, 1, 7), channel, country, count(*), sum(contacted), sum(accepted), sum(treated),
           count(hours), ifnull(sum(hours <= 24), 0)
      FROM inquiry_funnel GROUP BY 1, 2, 3;`;

/** Adds or takes away an answered funnel row from its month's whole-hour counts, by channel and by country. */
const addHours = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
  (['channel', 'country'] as const)
    .map((dim) =>
      delta === 1
        ? `INSERT INTO inquiry_response_hours (month, dim, key, bucket, n)
             SELECT substr(NEW.received_at, 1, 7), '${dim}', NEW.${dim}, CAST(NEW.hours AS INTEGER), 1
              WHERE NEW.hours IS NOT NULL
             ON CONFLICT DO UPDATE SET n = n + 1;`
        : `UPDATE inquiry_response_hours SET n = n - 1
            WHERE month = substr(OLD.received_at, 1, 7) AND dim = '${dim}' AND key = OLD.${dim}
              AND bucket = CAST(OLD.hours AS INTEGER);
           DELETE FROM inquiry_response_hours
            WHERE month = substr(OLD.received_at, 1, 7) AND dim = '${dim}' AND key = OLD.${dim}
              AND bucket = CAST(OLD.hours AS INTEGER) AND n = 0;`,
    )
    .join('\n');

/** The whole-hour counts from the funnel rows (backfill; the bulk seed's rebuild after inquiry_funnel). */
export const REBUILD_INQUIRY_FUNNEL_HOURS = `
  DELETE FROM inquiry_response_hours;
  INSERT INTO inquiry_response_hours (month, dim, key, bucket, n)
    SELECT substr(received_at, 1, 7), 'channel', channel, CAST(hours AS INTEGER), count(*) FROM inquiry_funnel
     WHERE hours IS NOT NULL GROUP BY 1, 3, 4
    UNION ALL
    SELECT substr(received_at, 1, 7), 'country', country, CAST(hours AS INTEGER), count(*) FROM inquiry_funnel
     WHERE hours IS NOT NULL GROUP BY 1, 3, 4;`;

/** Every inquiry's row (the migration's backfill; the bulk seed's rebuild after a load). */
export const REBUILD_INQUIRY_FUNNEL = `
  DELETE FROM inquiry_funnel;
  INSERT INTO inquiry_funnel (${COLUMNS}) ${FUNNEL_ROW};`;

/**
 * A quarter hour on the 2nd to the 27th of its UTC month lies in that month at the clinic too (a zone is at most 14
 * hours from UTC): those quarters' counts are kept per month, the rest are read per quarter hour.
 */
const interior = (slot: string) => `substr(${slot}, 9, 2) BETWEEN '02' AND '27'`;

const addMonthTally = (row: 'NEW' | 'OLD', delta: 1 | -1) =>
  delta === 1
    ? `INSERT INTO procedure_month_tallies (month, type_id, status, n)
         SELECT substr(NEW.slot, 1, 7), NEW.type_id, NEW.status, NEW.n WHERE ${interior('NEW.slot')}
         ON CONFLICT DO UPDATE SET n = n + excluded.n;`
    : `UPDATE procedure_month_tallies SET n = n - OLD.n
        WHERE ${interior('OLD.slot')} AND month = substr(OLD.slot, 1, 7) AND type_id = OLD.type_id
          AND status = OLD.status;
       DELETE FROM procedure_month_tallies
        WHERE ${interior('OLD.slot')} AND month = substr(OLD.slot, 1, 7) AND type_id = OLD.type_id
          AND status = OLD.status AND n = 0;`;

/** The month counts of the interior quarter hours (backfill; the bulk seed's rebuild after procedure_tallies). */
export const REBUILD_PROCEDURE_MONTH_TALLIES = `
  DELETE FROM procedure_month_tallies;
  INSERT INTO procedure_month_tallies (month, type_id, status, n)
    SELECT substr(slot, 1, 7), type_id, status, sum(n) FROM procedure_tallies WHERE ${interior('slot')}
     GROUP BY 1, 2, 3 HAVING sum(n) <> 0;`;

export const m0310: Migration = {
  version: 310,
  name: '0310-inquiry-funnel',
  up(db) {
    // Kept in the transaction of whatever writes the inquiry, its status history or a treated span (commands, imports,
    // merges alike). An inquiry write re-reads its own row and history (by key); a treated span that appears or goes
    // marks the patient's few inquiries.
    db.exec(`
      CREATE TABLE inquiry_funnel (
        inquiry_id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        country TEXT NOT NULL,
        contacted INTEGER NOT NULL,
        accepted INTEGER NOT NULL,
        treated INTEGER NOT NULL,
        hours REAL
      ) STRICT;
      CREATE TRIGGER inquiry_funnel_insert AFTER INSERT ON inquiries
      BEGIN ${refresh('NEW.id')}
      END;
      CREATE TRIGGER inquiry_funnel_update
        AFTER UPDATE OF id, received_at, channel, country, status, first_contact_at, patient_id ON inquiries
        WHEN OLD.id IS NOT NEW.id OR OLD.received_at IS NOT NEW.received_at OR OLD.channel IS NOT NEW.channel
          OR OLD.country IS NOT NEW.country OR OLD.status IS NOT NEW.status
          OR OLD.first_contact_at IS NOT NEW.first_contact_at OR OLD.patient_id IS NOT NEW.patient_id
      BEGIN
        DELETE FROM inquiry_funnel WHERE inquiry_id = OLD.id;
        ${refresh('NEW.id')}
      END;
      CREATE TRIGGER inquiry_funnel_delete AFTER DELETE ON inquiries
      BEGIN DELETE FROM inquiry_funnel WHERE inquiry_id = OLD.id;
      END;

      CREATE TRIGGER inquiry_funnel_status_insert AFTER INSERT ON inquiry_status_changes
        WHEN NEW.to_status IN ('accepted', 'converted')
      BEGIN ${refresh('NEW.inquiry_id')}
      END;
      CREATE TRIGGER inquiry_funnel_status_update AFTER UPDATE OF inquiry_id, to_status ON inquiry_status_changes
        WHEN (OLD.to_status IN ('accepted', 'converted') OR NEW.to_status IN ('accepted', 'converted'))
         AND (OLD.inquiry_id IS NOT NEW.inquiry_id OR OLD.to_status IS NOT NEW.to_status)
      BEGIN ${refresh('OLD.inquiry_id')} ${refresh('NEW.inquiry_id')}
      END;
      CREATE TRIGGER inquiry_funnel_status_delete AFTER DELETE ON inquiry_status_changes
        WHEN OLD.to_status IN ('accepted', 'converted')
      BEGIN ${refresh('OLD.inquiry_id')}
      END;

      CREATE TRIGGER inquiry_funnel_treated_insert AFTER INSERT ON treated_spans
      BEGIN UPDATE inquiry_funnel SET treated = 1
             WHERE inquiry_id IN (SELECT id FROM inquiries WHERE patient_id = NEW.patient_id) AND treated = 0;
      END;
      CREATE TRIGGER inquiry_funnel_treated_update AFTER UPDATE OF patient_id ON treated_spans
        WHEN OLD.patient_id IS NOT NEW.patient_id
      BEGIN
        UPDATE inquiry_funnel SET treated = 0
         WHERE inquiry_id IN (SELECT id FROM inquiries WHERE patient_id = OLD.patient_id) AND treated = 1;
        UPDATE inquiry_funnel SET treated = 1
         WHERE inquiry_id IN (SELECT id FROM inquiries WHERE patient_id = NEW.patient_id) AND treated = 0;
      END;
      CREATE TRIGGER inquiry_funnel_treated_delete AFTER DELETE ON treated_spans
      BEGIN UPDATE inquiry_funnel SET treated = 0
             WHERE inquiry_id IN (SELECT id FROM inquiries WHERE patient_id = OLD.patient_id) AND treated = 1;
      END;
      -- The funnel's counts per UTC month, channel and country: a period's whole months are read from here, only the
      -- inquiries of its partial months at either end from inquiry_funnel.
      CREATE TABLE inquiry_funnel_months (
        month TEXT NOT NULL,
        channel TEXT NOT NULL,
        country TEXT NOT NULL,
        n INTEGER NOT NULL,
        contacted INTEGER NOT NULL,
        accepted INTEGER NOT NULL,
        treated INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        within24h INTEGER NOT NULL,
        PRIMARY KEY (month, channel, country)
      ) STRICT, WITHOUT ROWID;
      -- The answered inquiries per UTC month and whole hour of first response, by channel and by country: a median
      -- is found in its hour from these counts, then read exactly from that hour's few rows in inquiry_funnel.
      CREATE TABLE inquiry_response_hours (
        month TEXT NOT NULL,
        dim TEXT NOT NULL,
        key TEXT NOT NULL,
        bucket INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (month, dim, key, bucket)
      ) STRICT, WITHOUT ROWID;
      -- Procedures per UTC month, type and status from the quarter-hour counts of the 2nd to the 27th (0270's
      -- procedure_tallies): the months of a period are read from here, only the quarters near months' ends there.
      CREATE TABLE procedure_month_tallies (
        month TEXT NOT NULL,
        type_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (month, type_id, status)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER procedure_month_tallies_insert AFTER INSERT ON procedure_tallies
      BEGIN ${addMonthTally('NEW', 1)}
      END;
      CREATE TRIGGER procedure_month_tallies_update AFTER UPDATE ON procedure_tallies
      BEGIN ${addMonthTally('OLD', -1)} ${addMonthTally('NEW', 1)}
      END;
      CREATE TRIGGER procedure_month_tallies_delete AFTER DELETE ON procedure_tallies
      BEGIN ${addMonthTally('OLD', -1)}
      END;
      ${REBUILD_PROCEDURE_MONTH_TALLIES}
      ${REBUILD_INQUIRY_FUNNEL}
      ${REBUILD_INQUIRY_FUNNEL_MONTHS}
      ${REBUILD_INQUIRY_FUNNEL_HOURS}
      -- Indexes and the counts' triggers after the backfill: one sort per index, no trigger per backfilled row.
      CREATE INDEX inquiry_funnel_received
        ON inquiry_funnel (received_at, channel, country, contacted, accepted, treated, hours);
      CREATE INDEX inquiry_funnel_hours ON inquiry_funnel (hours, received_at, country) WHERE hours IS NOT NULL;
      CREATE INDEX inquiry_funnel_channel ON inquiry_funnel (channel, hours, received_at) WHERE hours IS NOT NULL;
      CREATE INDEX inquiry_funnel_country ON inquiry_funnel (country, hours, received_at) WHERE hours IS NOT NULL;

      CREATE TRIGGER inquiry_funnel_months_insert AFTER INSERT ON inquiry_funnel
      BEGIN ${addMonth('NEW', 1)} ${addHours('NEW', 1)}
      END;
      CREATE TRIGGER inquiry_funnel_months_update AFTER UPDATE ON inquiry_funnel
      BEGIN ${addMonth('OLD', -1)} ${addMonth('NEW', 1)}
      END;
      CREATE TRIGGER inquiry_funnel_hours_update AFTER UPDATE OF received_at, channel, country, hours ON inquiry_funnel
        WHEN OLD.received_at IS NOT NEW.received_at OR OLD.channel IS NOT NEW.channel
          OR OLD.country IS NOT NEW.country OR OLD.hours IS NOT NEW.hours
      BEGIN ${addHours('OLD', -1)} ${addHours('NEW', 1)}
      END;
      CREATE TRIGGER inquiry_funnel_months_delete AFTER DELETE ON inquiry_funnel
      BEGIN ${addMonth('OLD', -1)} ${addHours('OLD', -1)}
      END;

    `);
  },
};
