// The `sql` tagged template: values become `?` parameters, fragments nest, statements are prepared once per text.
import type { Database, Statement } from 'better-sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;

export class Sql {
  constructor(
    readonly text: string,
    readonly values: readonly SqlValue[],
  ) {}
}

/**
 * The text of a call site without fragments, joined once: a template's strings are the same object on every call, so
 * a hot insert (the seed writes millions) neither rebuilds its text nor has the statement cache hash a new string.
 */
const plainTexts = new WeakMap<TemplateStringsArray, string>();

/** sql`SELECT * FROM t WHERE id = ${id}`: every interpolation is a bound parameter unless it is itself a Sql fragment. */
export function sql(strings: TemplateStringsArray, ...parts: ReadonlyArray<SqlValue | boolean | Sql>): Sql {
  if (!parts.some((part) => part instanceof Sql)) {
    let plain = plainTexts.get(strings);
    if (plain === undefined) {
      plain = strings.join('?');
      plainTexts.set(strings, plain);
    }
    return new Sql(
      plain,
      parts.map((part) => (typeof part === 'boolean' ? (part ? 1 : 0) : (part as SqlValue))),
    );
  }
  let text = strings[0] ?? '';
  const values: SqlValue[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Sql) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += '?';
      values.push(typeof part === 'boolean' ? (part ? 1 : 0) : part);
    }
    text += strings[i + 1] ?? '';
  });
  return new Sql(text, values);
}

/** Trusted text (identifiers picked from a fixed list), never user input. */
export const raw = (text: string): Sql => new Sql(text, []);

export function join(fragments: readonly Sql[], separator: string): Sql {
  return new Sql(
    fragments.map((f) => f.text).join(separator),
    fragments.flatMap((f) => f.values),
  );
}

const cache = new WeakMap<Database, Map<string, Statement>>();
/** Statements in raw mode (rows as arrays) are kept apart: the mode sticks to a statement. */
const rawCache = new WeakMap<Database, Map<string, Statement>>();

function cached(store: WeakMap<Database, Map<string, Statement>>, db: Database, text: string, asArrays: boolean) {
  let statements = store.get(db);
  if (!statements) {
    statements = new Map();
    store.set(db, statements);
  }
  let stmt = statements.get(text);
  if (!stmt) {
    stmt = db.prepare(text);
    if (asArrays) stmt.raw(true);
    statements.set(text, stmt);
  }
  return stmt;
}

export const prepare = (db: Database, text: string): Statement => cached(cache, db, text, false);

export const all = <T>(db: Database, q: Sql): T[] => prepare(db, q.text).all(...q.values) as T[];
export const get = <T>(db: Database, q: Sql): T | undefined => prepare(db, q.text).get(...q.values) as T | undefined;
export const run = (db: Database, q: Sql) => prepare(db, q.text).run(...q.values);
/**
 * Rows as arrays in the order of the SELECT list: for the few hot reads of hundreds of rows (the ward calendar), where
 * building one keyed object per row in the driver and another in the mapper costs more than the query itself.
 */
export const arrays = <T extends readonly unknown[]>(db: Database, q: Sql): T[] =>
  cached(rawCache, db, q.text, true).all(...q.values) as T[];
