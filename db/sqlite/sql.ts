// The `sql` tagged template: values become `?` parameters, fragments nest, statements are prepared once per text.
import type { Database, Statement } from 'better-sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;

export class Sql {
  constructor(
    readonly text: string,
    readonly values: readonly SqlValue[],
  ) {}
}

/** sql`SELECT * FROM t WHERE id = ${id}`: every interpolation is a bound parameter unless it is itself a Sql fragment. */
export function sql(strings: TemplateStringsArray, ...parts: ReadonlyArray<SqlValue | boolean | Sql>): Sql {
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

export function prepare(db: Database, text: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let stmt = statements.get(text);
  if (!stmt) {
    stmt = db.prepare(text);
    statements.set(text, stmt);
  }
  return stmt;
}

export const all = <T>(db: Database, q: Sql): T[] => prepare(db, q.text).all(...q.values) as T[];
export const get = <T>(db: Database, q: Sql): T | undefined => prepare(db, q.text).get(...q.values) as T | undefined;
export const run = (db: Database, q: Sql) => prepare(db, q.text).run(...q.values);
