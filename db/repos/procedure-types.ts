// SQL and row mapping for procedure types: what the ward books, with a default duration, route and colour.
import type { ProcedureType } from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { all, get, run, sql } from '../sqlite/sql';

interface ProcedureTypeRow {
  id: number;
  code: ProcedureType['code'];
  name: string;
  default_minutes: number;
  route: ProcedureType['route'];
  colour: string;
  active: number;
  version: number;
}

export type ProcedureTypeWrite = Omit<ProcedureType, 'id' | 'code' | 'version'>;

const SELECT = sql`SELECT id, code, name, default_minutes, route, colour, active, version FROM procedure_types`;

const toType = (r: ProcedureTypeRow): ProcedureType => ({
  id: r.id,
  code: r.code,
  name: r.name,
  defaultMinutes: r.default_minutes,
  route: r.route,
  colour: r.colour,
  active: r.active === 1,
  version: r.version,
});

export function findProcedureType(db: ReadableDB, id: number): ProcedureType | null {
  const row = get<ProcedureTypeRow>(db, sql`${SELECT} WHERE id = ${id}`);
  return row ? toType(row) : null;
}

export const listProcedureTypes = (db: ReadableDB, includeRetired: boolean): ProcedureType[] =>
  all<ProcedureTypeRow>(db, sql`${SELECT} WHERE active = 1 OR ${includeRetired} ORDER BY active DESC, id`).map(toType);

export const procedureTypeNamedLike = (db: ReadableDB, name: string, exceptId: number | null): number | null =>
  get<{ id: number }>(
    db,
    sql`SELECT id FROM procedure_types WHERE lower(name) = lower(${name}) AND id IS NOT ${exceptId}`,
  )?.id ?? null;

export const insertProcedureType = (db: WritableDB, f: ProcedureTypeWrite): number =>
  Number(
    run(
      db,
      sql`INSERT INTO procedure_types (name, default_minutes, route, colour, active)
          VALUES (${f.name}, ${f.defaultMinutes}, ${f.route}, ${f.colour}, ${f.active})`,
    ).lastInsertRowid,
  );

export function updateProcedureType(db: WritableDB, id: number, f: ProcedureTypeWrite): void {
  run(
    db,
    sql`UPDATE procedure_types SET name = ${f.name}, default_minutes = ${f.defaultMinutes}, route = ${f.route},
          colour = ${f.colour}, active = ${f.active}, version = version + 1 WHERE id = ${id}`,
  );
}
