// SQL and row mapping for the clinic's rooms (retired rooms stay, so their past bookings keep a name).
import type { Room } from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { all, get, run, sql } from '../sqlite/sql';

interface RoomRow {
  id: number;
  name: string;
  active: number;
  version: number;
}

const toRoom = (r: RoomRow): Room => ({ id: r.id, name: r.name, active: r.active === 1, version: r.version });

export function findRoom(db: ReadableDB, id: number): Room | null {
  const row = get<RoomRow>(db, sql`SELECT id, name, active, version FROM rooms WHERE id = ${id}`);
  return row ? toRoom(row) : null;
}

/** Active rooms first, then by name; retired ones only when asked. */
export const listRooms = (db: ReadableDB, includeRetired: boolean): Room[] =>
  all<RoomRow>(
    db,
    sql`SELECT id, name, active, version FROM rooms WHERE active = 1 OR ${includeRetired}
         ORDER BY active DESC, lower(name), id`,
  ).map(toRoom);

/** Another room of this name (case-insensitive, as the unique index compares), if any. */
export const roomNamedLike = (db: ReadableDB, name: string, exceptId: number | null): number | null =>
  get<{ id: number }>(db, sql`SELECT id FROM rooms WHERE lower(name) = lower(${name}) AND id IS NOT ${exceptId}`)?.id ??
  null;

export const insertRoom = (db: WritableDB, f: { name: string; active: boolean }): number =>
  Number(run(db, sql`INSERT INTO rooms (name, active) VALUES (${f.name}, ${f.active})`).lastInsertRowid);

export function updateRoom(db: WritableDB, id: number, f: { name: string; active: boolean }): void {
  run(db, sql`UPDATE rooms SET name = ${f.name}, active = ${f.active}, version = version + 1 WHERE id = ${id}`);
}
