// Search as you type: trigram full-text queries for 3+ characters, index ranges for 1–2, and the LIKE scan they replace.
import type { ReadableDB } from '../sqlite/handles';
import { DENSE_SCRIPT, GRAM_PAD, foldStart, foldText } from '../sqlite/functions';
import { Sql, all, get, join, raw, sql } from '../sqlite/sql';
import { writeStamp } from '../sqlite/write-stamp';

export type SearchPlan =
  | { mode: 'none' }
  /** One or two characters: too short for trigrams, answered by a range on the name indexes. */
  | { mode: 'prefix'; prefix: string }
  /**
   * FTS5 query text, plus short words that filter the hits afterwards. `grams`: one or two characters of a dense
   * script, looked up among the padded pieces of the names only (not the contacts or identifiers).
   */
  | {
      mode: 'fts';
      match: string;
      shortWords: string[];
      words: string[];
      grams: boolean;
      /** Digits with dashes or dots as typed, also looked up among patients' identifiers: part of an MRN. */
      identifier?: string;
    };

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;
/** Phone numbers are typed with spaces, dashes and brackets; they are indexed as digits only. */
const PHONE_LIKE = /^[\d\s()+.-]+$/;
/**
 * Digits joined by dashes or dots ("2026-00001", "912-345-6789") may be an MRN typed without its letters as much as a
 * phone number. The clinic's format is configurable ({YYYY}, {YY}, {seq:N} and any literals, db/services/mrn.ts), so
 * rather than guess from it the text as typed is looked up among the identifiers too: it is part of an MRN exactly when
 * the MRN holds it. A "+" or brackets mark a phone number only.
 */
const MRN_PART = /^\d+(?:[\s.-]+\d+)*$/;

export function planSearch(raw: string): SearchPlan {
  // "İ" (Turkish capital dotted I) is the one letter that lowers to two characters, "i" and a dot: counted as one.
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(/\s+/g, ' ');
  if (text === '') return { mode: 'none' };
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 3) {
      const plan = { mode: 'fts' as const, match: quote(digits), shortWords: [], words: [digits], grams: false };
      return MRN_PART.test(text) && /[.-]/.test(text) ? { ...plan, identifier: text } : plan;
    }
    return { mode: 'prefix', prefix: digits || text };
  }
  const words = text.split(' ').filter(Boolean);
  const long = words.filter((w) => [...w].length >= 3);
  if (long.length === 0) {
    const prefix = [...text].length <= 2 ? text : (words[0] ?? text);
    // One or two characters of Chinese, Japanese or Korean are often a whole name: found anywhere through the padded grams.
    if (DENSE_SCRIPT.test(prefix) && !prefix.includes(' ')) {
      return {
        mode: 'fts',
        match: `grams : ${quote(prefix + GRAM_PAD.repeat(3 - [...prefix].length))}`,
        shortWords: [],
        words: [prefix],
        grams: true,
      };
    }
    // Folded as the start-of-name indexes hold names: "Ал" and "ал" both meet "Алексей" (foldStart).
    const folded = foldStart(prefix);
    return folded === '' ? { mode: 'none' } : { mode: 'prefix', prefix: folded };
  }
  return {
    mode: 'fts',
    match: long.map(quote).join(' AND '),
    shortWords: words.filter((w) => [...w].length < 3),
    words: long.map(foldText),
    grams: false,
  };
}

/** The smallest string greater than every string that starts with `prefix`, for an index range. */
export function prefixEnd(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop() ?? '';
  return chars.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}

const shortFilter = (column: string, words: string[]): Sql =>
  words.length === 0
    ? sql`1`
    : join(
        words.map((w) => sql`instr(lower(${new Sql(column, [])}), ${w}) > 0`),
        ' AND ',
      );

/**
 * How many of the newest rows a one-letter query reads before it falls back to the index ranges. A letter common enough to
 * fill a page of hits among them (most are) is answered by reading at most this many rows
 * newest first, as a LIMIT-ed scan would, instead of gathering and sorting every name in a wide index range.
 */
export const RECENT_WINDOW = 2000;
/** Above this many hits the window rarely fills, so the ranges are read at once. */
const WINDOW_MAX_LIMIT = 50;

/** The newest `limit` ids matching `where` among the last RECENT_WINDOW rows, or null when they are fewer. */
function recentHits(db: ReadableDB, table: 'patients' | 'inquiries', where: Sql, limit: number): number[] | null {
  if (limit > WINDOW_MAX_LIMIT) return null;
  const t = new Sql(table, []);
  const ids = all<{ id: number }>(
    db,
    sql`SELECT id FROM ${t} WHERE id > (SELECT max(id) FROM ${t}) - ${RECENT_WINDOW} AND ${where}
        ORDER BY id DESC LIMIT ${limit}`,
  ).map((r) => r.id);
  return ids.length === limit ? ids : null;
}

/** The first two letters of each name folded, word for word as migration 0260 indexes them. */
const START = (column: string) => `sd_fold_start(${column})`;
const FAMILY_START = START('family_name');
const GIVEN_START = START('given_name');
const NATIVE_START = START('native_name');
const PATIENT_NAME_START = START('patient_name');
const CONTACT_NAME_START = START('contact_name');

/** The newest `limit` ids of several branches, each read newest first from its index and merged until the page is full. */
const newestOf = (db: ReadableDB, branches: Sql[], limit: number): number[] =>
  all<{ id: number }>(db, sql`${join(branches, ' UNION ')} ORDER BY id DESC LIMIT ${limit}`).map((r) => r.id);

const nameRange = (column: string, lo: string, hi: string): Sql =>
  sql`(${new Sql(column, [])} >= ${lo} AND ${new Sql(column, [])} < ${hi})`;

/**
 * A row's name starts with the one folded letter `lo`, checked row by row (the recent window): a name starting in
 * ASCII folds to its lower-cased first letter, so only the others pay for calling the fold function.
 */
const startsWithLetter = (column: string, lo: string): Sql => {
  const c = new Sql(column, []);
  return sql`(CASE WHEN unicode(${c}) < 128 THEN lower(substr(${c}, 1, 1)) = ${lo}
              ELSE substr(${raw(START(column))}, 1, 1) = ${lo} END)`;
};

/** Ids of live patients matching the search, newest first. */
export function searchPatientIds(db: ReadableDB, plan: SearchPlan, limit: number): number[] {
  if (plan.mode === 'none') return [];
  if (plan.mode === 'prefix') {
    const lo = plan.prefix;
    const hi = prefixEnd(plan.prefix);
    if ([...lo].length === 2) {
      const p = (expr: string) => sql`SELECT id FROM patients WHERE ${raw(expr)} = ${lo} AND merged_into_id IS NULL`;
      return newestOf(db, [p(FAMILY_START), p(GIVEN_START), p(NATIVE_START)], limit);
    }
    const recent = recentHits(
      db,
      'patients',
      sql`merged_into_id IS NULL AND (${join(
        ['family_name', 'given_name', 'native_name'].map((c) => startsWithLetter(c, lo)),
        ' OR ',
      )})`,
      limit,
    );
    if (recent) return recent;
    const r = (expr: string) =>
      sql`SELECT id FROM patients WHERE ${nameRange(expr, lo, hi)} AND merged_into_id IS NULL`;
    return all<{ id: number }>(
      db,
      sql`SELECT id FROM (${join([r(FAMILY_START), r(GIVEN_START), r(NATIVE_START)], ' UNION ')})
          ORDER BY id DESC LIMIT ${limit}`,
    ).map((r) => r.id);
  }
  const filter = shortFilter('f.names', plan.shortWords);
  // Inquiries hold no MRN: only patients look the typed identifier up, as a second phrase either may match.
  const match = plan.identifier === undefined ? plan.match : `${plan.match} OR identifiers : ${quote(plan.identifier)}`;
  return all<{ id: number }>(
    db,
    sql`SELECT f.rowid AS id FROM patients_fts f WHERE patients_fts MATCH ${match} AND ${filter} ORDER BY f.rowid DESC LIMIT ${limit}`,
  ).map((r) => r.id);
}

/** The ids of inquiries matching a (non-empty) plan, as a subquery. */
function inquiryMatches(plan: Exclude<SearchPlan, { mode: 'none' }>): Sql {
  if (plan.mode === 'prefix') {
    const lo = plan.prefix;
    const hi = prefixEnd(plan.prefix);
    return sql`SELECT id FROM inquiries WHERE ${nameRange(PATIENT_NAME_START, lo, hi)}
               UNION SELECT id FROM inquiries WHERE ${nameRange(CONTACT_NAME_START, lo, hi)}`;
  }
  return sql`SELECT f.rowid AS id FROM inquiries_fts f WHERE inquiries_fts MATCH ${plan.match} AND ${shortFilter('f.names', plan.shortWords)}`;
}

/** Ids of inquiries matching the search, newest first. */
export function searchInquiryIds(db: ReadableDB, plan: SearchPlan, limit: number): number[] {
  if (plan.mode === 'none') return [];
  if (plan.mode === 'fts') {
    // Straight from the index in rowid order: no sort over every hit of a common trigram.
    return all<{ id: number }>(db, sql`${inquiryMatches(plan)} ORDER BY f.rowid DESC LIMIT ${limit}`).map((r) => r.id);
  }
  const lo = plan.prefix;
  if ([...lo].length === 2) {
    const p = (expr: string) => sql`SELECT id FROM inquiries WHERE ${raw(expr)} = ${lo}`;
    return newestOf(db, [p(PATIENT_NAME_START), p(CONTACT_NAME_START)], limit);
  }
  const recent = recentHits(
    db,
    'inquiries',
    sql`(${startsWithLetter('patient_name', lo)} OR ${startsWithLetter('contact_name', lo)})`,
    limit,
  );
  if (recent) return recent;
  return all<{ id: number }>(db, sql`SELECT id FROM (${inquiryMatches(plan)}) ORDER BY id DESC LIMIT ${limit}`).map(
    (r) => r.id,
  );
}

/**
 * A text of long words and short ones ("Chen Hu") reads the long words' hits from the index and checks each hit's names
 * for the short ones (shortFilter): some 9,000 hits of "chen" at the 10-year size, 8–11 ms a keystroke, nearly all of it
 * reading each hit's names. As a name is typed the long words stay and the short ones grow ("Chen H", "Chen Hu"): so the
 * long words' hits are kept with their names, lower-cased as SQLite's lower() does (ASCII letters only), for the last
 * few texts and only while nothing is written (db/sqlite/write-stamp.ts), and the next keystroke checks them in memory.
 * Words with more hits than this are not kept (each keystroke reads them as before).
 */
const KEPT_WORD_HITS_MAX = 20_000;
/** Texts kept per records file: a search box or two typed in at a time. */
const KEPT_WORD_TEXTS = 4;

interface WordHits {
  ids: number[];
  names: string[];
}
/** How the long words' hits were found (a test tells a kept set from a read one). */
export interface WordHitStats {
  read: number;
  fromMemory: number;
}
const keptHitsByFile = new WeakMap<
  ReadableDB,
  { stamp: string; byMatch: Map<string, WordHits | null>; stats: WordHitStats }
>();

/** Stats of the kept word hits on this connection. */
export function wordHitStats(db: ReadableDB): WordHitStats {
  return { ...(keptHitsByFile.get(db)?.stats ?? { read: 0, fromMemory: 0 }) };
}

/**
 * The hits of an FTS match with their names as shortFilter reads them, kept while nothing is written; null when there
 * are too many to keep, or inside a transaction (whose rows may yet roll back): the caller then asks SQLite.
 */
function keptWordHits(db: ReadableDB, match: string): WordHits | null {
  if (db.inTransaction) return null;
  let kept = keptHitsByFile.get(db);
  if (!kept) {
    kept = { stamp: '', byMatch: new Map(), stats: { read: 0, fromMemory: 0 } };
    keptHitsByFile.set(db, kept);
  }
  const stamp = writeStamp(db);
  if (stamp !== kept.stamp) {
    kept.byMatch.clear();
    kept.stamp = stamp;
  }
  if (kept.byMatch.has(match)) {
    const hits = kept.byMatch.get(match) ?? null;
    kept.byMatch.delete(match);
    kept.byMatch.set(match, hits);
    if (hits) kept.stats.fromMemory += 1;
    return hits;
  }
  // Two JSON arrays built inside SQLite and parsed at once: half the time of a row object per hit.
  const r = get<{ n: number; ids: string; names: string }>(
    db,
    sql`SELECT count(*) AS n, json_group_array(id) AS ids, json_group_array(names) AS names
          FROM (SELECT f.rowid AS id, lower(f.names) AS names FROM inquiries_fts f WHERE inquiries_fts MATCH ${match}
                LIMIT ${KEPT_WORD_HITS_MAX + 1})`,
  );
  const hits =
    !r || r.n > KEPT_WORD_HITS_MAX
      ? null
      : { ids: JSON.parse(r.ids) as number[], names: JSON.parse(r.names) as string[] };
  if (hits) kept.stats.read += 1;
  if (kept.byMatch.size >= KEPT_WORD_TEXTS) {
    const oldest = kept.byMatch.keys().next().value;
    if (oldest !== undefined) kept.byMatch.delete(oldest);
  }
  kept.byMatch.set(match, hits);
  return hits;
}

/**
 * How many inquiries match the text, counting no further than `cap + 1` (the index stops there), and up to `cap` their
 * ids as a JSON array, in no particular order (null past the cap).
 */
export function inquiryMatchIds(
  db: ReadableDB,
  plan: Exclude<SearchPlan, { mode: 'none' }>,
  cap: number,
): { n: number; ids: string | null } {
  if (plan.mode === 'fts' && plan.shortWords.length > 0) {
    const hits = keptWordHits(db, plan.match);
    if (hits) {
      const ids: number[] = [];
      for (let k = 0; k < hits.ids.length && ids.length <= cap; k++) {
        const names = hits.names[k] ?? '';
        if (plan.shortWords.every((w) => names.includes(w))) ids.push(hits.ids[k] ?? 0);
      }
      return { n: ids.length, ids: ids.length <= cap ? JSON.stringify(ids) : null };
    }
  }
  const r = get<{ n: number; ids: string | null }>(
    db,
    sql`SELECT count(*) AS n, CASE WHEN count(*) <= ${cap} THEN json_group_array(id) END AS ids
          FROM (${inquiryMatches(plan)} LIMIT ${cap + 1})`,
  );
  return { n: r?.n ?? 0, ids: r?.ids ?? null };
}

/**
 * sd_fold_start row by row, without calling it for a name starting with two ASCII characters: those fold to their
 * lower case, as foldStart does (the index ranges keep the function's own expression, word for word).
 */
const asciiStart = (column: string) =>
  `(CASE WHEN unicode(${column}) < 128 AND unicode(substr(${column}, 2, 1)) < 128 THEN lower(substr(${column}, 1, 2))
     ELSE ${START(column)} END)`;

/**
 * A filter for a larger query: inquiries whose text matches (used by the inquiry list). With few hits the index's
 * ids are the list; with many (`manyHits`) each row read in the list's order is checked by itself instead, so a word
 * in most rows ("example.org") costs a page of rows, not a set of every hit (the same folding as the index's).
 */
export function inquiryTextFilter(plan: SearchPlan, alias: string, manyHits = false): Sql {
  if (plan.mode === 'none') return sql`1`;
  const col = (name: string) => new Sql(`${alias}.${name}`, []);
  if (!manyHits) return sql`${col('id')} IN (${inquiryMatches(plan)})`;
  if (plan.mode === 'prefix') {
    const lo = plan.prefix;
    const hi = prefixEnd(plan.prefix);
    return sql`(${nameRange(asciiStart(`${alias}.patient_name`), lo, hi)} OR ${nameRange(asciiStart(`${alias}.contact_name`), lo, hi)})`;
  }
  // Text in printable ASCII folds as lower() does (no marks to drop): only the other rows call the fold function.
  const text = `concat_ws(' ', ${alias}.patient_name, ${alias}.contact_name, ${alias}.contact_email, ${alias}.contact_phone_digits, ${alias}.messaging_handle)`;
  const doc = raw(`(CASE WHEN ${text} GLOB '*[^ -~]*' THEN sd_fold(${text}) ELSE lower(${text}) END)`);
  const names = `${alias}.patient_name || ' ' || ${alias}.contact_name`;
  return join([...plan.words.map((w) => sql`instr(${doc}, ${w}) > 0`), shortFilter(names, plan.shortWords)], ' AND ');
}

const likePattern = (text: string, start = '%') => `${start}${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The columns each index covers: all of them for 3+ characters and phone digits, the names for short queries. */
const SCAN_COLUMNS = {
  patients: {
    names: ['family_name', 'given_name', 'native_name'],
    all: [
      'family_name',
      'given_name',
      'native_name',
      'email',
      'phone_digits',
      'messaging_handle',
      'mrn',
      'passport_number',
    ],
  },
  inquiries: {
    names: ['patient_name', 'contact_name'],
    all: ['patient_name', 'contact_name', 'contact_email', 'contact_phone_digits', 'messaging_handle'],
  },
} as const;

const anyLike = (columns: readonly string[], pattern: string): Sql =>
  sql`(${join(
    columns.map((c) => sql`${new Sql(c, [])} LIKE ${pattern} ESCAPE '\\'`),
    ' OR ',
  )})`;

/**
 * The same search as a LIKE scan over the table, newest first, stopping at `limit` hits: what search costs without
 * the indexes, and the answer they must give. Same plan, same columns, same LIMIT: one or two letters are the start
 * of a name (LIKE 'li%'; the native name case for case, as its index keeps it), one or two Chinese characters are
 * anywhere in a name, longer words anywhere in any column the trigram index holds. It differs from the index only
 * where the index folds more than LIKE does (diacritics, non-Latin capitals) and for the identifiers of records merged
 * into a patient, which it does not look up. Kept for the benchmark's baseline and as a cross-check in tests; screens
 * never use it.
 */
export function likeSearchIds(db: ReadableDB, table: 'patients' | 'inquiries', text: string, limit: number): number[] {
  const plan = planSearch(text);
  if (plan.mode === 'none') return [];
  const columns = SCAN_COLUMNS[table];
  let where: Sql;
  if (plan.mode === 'prefix') {
    const starts = likePattern(plan.prefix, '');
    const latin = columns.names.filter((c) => c !== 'native_name');
    const native =
      table === 'patients' ? [sql`substr(native_name, 1, ${[...plan.prefix].length}) = ${plan.prefix}`] : [];
    where = sql`(${join([anyLike(latin, starts), ...native], ' OR ')})`;
  } else if (plan.grams) {
    where = anyLike(columns.names, likePattern(plan.words[0] ?? ''));
  } else {
    where = join(
      [
        ...plan.words.map((w) => anyLike(columns.all, likePattern(w))),
        ...plan.shortWords.map((w) => anyLike(columns.names, likePattern(w))),
      ],
      ' AND ',
    );
    if (plan.identifier !== undefined && table === 'patients')
      where = sql`(${where} OR ${anyLike(['mrn', 'passport_number'], likePattern(plan.identifier))})`;
  }
  const live = table === 'patients' ? sql`merged_into_id IS NULL AND ` : sql``;
  return all<{ id: number }>(
    db,
    sql`SELECT id FROM ${new Sql(table, [])} WHERE ${live}${where} ORDER BY id DESC LIMIT ${limit}`,
  ).map((r) => r.id);
}
