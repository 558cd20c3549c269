// The duplicate finder's candidate pairs as they were computed before issue #13 (every patient joined with every other
// on each call): the reference the kept table (migration 0250) is checked against.
import type { ReadableDB } from '../../db/sqlite/handles';
import { ALL_PAIRS } from '../../db/sqlite/migrations/0250-list-indexes';

export function referenceCandidatePairs(db: ReadableDB, limit: number): { a: number; b: number }[] {
  return db.prepare(`${ALL_PAIRS} ORDER BY a, b LIMIT ?`).all(limit) as { a: number; b: number }[];
}
