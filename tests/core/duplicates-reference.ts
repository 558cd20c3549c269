// The duplicate finder's candidate pairs as they were computed before issue #13 (every patient joined with every other
// on each call): the reference the kept table (migration 0250) is checked against.
import type { ReadableDB } from '../../db/sqlite/handles';
import { all, sql } from '../../db/sqlite/sql';

export function referenceCandidatePairs(db: ReadableDB, limit: number): { a: number; b: number }[] {
  return all<{ a: number; b: number }>(
    db,
    sql`SELECT a, b FROM (
          SELECT a.id AS a, b.id AS b FROM patients a JOIN patients b ON b.email = a.email AND b.id > a.id
           WHERE a.email IS NOT NULL AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
          UNION
          SELECT a.id, b.id FROM patients a JOIN patients b ON b.phone_digits = a.phone_digits AND b.id > a.id
           WHERE length(a.phone_digits) >= 6 AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
          UNION
          SELECT a.id, b.id FROM patients a JOIN patients b ON b.passport_number = a.passport_number AND b.id > a.id
           WHERE a.passport_number IS NOT NULL AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
          UNION
          SELECT a.id, b.id FROM patients a JOIN patients b
              ON b.birth_date = a.birth_date AND b.id <> a.id
             AND (lower(b.family_name) = lower(a.family_name) OR lower(b.family_name) = lower(a.given_name))
           WHERE length(a.birth_date) = 10 AND a.birth_approx = 0 AND b.birth_approx = 0
             AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
        ) WHERE a < b ORDER BY a, b LIMIT ${limit}`,
  );
}
