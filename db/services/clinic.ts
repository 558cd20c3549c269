// Rules for the clinic's settings: name and time zone, rooms, and the procedure types the ward books (admin only).
import type { ClinicSettings, ProcedureType, Room } from '../contract';
import * as types from '../repos/procedure-types';
import * as rooms from '../repos/rooms';
import { putSetting } from '../repos/settings';
import { fieldError } from '../sqlite/domain-error';
import type { ReadableDB } from '../sqlite/handles';
import { clinicName, clinicTimeZone, idleLockMinutes } from './clinic-time';
import type { CallContext } from './context';
import type { Core } from './core';
import { command, mustLoad } from './kernel';

const read = (core: Core): ClinicSettings => ({
  name: clinicName(core),
  timeZone: clinicTimeZone(core),
  idleLockMinutes: idleLockMinutes(core),
});

export const settings = (ctx: CallContext): ClinicSettings => read(ctx.core);

export function saveSettings(ctx: CallContext, input: ClinicSettings): ClinicSettings {
  const audit = (before: ClinicSettings, after: ClinicSettings) => ({ entityId: null, before, after });
  const spec = { action: 'clinic.saveSettings', entity: 'settings', id: 0, load: () => read(ctx.core), audit };
  return command(ctx, spec, ({ w }) => {
    putSetting(w, 'clinic.name', input.name);
    putSetting(w, 'clinic.timeZone', input.timeZone);
    putSetting(w, 'clinic.idleLockMinutes', String(input.idleLockMinutes));
    return read(ctx.core);
  });
}

export const listRooms = (ctx: CallContext, q: { includeRetired: boolean }): Room[] =>
  rooms.listRooms(ctx.core.db, q.includeRetired);

const loadRoom = (db: ReadableDB, id: number): Room => mustLoad(db, id, rooms.findRoom, 'Room');

function checkRoomName(db: ReadableDB, name: string, exceptId: number | null): void {
  if (rooms.roomNamedLike(db, name, exceptId) !== null) throw fieldError('name', 'A room of this name already exists');
}

export function createRoom(ctx: CallContext, fields: { name: string; active: boolean }): Room {
  return command(ctx, { action: 'rooms.create', entity: 'room' }, ({ w }) => {
    checkRoomName(w, fields.name, null);
    return loadRoom(w, rooms.insertRoom(w, fields));
  });
}

/** Renames, retires or brings back a room. A retired room keeps its bookings; it is only offered no longer. */
export function updateRoom(
  ctx: CallContext,
  input: { id: number; version: number; fields: { name: string; active: boolean } },
): Room {
  const spec = { action: 'rooms.update', entity: 'room', id: input.id, load: rooms.findRoom, label: 'Room' };
  return command(ctx, { ...spec, version: input.version }, ({ w }) => {
    checkRoomName(w, input.fields.name, input.id);
    rooms.updateRoom(w, input.id, input.fields);
    return loadRoom(w, input.id);
  });
}

export const listProcedureTypes = (ctx: CallContext, q: { includeRetired: boolean }): ProcedureType[] =>
  types.listProcedureTypes(ctx.core.db, q.includeRetired);

const loadType = (db: ReadableDB, id: number): ProcedureType =>
  mustLoad(db, id, types.findProcedureType, 'Procedure type');

function checkTypeName(db: ReadableDB, name: string, exceptId: number | null): void {
  if (types.procedureTypeNamedLike(db, name, exceptId) !== null) {
    throw fieldError('name', 'A procedure type of this name already exists');
  }
}

export function createProcedureType(ctx: CallContext, fields: types.ProcedureTypeWrite): ProcedureType {
  return command(ctx, { action: 'procedureTypes.create', entity: 'procedure_type' }, ({ w }) => {
    checkTypeName(w, fields.name, null);
    return loadType(w, types.insertProcedureType(w, fields));
  });
}

export function updateProcedureType(
  ctx: CallContext,
  input: { id: number; version: number; fields: types.ProcedureTypeWrite },
): ProcedureType {
  const spec = { action: 'procedureTypes.update', entity: 'procedure_type', id: input.id };
  const load = { load: types.findProcedureType, label: 'Procedure type', version: input.version };
  return command(ctx, { ...spec, ...load }, ({ w }) => {
    checkTypeName(w, input.fields.name, input.id);
    types.updateProcedureType(w, input.id, input.fields);
    return loadType(w, input.id);
  });
}
